import { css } from 'lit';

export const cardBindingStyles = css`
  :host {
    display: block;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 8px;
    font-weight: 600;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    flex: 1 1 100%;
    min-inline-size: 0;
    container-type: inline-size;
  }
  .field.half {
    flex-basis: calc(50% - 6px);
  }
  label {
    font-size: var(--_font-size-small);
    font-weight: 600;
  }
  input:not([type='checkbox']) {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: max(var(--_target-size), 44px);
    padding: 10px 12px;
    font: inherit;
    /* 16px at least, or iOS zooms the page when the field gets focus. */
    font-size: max(var(--_font-size), 16px);
    font-variant-numeric: tabular-nums;
    color: var(--_color-text);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-small);
  }
  input[aria-invalid='true'] {
    border-color: var(--_color-danger);
  }
  /* 19 digits, 18 characters of an ID: about 12em. Where the field is narrower (320 px at 200%
     zoom) the text shrinks to fit instead of scrolling (WCAG 1.4.10). */
  #number,
  #idNumber {
    --_inset: 26px;
    font-size: min(max(var(--_font-size), 16px), calc((100cqi - var(--_inset)) / 12.5));
  }
  @container (max-width: 200px) {
    input:not([type='checkbox']) {
      padding-inline: 6px;
    }
    #number,
    #idNumber {
      --_inset: 14px;
    }
  }
  .hint,
  .bank {
    margin: 0;
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .bank {
    color: var(--_color-text);
    font-weight: 600;
  }
  .error {
    margin: 0;
    font-size: var(--_font-size-small);
    color: var(--_color-danger);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: stretch;
  }
  /* The code and its resend button share a row: the field gives way, the button keeps its words;
     where the row has no room for six digits beside the button, the button goes under the field. */
  .row input:not([type='checkbox']) {
    flex: 1 1 7em;
    inline-size: auto;
    min-inline-size: 0;
  }
  .row button {
    flex: none;
  }
  .agree {
    display: flex;
    align-items: center;
    gap: 8px;
    min-block-size: 44px;
    font-size: var(--_font-size-small);
  }
  .agree input {
    inline-size: 22px;
    block-size: 22px;
    margin: 0;
    accent-color: var(--_color-primary);
  }
  a {
    color: var(--_color-focus);
  }
  button {
    min-block-size: max(var(--_target-size), 44px);
    min-inline-size: 44px;
    padding: 0 14px;
    font: inherit;
    color: var(--_color-primary);
    background: var(--_color-surface);
    border: 1px solid var(--_color-primary);
    border-radius: var(--_radius-small);
    white-space: nowrap;
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    color: var(--_color-text-muted);
    border-color: var(--_color-border);
    cursor: default;
  }
  button.link {
    border: 0;
    padding: 0 4px;
    color: var(--_color-focus);
    text-decoration: underline;
  }
  .notice {
    margin: 0;
    padding: 8px 12px;
    border-radius: var(--_radius-small);
    background: var(--_color-surface-muted);
    color: var(--_color-danger);
    font-size: var(--_font-size-small);
  }
  @media (forced-colors: active) {
    input[aria-invalid='true'] {
      border-color: Mark;
    }
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
