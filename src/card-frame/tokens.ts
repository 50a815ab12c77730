/**
 * The `--shouyin-*` tokens the card frame takes from the cashier: the ones its form reads. Only
 * their computed values cross (see `TokenValueSchema`), never CSS text, so a host cannot style
 * the frame beyond what these tokens allow.
 */
export const TOKEN_NAMES = [
  '--shouyin-color-primary',
  '--shouyin-color-surface',
  '--shouyin-color-surface-muted',
  '--shouyin-color-text',
  '--shouyin-color-text-muted',
  '--shouyin-color-border',
  '--shouyin-color-focus',
  '--shouyin-color-danger',
  '--shouyin-radius-small',
  '--shouyin-space',
  '--shouyin-space-small',
  '--shouyin-font-family',
  '--shouyin-font-size',
  '--shouyin-font-size-small',
  '--shouyin-target-size',
] as const;
export type TokenName = (typeof TOKEN_NAMES)[number];
