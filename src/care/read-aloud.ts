import { html, nothing } from 'lit';

/** Web Speech's synthesis, where the device has it (many in-app WebViews do not). */
function synthesis(): SpeechSynthesis | undefined {
  return typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined' ? undefined : speechSynthesis;
}

/** Reads `text` aloud in `lang`, a little slower than the default; a reading under way stops first. */
export function speak(text: string, lang: string): void {
  const voice = synthesis();
  if (!voice) return;
  voice.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang;
  utterance.rate = 0.85;
  voice.speak(utterance);
}

/**
 * Care mode's "朗读" button: reads what the payer must check (the merchant and the amount, or
 * the result). Left out where the device cannot speak, rather than a button that does nothing.
 */
export function readAloudButton(label: string, text: string, lang: string) {
  if (!synthesis()) return nothing;
  return html`<button type="button" class="read-aloud" part="read-aloud" @click=${() => speak(text, lang)}>${label}</button>`;
}
