import { svg, type SVGTemplateResult } from 'lit';

/**
 * Small marks for the built-in channel kinds, drawn inline so they need no requests and
 * pass a strict CSP. Decorative: the channel's name is the accessible text.
 */
const MARKS: Record<string, { color: string; glyph: SVGTemplateResult }> = {
  wechat: {
    color: '#07c160',
    glyph: svg`<path d="M9.5 7C6.5 7 4 9 4 11.6c0 1.5.8 2.8 2.1 3.7L5.6 17l2-1c.6.2 1.2.3 1.9.3h.5a4.3 4.3 0 0 1-.2-1.2c0-2.6 2.5-4.7 5.6-4.7h.4C15.2 8.4 12.6 7 9.5 7Zm5.9 4.3c-2.6 0-4.6 1.7-4.6 3.8s2 3.8 4.6 3.8c.5 0 1-.1 1.5-.2l1.7.9-.4-1.5c1.1-.7 1.8-1.8 1.8-3 0-2.1-2-3.8-4.6-3.8Z" fill="#fff"/>`,
  },
  alipay: {
    color: '#1677ff',
    glyph: svg`<path d="M6 8h12v1.6h-5v1.6h4.3a11 11 0 0 1-1.9 4.1c1.2.6 2.6 1.2 4.6 1.9l-.8 1.6c-2-.8-3.6-1.5-5-2.3-1.4 1.2-3 1.9-4.7 1.9-1.8 0-2.9-1-2.9-2.3 0-1.6 1.5-2.6 3.4-2.6 1 0 2.1.2 3.4.7.4-.6.7-1.3.9-1.9H6.5v-1.1h4.6V9.6H6Z" fill="#fff"/>`,
  },
  unionpay: {
    color: '#d7000f',
    glyph: svg`<path d="M7 7h3l-2 10H5Zm4.5 0h3l-2 10h-3Zm4.5 0h3l-2 10h-3Z" fill="#fff"/>`,
  },
  ecny: {
    color: '#b8860b',
    glyph: svg`<path d="M8 6.5h2l2 3.6 2-3.6h2l-2.8 4.6H16v1.6h-3.2v1.2H16v1.6h-3.2v2.5h-1.6v-2.5H8v-1.6h3.2v-1.2H8v-1.6h2.8Z" fill="#fff"/>`,
  },
  card: {
    color: '#44546a',
    glyph: svg`<rect x="4.5" y="7" width="15" height="10" rx="1.5" fill="none" stroke="#fff" stroke-width="1.6"/><path d="M4.5 10h15" stroke="#fff" stroke-width="2"/>`,
  },
};

export function channelIcon(kind: string): SVGTemplateResult {
  const mark = MARKS[kind] ?? { color: '#6b6b76', glyph: svg`<circle cx="12" cy="12" r="4" fill="#fff"/>` };
  return svg`<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false"><rect width="24" height="24" rx="6" fill=${mark.color}/>${mark.glyph}</svg>`;
}
