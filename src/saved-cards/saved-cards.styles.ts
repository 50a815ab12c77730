import { css } from 'lit';

export const savedCardsStyles = css`
  :host {
    display: block;
  }
  /* The one element with a hidden binding (the CVV field): no other element needs the rule. */
  [hidden] {
    display: none !important;
  }
  .list {
    display: grid;
    gap: var(--_space-small);
  }
  .row {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: stretch;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
  }
  .row:has(input:checked) {
    border-color: var(--_color-primary);
    box-shadow: 0 0 0 1px var(--_color-primary);
  }
  .row.unusable {
    background: var(--_color-surface-muted);
    color: var(--_color-text-muted);
  }
  .option {
    position: relative;
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    gap: 4px 12px;
    min-block-size: max(var(--_target-size), 44px);
    padding: 10px var(--_space);
    cursor: pointer;
  }
  .row.unusable .option {
    cursor: not-allowed;
  }
  .option:has(input:focus-visible) {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .option input {
    /* The whole row is the target; the native radio stays for keyboard and screen readers. */
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: inherit;
  }
  .new {
    border: 1px dashed var(--_color-border);
    border-radius: var(--_radius-small);
  }
  .new:has(input:checked) {
    border: 1px solid var(--_color-primary);
    box-shadow: 0 0 0 1px var(--_color-primary);
  }
  .text {
    display: grid;
    gap: 2px;
    min-inline-size: 0;
  }
  .number {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    letter-spacing: 0.02em;
  }
  .meta,
  .advice {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .advice {
    color: var(--_color-danger);
  }
  .badge {
    padding: 2px 8px;
    border-radius: 999px;
    font-size: var(--_font-size-badge);
    line-height: 1.4;
    background: var(--_color-surface-muted);
    color: var(--_color-success);
    border: 1px solid currentColor;
  }
  .badge[data-state='expiring'] {
    color: var(--_color-warning);
  }
  .badge[data-state='expired'],
  .badge[data-state='abnormal'],
  .badge[data-state='frozen'] {
    color: var(--_color-danger);
  }
  button {
    min-block-size: max(var(--_target-size), 44px);
    min-inline-size: 44px;
    padding: 0 var(--_space);
    font: inherit;
    font-size: var(--_font-size-small);
    color: var(--_color-text);
    background: transparent;
    border: 0;
    border-radius: var(--_radius-small);
    cursor: pointer;
  }
  .remove {
    color: var(--_color-danger);
    border-inline-start: 1px solid var(--_color-border);
    border-start-start-radius: 0;
    border-end-start-radius: 0;
  }
  .remove[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.6;
  }
  .toggle {
    justify-self: start;
    color: var(--_color-focus);
    padding-inline: 0;
    text-decoration: underline;
  }
  .section {
    display: grid;
    gap: var(--_space-small);
    margin-block-start: var(--_space-small);
  }
  .cvv {
    display: grid;
    gap: 4px;
    margin-block-start: 12px;
  }
  .cvv label {
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  .cvv input {
    inline-size: min(100%, 12em);
    min-block-size: max(var(--_target-size), 44px);
    padding: 10px 12px;
    /* 16px at least, or iOS zooms the page when the field gets focus. */
    font: inherit;
    font-size: max(var(--_font-size), 16px);
    font-variant-numeric: tabular-nums;
    color: var(--_color-text);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
  }
  .cvv input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  .hint,
  .error,
  .empty,
  .notice {
    margin: 0;
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .error {
    color: var(--_color-danger);
  }
  .empty {
    padding: 12px var(--_space);
    border-radius: var(--_radius-small);
    background: var(--_color-surface-muted);
    color: var(--_color-text);
  }
  .notice:not(:empty) {
    margin-block-start: var(--_space-small);
  }
  dialog {
    max-inline-size: min(90vw, 360px);
    padding: var(--_space);
    border: 0;
    border-radius: var(--_radius);
    color: var(--_color-text);
    background: var(--_color-surface);
    font-family: var(--_font-family);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 40%);
  }
  dialog h2 {
    margin: 0 0 var(--_space-small);
    font-size: var(--_font-size);
  }
  dialog p {
    margin: 0 0 var(--_space);
  }
  .dialog-actions {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space-small);
  }
  .dialog-actions button {
    border: 1px solid var(--_color-border);
  }
  .dialog-actions .danger {
    color: var(--_color-on-primary);
    background: var(--_color-danger);
    border-color: var(--_color-danger);
  }
  /* Forced colors drop the selection's shadow and repaint its border, and the radio itself is
     invisible: the selected row takes the system's highlight, unusable ones its disabled text. */
  @media (forced-colors: active) {
    .row:has(input:checked),
    .new:has(input:checked) {
      outline: 3px solid Highlight;
      outline-offset: 2px;
    }
    .row.unusable .option,
    .row.unusable .option * {
      color: GrayText;
    }
  }
`;
