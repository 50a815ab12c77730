import { css } from 'lit';

/**
 * The public design tokens. Each `--shouyin-*` property has a default here and is read once
 * at `:host` into a private `--_*` property that component CSS uses, so a host or designer
 * overrides any of them from outside (`shouyin-checkout { --shouyin-color-primary: … }`).
 */
export const tokens = css`
  :host {
    --_color-primary: var(--shouyin-color-primary, light-dark(#c8102e, #f2555f));
    --_color-on-primary: var(--shouyin-color-on-primary, light-dark(#ffffff, #1c1c1f));
    --_color-surface: var(--shouyin-color-surface, light-dark(#ffffff, #1c1c1f));
    --_color-surface-muted: var(--shouyin-color-surface-muted, light-dark(#f6f6f7, #2a2a2f));
    --_color-text: var(--shouyin-color-text, light-dark(#1f1f22, #ececf0));
    --_color-text-muted: var(--shouyin-color-text-muted, light-dark(#5c5c66, #a9a9b3));
    --_color-border: var(--shouyin-color-border, light-dark(#8c8c96, #74747e));
    --_color-focus: var(--shouyin-color-focus, light-dark(#1a5fd0, #7aa7ff));
    --_color-success: var(--shouyin-color-success, light-dark(#137333, #4cc36d));
    --_color-danger: var(--shouyin-color-danger, light-dark(#b3261e, #ff7b72));
    --_color-warning: var(--shouyin-color-warning, light-dark(#8a5300, #e3a33b));
    --_radius: var(--shouyin-radius, 12px);
    --_radius-small: var(--shouyin-radius-small, 8px);
    --_space: var(--shouyin-space, 16px);
    --_space-small: var(--shouyin-space-small, 8px);
    --_font-family: var(
      --shouyin-font-family,
      system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif
    );
    --_font-size: var(--shouyin-font-size, 16px);
    --_font-size-small: var(--shouyin-font-size-small, 14px);
    --_font-size-amount: var(--shouyin-font-size-amount, 32px);
    --_font-size-badge: var(--shouyin-font-size-badge, 12px);
    --_target-size: var(--shouyin-target-size, 48px);
    --_max-width: var(--shouyin-max-width, 480px);
  }
  /* Engines without light-dark() (Chrome < 123, Safari < 17.5, older in-app webviews) would drop
     every color above: they get the light palette, and no dark mode. */
  @supports not (color: light-dark(#fff, #000)) {
    :host {
      --_color-primary: var(--shouyin-color-primary, #c8102e);
      --_color-on-primary: var(--shouyin-color-on-primary, #ffffff);
      --_color-surface: var(--shouyin-color-surface, #ffffff);
      --_color-surface-muted: var(--shouyin-color-surface-muted, #f6f6f7);
      --_color-text: var(--shouyin-color-text, #1f1f22);
      --_color-text-muted: var(--shouyin-color-text-muted, #5c5c66);
      --_color-border: var(--shouyin-color-border, #8c8c96);
      --_color-focus: var(--shouyin-color-focus, #1a5fd0);
      --_color-success: var(--shouyin-color-success, #137333);
      --_color-danger: var(--shouyin-color-danger, #b3261e);
      --_color-warning: var(--shouyin-color-warning, #8a5300);
    }
  }
`;

/** Resets shared by every element: box sizing, focus ring, hidden text for screen readers. */
export const base = css`
  :host {
    box-sizing: border-box;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_color-text);
    -webkit-text-size-adjust: 100%;
  }
  /* Elements only: no element here draws a ::before or ::after, and a rule for them on every
     element has the engine resolve two pseudo-element styles per element. */
  * {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* Groups of controls (channels, card fields): a plain box with a quiet caption. */
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: var(--_space-small);
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
`;
