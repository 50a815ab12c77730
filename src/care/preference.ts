/**
 * The payer's own choice of care mode (the cashier's "大字模式" switch), kept on this device for
 * every merchant. Storage that is full, blocked or missing (private modes, some WebViews) just
 * means no choice was made: the host's `care` attribute decides.
 */
const KEY = 'shouyin.care';

/** `true` or `false` as the payer last chose, `null` when they never did. */
export function readCareChoice(): boolean | null {
  try {
    const stored = globalThis.localStorage?.getItem(KEY);
    return stored ? stored === '1' : null;
  } catch {
    return null;
  }
}

export function rememberCareChoice(on: boolean): void {
  try {
    globalThis.localStorage?.setItem(KEY, on ? '1' : '0');
  } catch {
    // No storage: the choice holds for this page only.
  }
}
