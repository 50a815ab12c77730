import { css } from 'lit';

export const cardFormStyles = css`
  :host {
    display: block;
  }
  /* Flex, not grid: each key lays the number's field out again, with its ancestors, and a grid
     sizes its tracks from every field first (a fifth of a key's layout). */
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
  }
  /* A container: the number's size follows its field's width (cqi), not the page's. */
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    flex: 1 1 100%;
    min-inline-size: 0;
    container-type: inline-size;
  }
  /* Expiry and CVV share a row: two halves of it less the gap. */
  .field.half {
    flex-basis: calc(50% - 6px);
  }
  label {
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  .control {
    position: relative;
    display: flex;
    align-items: center;
  }
  input {
    inline-size: 100%;
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
  /* The ring is the shared one (tokens.ts), a little closer to the field. */
  input:focus-visible {
    outline-offset: 1px;
  }
  input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  /* A full 19-digit number with its spaces is about 13.4em wide: where the field is narrower
     than that (320 px at 200% zoom), the text shrinks to fit instead of scrolling (WCAG 1.4.10);
     --_inset is the field's padding and border, the badge's room included. */
  #number {
    --_inset: 98px;
    padding-inline-end: 84px;
    font-size: min(max(var(--_font-size), 16px), calc((100cqi - var(--_inset)) / 14));
  }
  @container (max-width: 200px) {
    input {
      padding-inline: 6px;
    }
    #number {
      --_inset: 14px;
    }
  }
  .brand {
    position: absolute;
    inset-inline-end: 10px;
  }
  /* Narrow (a small phone, or zoomed): the badge leaves the field for the line under it, so the
     field shows every digit of a 19-digit number instead of keeping room for the badge. */
  @media (max-width: 360px) {
    .control {
      flex-wrap: wrap;
      gap: 4px;
      justify-content: flex-end;
    }
    #number {
      --_inset: 26px;
      padding-inline-end: 12px;
    }
    .brand {
      position: static;
    }
  }
  /* 320 px at 200% zoom: expiry and CVV each take the whole row, or each shows two digits. */
  @media (max-width: 260px) {
    .field.half {
      flex-basis: 100%;
    }
  }
  .hint,
  .error {
    margin: 0;
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .error {
    color: var(--_color-danger);
  }
`;

/**
 * The brand badge (`<span class="brand" data-brand="visa">`), shared by the card form and the
 * saved card list so a brand looks the same in both.
 */
export const brandStyles = css`
  .brand {
    padding: 2px 6px;
    border-radius: 4px;
    font-size: var(--_font-size-badge);
    font-weight: 700;
    color: #fff;
    background: #44546a;
  }
  /* Brand colors as rules, not a style attribute: a strict CSP blocks inline styles. */
  .brand[data-brand='unionpay'] { background: #d7000f; }
  .brand[data-brand='visa'] { background: #1a1f71; }
  .brand[data-brand='mastercard'] { background: #eb001b; }
  .brand[data-brand='amex'] { background: #2e77bb; }
  .brand[data-brand='jcb'] { background: #0b6e3f; }
  .brand[data-brand='discover'] { background: #e55c20; }
  .brand[data-brand='diners'] { background: #004a97; }
  .brand[data-brand='maestro'] { background: #0099df; }
  .brand[data-brand='mir'] { background: #0f754e; }
`;
