/**
 * The guide chunk: `<shouyin-open-guide>`, how to open the page in the system browser when the
 * super-app blocks the wallet the payer wants, with its words in the three catalogs. Only payers
 * who ask ("如何打开" on a blocked wallet) need it. Pure: `load.ts` registers the element.
 */
export { ShouyinOpenGuide } from '../channels/open-guide.js';
