import { css } from 'lit';

// Flex, not grid: a column or a row of boxes lays out in one pass, where grid sizes its
// tracks from every item's min- and max-content first (about half of a mount's layout).
export const channelListStyles = css`
  :host {
    display: block;
  }
  .options {
    display: flex;
    flex-direction: column;
    gap: var(--_space-small);
  }
  .option {
    position: relative;
    display: flex;
    align-items: center;
    gap: 12px;
    min-block-size: max(var(--_target-size), 44px);
    padding: 12px var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    cursor: pointer;
  }
  .selected {
    border-color: var(--_color-primary);
    box-shadow: 0 0 0 1px var(--_color-primary);
  }
  .unavailable {
    cursor: not-allowed;
    background: var(--_color-surface-muted);
    color: var(--_color-text-muted);
  }
  .unavailable svg {
    filter: grayscale(1);
    opacity: 0.6;
  }
  svg {
    flex: none;
    inline-size: 28px;
    block-size: 28px;
  }
  input {
    /*
     * The whole row is the target, and the native radio stays for keyboard and screen
     * readers: drawn as nothing (appearance: none) over the row's border box, its own focus
     * ring is the row's.
     */
    position: absolute;
    inset: -1px;
    margin: 0;
    border: 0;
    border-radius: inherit;
    background: none;
    appearance: none;
    cursor: inherit;
  }
  .text {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-inline-size: 0;
  }
  .name {
    font-weight: 600;
  }
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
  .details,
  .reason,
  .promo {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .reason {
    color: var(--_color-danger);
  }
  .promo {
    color: var(--_color-warning);
  }
  .badge {
    font-size: var(--_font-size-badge);
    line-height: 1;
    padding: 3px 6px;
    border-radius: 999px;
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font-weight: 500;
  }
  /* A blocked wallet's row: the whole row is its guide button's target (the disabled radio
     under it stays for screen readers), and the button itself is 44 px. */
  .guide {
    flex: none;
    min-block-size: 44px;
    padding: 0 12px;
    border: 1px solid var(--_color-primary);
    border-radius: 22px;
    background: var(--_color-surface);
    color: var(--_color-primary);
    font: inherit;
    font-size: var(--_font-size-small);
    cursor: pointer;
  }
  .guide::before {
    content: '';
    position: absolute;
    inset: 0;
  }
  .unavailable:has(.guide)::after {
    display: none;
  }
  /* The radio's mark, drawn by the row: an element less per row to clone and insert. */
  .option::after {
    content: '';
    flex: none;
    box-sizing: border-box;
    inline-size: 22px;
    block-size: 22px;
    border-radius: 50%;
    border: 2px solid var(--_color-border);
  }
  .selected::after {
    border: 7px solid var(--_color-primary);
  }
  /* Compact rows (care mode): the name and one short line, its first note (a warning, the
     promotion, why it cannot pay), cut rather than wrapped; the row's button shows the rest, one
     item a line. A blocked wallet's row has its "how to open" button on a line of its own
     instead. The button is a target of its own, above the radio that covers the row. */
  .compact .option:not(.open) .details,
  .compact .option:not(.open) .text > :nth-child(n + 4),
  .compact .option:not(.open):has(.guide) .reason {
    display: none;
  }
  .compact .option:not(.open) .text > :nth-child(3) {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .compact .details {
    white-space: pre-line;
  }
  .compact .option:has(.guide) {
    flex-wrap: wrap;
  }
  .compact .option:has(.guide)::before {
    content: '';
    flex-basis: 100%;
    order: 1;
  }
  .compact .guide {
    order: 1;
    margin-inline-start: 40px;
  }
  .more {
    position: relative;
    flex: none;
    min-block-size: max(var(--_target-size), 44px);
    min-inline-size: max(var(--_target-size), 44px);
    margin-block: -8px;
    padding: 0 8px;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    color: var(--_color-text);
    font: inherit;
    font-size: var(--_font-size-small);
    cursor: pointer;
  }
  /* 320 px at 200% zoom (160 CSS px): beside the icon and the mark the text had 20 px, one
     character a line. The row wraps: icon and mark above, the text across the whole row. */
  @media (max-width: 260px) {
    .option {
      flex-wrap: wrap;
      justify-content: space-between;
      padding-inline: 8px;
    }
    .text {
      order: 1;
      flex-basis: 100%;
    }
  }
  /* Forced colors (Windows high contrast) repaint every border one color and drop shadows:
     the selection takes the system's highlight, a thicker border and a filled mark;
     unavailable rows their disabled text, a dashed border and no mark to fill. */
  @media (forced-colors: active) {
    .selected {
      border: 3px solid Highlight;
    }
    .selected::after {
      border-color: Highlight;
      background: Highlight;
    }
    .unavailable {
      border-style: dashed;
      border-color: GrayText;
    }
    .unavailable::after {
      border-style: dotted;
      border-color: GrayText;
    }
    .unavailable * {
      color: GrayText;
    }
    .unavailable .guide {
      color: ButtonText;
    }
  }
`;
