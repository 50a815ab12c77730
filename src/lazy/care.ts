/**
 * The care chunk: care mode's plain words (laid over the catalog), its views (the
 * "其他支付方式" disclosure, the read-aloud button, the step the payer is on) and the rule that
 * says which step that is. The checkout's care controller loads it when care mode is on (the
 * `care` attribute, or the payer's switch); its sizes and contrasts are tokens in the main
 * styles, so nothing waits for it but these.
 */
export { CareView } from '../care/care-view.js';

