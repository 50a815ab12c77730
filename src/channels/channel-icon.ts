import { html, type TemplateResult } from 'lit';

/**
 * Small marks for the built-in channel kinds, drawn inline so they need no requests and
 * pass a strict CSP. Decorative: the channel's name is the accessible text. Each mark is one
 * static template with no parts, so a row clones it and fills in nothing: a tile in the
 * channel's colour under a white glyph (`fill` on the root).
 */
const MARKS = new Map<string, TemplateResult>([
  [
    'wechat',
    html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="#fff"><rect width="24" height="24" rx="6" fill="#07c160"/><path d="M9.5 7C6.5 7 4 9 4 11.6c0 1.5.8 2.8 2.1 3.7L5.6 17l2-1c.6.2 1.2.3 1.9.3h.5a4.3 4.3 0 0 1-.2-1.2c0-2.6 2.5-4.7 5.6-4.7h.4C15.2 8.4 12.6 7 9.5 7Zm5.9 4.3c-2.6 0-4.6 1.7-4.6 3.8s2 3.8 4.6 3.8c.5 0 1-.1 1.5-.2l1.7.9-.4-1.5c1.1-.7 1.8-1.8 1.8-3 0-2.1-2-3.8-4.6-3.8Z"/></svg>`,
  ],
  [
    'alipay',
    html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="#fff"><rect width="24" height="24" rx="6" fill="#1677ff"/><path d="M6 8h12v1.6h-5v1.6h4.3a11 11 0 0 1-1.9 4.1c1.2.6 2.6 1.2 4.6 1.9l-.8 1.6c-2-.8-3.6-1.5-5-2.3-1.4 1.2-3 1.9-4.7 1.9-1.8 0-2.9-1-2.9-2.3 0-1.6 1.5-2.6 3.4-2.6 1 0 2.1.2 3.4.7.4-.6.7-1.3.9-1.9H6.5v-1.1h4.6V9.6H6Z"/></svg>`,
  ],
  [
    'unionpay',
    html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="#fff"><rect width="24" height="24" rx="6" fill="#d7000f"/><path d="M7 7h3l-2 10H5Zm4.5 0h3l-2 10h-3Zm4.5 0h3l-2 10h-3Z"/></svg>`,
  ],
  [
    'ecny',
    html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="#fff"><rect width="24" height="24" rx="6" fill="#b8860b"/><path d="M8 6.5h2l2 3.6 2-3.6h2l-2.8 4.6H16v1.6h-3.2v1.2H16v1.6h-3.2v2.5h-1.6v-2.5H8v-1.6h3.2v-1.2H8v-1.6h2.8Z"/></svg>`,
  ],
  [
    'card',
    html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="#fff"><rect width="24" height="24" rx="6" fill="#60708a"/><rect x="4.5" y="7" width="15" height="10" rx="1.5" fill="none" stroke="#fff" stroke-width="1.6"/><path d="M4.5 10h15" stroke="#fff" stroke-width="2"/></svg>`,
  ],
]);

/** Kinds a host added: a neutral tile with a dot. */
const OTHER = html`<svg viewBox="0 0 24 24" aria-hidden="true" fill="#fff"><rect width="24" height="24" rx="6" fill="#6b6b76"/><circle cx="12" cy="12" r="4"/></svg>`;

export function channelIcon(kind: string): TemplateResult {
  return MARKS.get(kind) ?? OTHER;
}
