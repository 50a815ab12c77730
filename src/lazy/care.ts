/**
 * The care chunk: care mode's plain words (laid over the catalog) and its read-aloud button.
 * The checkout loads it when care mode is on (the `care` attribute, or the payer's switch); its
 * sizes and contrasts are tokens in the main styles, so nothing waits for it but these.
 */
export { careMessagesFor } from '../care/care-messages.js';
export { readAloudButton } from '../care/read-aloud.js';
