/**
 * The assistant chunk: the hint rules, their words in the three catalogs, the runtime that feeds
 * the rules from the payer's path, and `<shouyin-hint>`. The checkout's assistant controller
 * loads it at the first sign of trouble or once the payer has been still on an unfinished step;
 * `load.ts` registers the element.
 */
export { AssistantRuntime } from '../assistant/assistant-runtime.js';
export { ShouyinHint } from '../assistant/hint.js';
