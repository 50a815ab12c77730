import { css } from 'lit';

export const checkoutStyles = css`
  :host {
    display: block;
    max-inline-size: var(--_max-width);
    margin-inline: auto;
    line-height: 1.5;
    /* auto: the payer's setting. The tokens are light-dark() pairs, and the parts inside (their
       own shadow roots, lazy ones too) inherit the scheme, so they follow. */
    color-scheme: light dark;
  }
  :host([color-scheme='light']) {
    color-scheme: light;
  }
  :host([color-scheme='dark']) {
    color-scheme: dark;
  }
  /* Care mode (docs/care-mode.md): set as the public tokens, so every part inside, lazy ones
     too, inherits them. Text at least 20px (the amount 40px), targets 56px, text at 7:1. */
  :host([care]) {
    --shouyin-font-size: 20px;
    --shouyin-font-size-small: 20px;
    --shouyin-font-size-amount: 40px;
    --shouyin-font-size-badge: 20px;
    --shouyin-target-size: 56px;
    --shouyin-color-primary: light-dark(#9e0c24, #ffb3b8);
    --shouyin-color-text-muted: light-dark(#45454d, #d0d0d8);
    --shouyin-color-border: light-dark(#45454d, #d0d0d8);
    --shouyin-color-danger: light-dark(#8c1d18, #ffaaa5);
    --shouyin-color-warning: light-dark(#6b4000, #f2c27a);
    --shouyin-color-success: light-dark(#0d5626, #8fe0a3);
    --shouyin-color-focus: light-dark(#17489f, #a8c4ff);
  }
  @supports not (color: light-dark(#fff, #000)) {
    :host([care]) {
      --shouyin-color-primary: #9e0c24;
      --shouyin-color-text-muted: #45454d;
      --shouyin-color-border: #45454d;
      --shouyin-color-danger: #8c1d18;
      --shouyin-color-warning: #6b4000;
      --shouyin-color-success: #0d5626;
      --shouyin-color-focus: #17489f;
    }
  }
  /* Columns are flex, not grid: grid sizes its tracks from each item's min- and max-content
     first, which was a good part of a mount's layout. */
  .panel {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    /* The same floor in every phase, so loading → ready does not shift the page. */
    min-block-size: 420px;
    --_pad: var(--_space);
    padding: var(--_space);
    padding-inline: max(var(--_pad), env(safe-area-inset-left)) max(var(--_pad), env(safe-area-inset-right));
    padding-block-end: max(var(--_space), env(safe-area-inset-bottom));
    background: var(--_color-surface);
    border-radius: var(--_radius);
  }
  .summary {
    display: flex;
    flex-direction: column;
    gap: 4px;
    text-align: center;
  }
  .merchant,
  .description,
  .amount-label {
    margin: 0;
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .amount {
    margin: 0;
    font-size: var(--_font-size-amount);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    letter-spacing: -0.01em;
  }
  .message {
    margin: 0;
    padding: 12px var(--_space);
    border-radius: var(--_radius-small);
    background: var(--_color-surface-muted);
  }
  .message.error {
    color: var(--_color-danger);
    border-inline-start: 4px solid var(--_color-danger);
  }
  /* The bar has an edge across the panel, and what scrolls under it fades out above that edge:
     a channel row cut by the bar reads as passing under it, not as going on into the pay
     button (a payer tapping the row's last sliver pressed Pay). The fade lets taps through to
     the row it shows. */
  .actions {
    position: sticky;
    bottom: 0;
    margin-inline: calc(-1 * var(--_pad));
    padding: var(--_space-small) var(--_pad) env(safe-area-inset-bottom);
    border-block-start: 1px solid var(--_color-border);
    background: var(--_color-surface);
  }
  .actions::before {
    content: '';
    position: absolute;
    inset-inline: 0;
    inset-block-end: 100%;
    block-size: var(--_space);
    background: linear-gradient(transparent, var(--_color-surface));
    pointer-events: none;
  }
  /* Waiting on a wallet, the buttons ("I have paid", "use another") follow what they are about
     (the QR code, the message) instead of sitting over it. */
  .actions.waiting {
    position: relative;
  }
  /* A short viewport while a card field has focus is the soft keyboard open (Android shrinks
     the layout viewport): the bar steps aside so it does not sit on the field being typed in.
     Where only the visual viewport shrinks (iOS, interactive-widget=resizes-visual) the bar
     stays at the layout viewport's bottom, under the keyboard, and covers nothing. */
  @media (max-height: 500px) {
    :is(shouyin-card-form, shouyin-saved-cards):focus-within ~ .actions {
      position: relative;
    }
  }
  .outcome {
    display: grid;
    gap: var(--_space-small);
  }
  /* 320 px at 200% zoom (160 CSS px): the panel's padding gives its width back to the text. */
  @media (max-width: 260px) {
    .panel {
      --_pad: 4px;
    }
  }
  button {
    font: inherit;
    inline-size: 100%;
    min-block-size: max(var(--_target-size), 44px);
    padding: 10px var(--_space);
    border-radius: var(--_radius-small);
    border: 1px solid var(--_color-border);
    background: var(--_color-surface);
    color: var(--_color-text);
    cursor: pointer;
  }
  .care-switch,
  .read-aloud {
    inline-size: auto;
    align-self: flex-end;
  }
  /* Pressed reads as a filled switch, not by a border's width alone. */
  .care-switch[aria-pressed='true'] {
    background: var(--_color-text);
    color: var(--_color-surface);
    font-weight: 600;
  }
  .read-aloud {
    align-self: center;
  }
  /* Care mode's step: what to do now, in bold, where the payer acts (docs/care-mode.md). */
  .care-step {
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .actions::before {
      display: none;
    }
    .care-switch[aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  button.check {
    margin-block-end: var(--_space-small);
  }
  .fallback {
    display: grid;
    gap: var(--_space-small);
  }
  button.primary {
    border-color: transparent;
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font-weight: 600;
    font-size: calc(var(--_font-size) + 1px);
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .success {
    text-align: center;
    display: grid;
    gap: var(--_space-small);
    justify-items: center;
    padding-block: calc(var(--_space) * 2);
  }
  .success h2 {
    margin: 0;
    color: var(--_color-success);
    font-size: 24px;
  }
  .success p {
    margin: 0;
  }
  .reference {
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
    word-break: break-all;
  }
  .skeleton {
    display: grid;
    gap: var(--_space);
  }
  .skeleton span {
    display: block;
    block-size: 56px;
    border-radius: var(--_radius-small);
    background: var(--_color-surface-muted);
  }
  .skeleton span:first-child {
    block-size: 72px;
    inline-size: 60%;
    justify-self: center;
  }
  /* <shouyin-qr-code> before its chunk is there: the placeholder it is given, where the code will be. */
  shouyin-qr-code:not(:defined) {
    display: grid;
    justify-items: center;
  }
  .qr-loading {
    display: grid;
    place-items: center;
    inline-size: var(--shouyin-qr-size, 200px);
    block-size: var(--shouyin-qr-size, 200px);
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
    background: var(--_color-surface-muted);
  }
  .saved-cards-loading span,
  .saved-cards-loading span:first-child {
    block-size: 66px;
    inline-size: auto;
    justify-self: stretch;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton span {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }
`;
