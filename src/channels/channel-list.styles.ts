import { css } from 'lit';

export const channelListStyles = css`
  :host {
    display: block;
  }
  .options {
    display: grid;
    gap: var(--_space-small);
  }
  .option {
    position: relative;
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: center;
    gap: var(--_space-small) 12px;
    min-block-size: max(var(--_target-size), 44px);
    padding: 12px var(--_space);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
    background: var(--_color-surface);
    cursor: pointer;
  }
  .option:has(input:checked) {
    border-color: var(--_color-primary);
    box-shadow: 0 0 0 1px var(--_color-primary);
  }
  .option:has(input:focus-visible) {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .option.unavailable {
    cursor: not-allowed;
    background: var(--_color-surface-muted);
    color: var(--_color-text-muted);
  }
  .option.unavailable svg {
    filter: grayscale(1);
    opacity: 0.6;
  }
  input {
    /* The whole row is the target; the native radio stays for keyboard and screen readers. */
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: inherit;
  }
  .text {
    display: grid;
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
    font-size: 12px;
    line-height: 1;
    padding: 3px 6px;
    border-radius: 999px;
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font-weight: 500;
  }
  .check {
    inline-size: 22px;
    block-size: 22px;
    border-radius: 50%;
    border: 2px solid var(--_color-border);
  }
  .option:has(input:checked) .check {
    border: 7px solid var(--_color-primary);
  }
`;
