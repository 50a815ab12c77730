/**
 * The playground's setup as plain data, and what is made from it: the URL hash that shares it
 * and the snippet a designer pastes into a page. No DOM here, so Node tests run it as tables.
 *
 * A setup: { mode: 'preview' | 'live', state, scheme, locale, env, width, tokens: { '--shouyin-…': value } }.
 * The hash holds only what differs from the defaults, so a shared link stays short and a link
 * made before a default changed still means what its author saw.
 */

/** The screens `preview-state` offers (the preview API of <shouyin-checkout preview>). */
export const PREVIEW_STATES = [
  'ready',
  'card',
  'card-errors',
  'saved-cards',
  'removal-dialog',
  'pending',
  'qr',
  'redirect',
  'fallback',
  'failure',
  'success',
  'expired',
  'offline',
];
export const SCHEMES = ['auto', 'light', 'dark'];
/** '' is "not set": the page's language, the detected environment, no phone frame. */
export const LOCALES = ['', 'zh-CN', 'zh-TW', 'en'];
export const ENVIRONMENTS = ['', 'desktop', 'mobile', 'wechat', 'alipay', 'unionpay', 'wechat-miniprogram'];
/** Phone frames at real CSS widths (iPhone SE 1st gen, common Android, iPhone 14/15, Pro Max), with their viewport heights. */
export const FRAMES = { 320: 568, 360: 640, 390: 844, 430: 932 };
export const WIDTHS = ['', ...Object.keys(FRAMES)];
export const MODES = ['preview', 'live'];

/**
 * A token value taken from a link: CSS values of the kinds the tokens take (colors, lengths,
 * font stacks, light-dark() pairs), nothing that loads a resource. A shared link is someone
 * else's text, and `url()` would make whoever opens it fetch from anywhere.
 */
const TOKEN_VALUE = /^[\w\s#.,%()'"/+-]{1,200}$/;
const LOADS = /\b(url|image|image-set|src|cross-fade|element)\s*\(/i;
export function isTokenValue(value) {
  return typeof value === 'string' && TOKEN_VALUE.test(value) && !LOADS.test(value);
}

export function defaultSetup(live = false) {
  return { mode: live ? 'live' : 'preview', state: 'ready', scheme: 'auto', locale: '', env: '', width: '', tokens: {} };
}

const oneOf = (list, value, fallback) => (list.includes(value) ? value : fallback);

/**
 * The setup a hash describes (`#state=card&scheme=dark&--shouyin-radius=4px`). Unknown keys,
 * unknown tokens and values out of range fall back to the default, so a hand-edited or old
 * link still opens. `live` says whether this page has a backend; without one the mode is preview.
 */
export function parseSetup(hash, tokenNames, live = false) {
  const query = new URLSearchParams(hash.replace(/^#/, ''));
  const base = defaultSetup(live);
  const tokens = {};
  for (const name of tokenNames) {
    const value = query.get(name);
    if (value !== null && isTokenValue(value)) tokens[name] = value;
  }
  return {
    mode: live ? oneOf(MODES, query.get('mode'), base.mode) : 'preview',
    state: oneOf(PREVIEW_STATES, query.get('state'), base.state),
    scheme: oneOf(SCHEMES, query.get('scheme'), base.scheme),
    locale: oneOf(LOCALES, query.get('locale'), base.locale),
    env: oneOf(ENVIRONMENTS, query.get('env'), base.env),
    width: oneOf(WIDTHS, query.get('width'), base.width),
    tokens,
  };
}

/** The hash (without `#`) for a setup: the keys that differ from the defaults, tokens last. */
export function formatSetup(setup, live = false) {
  const base = defaultSetup(live);
  const query = new URLSearchParams();
  for (const key of ['mode', 'state', 'scheme', 'locale', 'env', 'width']) {
    if (setup[key] !== base[key]) query.set(key, setup[key]);
  }
  for (const [name, value] of Object.entries(setup.tokens)) query.set(name, value);
  return query.toString();
}

/**
 * What to paste into a page: the script tag, the element with the attributes this setup uses,
 * and the tokens changed from their defaults. In preview the element is a preview (for docs
 * and design reviews); a live cashier takes a `session-url` from the host's own backend.
 */
export function snippet(setup) {
  const attributes = setup.mode === 'preview' ? ['preview', `preview-state="${setup.state}"`] : ['session-url="/your/session/endpoint"'];
  if (setup.scheme !== 'auto') attributes.push(`color-scheme="${setup.scheme}"`);
  if (setup.locale) attributes.push(`locale="${setup.locale}"`);
  if (setup.env) attributes.push(`env="${setup.env}"`);
  const lines = ['<script defer src="shouyin.min.js"></script>', `<shouyin-checkout ${attributes.join(' ')}></shouyin-checkout>`];
  const tokens = Object.entries(setup.tokens);
  if (tokens.length > 0) {
    lines.push('<style>', '  shouyin-checkout {', ...tokens.map(([name, value]) => `    ${name}: ${value};`), '  }', '</style>');
  }
  return `${lines.join('\n')}\n`;
}

/** How a token is edited, from its name: a color picker, a font stack, or a length in px. */
export function tokenKind(name) {
  if (name.startsWith('--shouyin-color-')) return 'color';
  if (name === '--shouyin-font-family') return 'text';
  return 'length';
}

/**
 * A token's default as the editor shows it in this scheme: the light or dark half of a
 * `light-dark(#light, #dark)` pair, `12px` as 12, a font stack as written.
 */
export function editorValue(name, value, dark) {
  const kind = tokenKind(name);
  if (kind === 'color') {
    const pair = /^light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)$/i.exec(value);
    if (pair) return dark ? pair[2] : pair[1];
    return /^#[0-9a-f]{6}$/i.test(value) ? value : '#000000';
  }
  if (kind === 'length') {
    const px = /^(\d+(?:\.\d+)?)px$/.exec(value);
    return px ? px[1] : '';
  }
  return value;
}

/** The CSS value an editor's input stands for. */
export function tokenValue(name, input) {
  return tokenKind(name) === 'length' ? `${input}px` : input;
}
