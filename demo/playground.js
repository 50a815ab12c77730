// The designer playground: every control changes the cashier on the left, the setup lives in
// the URL's hash (so a link shares it), and the snippet shows what to paste into a page.
// Served with the reference backend (`npm start`, <html data-live>) it also takes live orders;
// the static copy in dist/playground/ runs in preview only and makes no request.
// Text is set with textContent only (the page runs under Trusted Types).
import {
  PREVIEW_STATES,
  FRAMES,
  defaultSetup,
  editorValue,
  formatSetup,
  parseSetup,
  snippet,
  tokenKind,
  tokenValue,
} from './playground/setup.js';

const live = document.documentElement.hasAttribute('data-live');
const api = document.documentElement.dataset.live ?? '';
const checkout = document.getElementById('checkout');
const frame = document.getElementById('frame');
const form = document.getElementById('controls');
const events = document.getElementById('events');
const field = (id) => document.getElementById(id);

// The script-tag bundle exposes its exports as the global `Shouyin`.
for (const name of globalThis.Shouyin.EVENT_NAMES) {
  checkout.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify(event.detail)}`;
    events.prepend(item);
  });
}

/**
 * The tokens and their defaults come from the manifest the build generates from the elements'
 * JSDoc (dist/custom-elements.json, next to the bundle), so this list cannot drift from the code.
 */
const bundle = document.querySelector('script[src$="shouyin.min.js"]');
const manifest = await (await fetch(new URL('custom-elements.json', bundle.src))).json();
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'shouyin-checkout');
const TOKENS = element.cssProperties;

let setup = parseSetup(location.hash, TOKENS.map((t) => t.name), live);

function sessionUrl() {
  const data = new FormData(form);
  const query = new URLSearchParams({
    amount: String(data.get('amount') || '12800'),
    currency: String(data.get('currency') || 'CNY'),
    scenario: String(data.get('scenario') || 'default'),
    fallback: String(data.get('fallback') || 'prompt'),
  });
  // Demo payers keep their wallet across orders (removals stick) until the server restarts.
  if (data.get('payer')) query.set('payer', String(data.get('payer')));
  if (data.get('savedCardCvv')) query.set('savedCardCvv', '1');
  if (data.get('binding')) query.set('binding', '1');
  return `${api}session?${query}`;
}

const isDark = () => setup.scheme === 'dark' || (setup.scheme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);

// ---------------------------------------------------------------------------------------
// Controls, built once: a button per preview screen, an editor per token.

const stateButtons = PREVIEW_STATES.map((state) => {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = state;
  button.addEventListener('click', () => update({ mode: 'preview', state }));
  field('states').append(button);
  return button;
});

const editors = TOKENS.map((token, index) => {
  const kind = tokenKind(token.name);
  const row = document.createElement('div');
  row.className = 'token';
  const cell = document.createElement('div');
  cell.className = 'token-field';
  const label = document.createElement('label');
  label.htmlFor = `token-${index}`;
  const name = document.createElement('code');
  name.textContent = token.name;
  label.append(name);
  const hint = document.createElement('small');
  hint.id = `token-hint-${index}`;
  hint.textContent = token.description ?? '';
  const input = document.createElement('input');
  input.id = `token-${index}`;
  input.type = kind === 'color' ? 'color' : kind === 'length' ? 'number' : 'text';
  if (kind === 'length') {
    input.min = token.name === '--shouyin-target-size' ? '44' : '0';
    input.step = '1';
    input.inputMode = 'numeric';
  }
  input.setAttribute('aria-describedby', hint.id);
  cell.append(label, input, hint);
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.textContent = 'Reset';
  reset.setAttribute('aria-label', `Reset ${token.name}`);
  input.addEventListener('input', () => {
    if (input.value === '') return;
    update({ tokens: { ...setup.tokens, [token.name]: tokenValue(token.name, input.value) } });
  });
  reset.addEventListener('click', () => {
    const tokens = { ...setup.tokens };
    delete tokens[token.name];
    update({ tokens });
  });
  row.append(cell, reset);
  field('tokens').append(row);
  return { token, input, reset };
});

// ---------------------------------------------------------------------------------------
// One setup in, everything out: the cashier, the controls, the snippet and the URL.

function apply() {
  if (setup.mode === 'preview') {
    checkout.setAttribute('preview', '');
    checkout.setAttribute('preview-state', setup.state);
  } else if (checkout.hasAttribute('preview') || !checkout.hasAttribute('session-url')) {
    checkout.removeAttribute('preview');
    checkout.removeAttribute('preview-state');
    checkout.setAttribute('session-url', sessionUrl());
  }
  checkout.colorScheme = setup.scheme;
  for (const [attribute, value] of [['locale', setup.locale], ['env', setup.env]]) {
    if (value) checkout.setAttribute(attribute, value);
    else checkout.removeAttribute(attribute);
  }
  simulateBridges(setup.env);
  for (const { token, input, reset } of editors) {
    const value = setup.tokens[token.name];
    if (value === undefined) checkout.style.removeProperty(token.name);
    else checkout.style.setProperty(token.name, value);
    // Never rewrite the input being typed in.
    if (document.activeElement !== input) input.value = editorValue(token.name, value ?? token.default ?? '', isDark());
    reset.disabled = value === undefined;
  }

  const height = FRAMES[setup.width];
  frame.classList.toggle('phone', Boolean(height));
  frame.classList.toggle('dark', isDark());
  frame.style.inlineSize = height ? `${setup.width}px` : '';
  frame.style.blockSize = height ? `${height}px` : '';

  stateButtons.forEach((button, i) => button.setAttribute('aria-pressed', String(setup.mode === 'preview' && PREVIEW_STATES[i] === setup.state)));
  for (const button of field('modes').querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.mode === setup.mode));
  field('scheme').value = setup.scheme;
  field('locale').value = setup.locale;
  field('env').value = setup.env;
  field('width').value = setup.width;
  field('snippet').textContent = snippet(setup);

  const hash = formatSetup(setup, live);
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

function update(change) {
  setup = { ...setup, ...change };
  apply();
}

for (const id of ['scheme', 'locale', 'env', 'width']) {
  field(id).addEventListener('input', (event) => update({ [id]: event.target.value }));
}
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', apply);
field('reset-tokens').addEventListener('click', () => update({ tokens: defaultSetup().tokens }));
// A link opened in this tab (pasted over the current one): take its setup.
addEventListener('hashchange', () => {
  setup = parseSetup(location.hash, TOKENS.map((t) => t.name), live);
  apply();
});

async function copy(text, done) {
  const status = field('copied');
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = done;
  } catch {
    // No clipboard (an insecure origin, a denied permission): select the text to copy by hand.
    getSelection()?.selectAllChildren(field('snippet'));
    status.textContent = 'Copying is not allowed here: the snippet is selected, press Ctrl+C (⌘C).';
  }
}
field('copy-snippet').addEventListener('click', () => copy(field('snippet').textContent ?? '', 'Snippet copied.'));
field('copy-link').addEventListener('click', () => copy(location.href, 'Link copied.'));

// ---------------------------------------------------------------------------------------
// Live orders, with the reference backend only.

function simulateBridges(env) {
  if (!live) return;
  const pay = (paymentId, answer) => void confirmPaid(paymentId).then(answer);
  globalThis.WeixinJSBridge =
    env === 'wechat'
      ? { invoke: (_method, params, cb) => pay(String(params.package).replace('prepay_id=', ''), () => cb({ err_msg: 'get_brand_wcpay_request:ok' })) }
      : undefined;
  globalThis.AlipayJSBridge =
    env === 'alipay' ? { call: (_method, params, cb) => pay(String(params.tradeNO), () => cb({ resultCode: '9000' })) } : undefined;
}
const confirmPaid = (paymentId) => fetch(`${api}intents/${encodeURIComponent(paymentId)}/confirm`, { method: 'POST' });

if (live) {
  field('live').hidden = false;
  field('modes').hidden = false;
  for (const button of field('modes').querySelectorAll('button')) {
    button.addEventListener('click', () => update({ mode: button.dataset.mode }));
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update({ mode: 'live' });
    // The card platform's origin: `npm start` serves the frame on the next port of 127.0.0.1.
    if (new FormData(form).get('cardFrame')) checkout.setAttribute('card-frame', `http://127.0.0.1:${Number(location.port) + 1}/card-frame.html`);
    else checkout.removeAttribute('card-frame');
    checkout.setAttribute('session-url', `${sessionUrl()}&t=${Date.now()}`);
  });

  // DEMO ONLY: the reference backend simulates the bank, and answers the SMS code it "sent" on a
  // route no real deployment has. The order's ledger names its latest binding.
  let orderId = null;
  checkout.addEventListener('shouyin-ready', (event) => (orderId = event.detail.orderId));
  field('sms-code').addEventListener('click', async () => {
    const out = field('sms-code-out');
    const book = orderId ? await (await fetch(`${api}orders/${encodeURIComponent(orderId)}`)).json() : null;
    const binding = book?.bindings?.at(-1);
    if (!binding) return void (out.textContent = 'no binding yet: press 获取验证码 first');
    const { code } = await (await fetch(`${api}bindings/${encodeURIComponent(binding.id)}/code`)).json();
    out.textContent = code;
  });

  // With the `action` scenario a wallet payment waits for its payer. These stand in for them:
  // the button pays whatever attempt is waiting (as scanning the QR code would), and inside a
  // simulated WeChat or Alipay the bridge's sheet pays at once. Either way the wallet tells the
  // backend first, and the cashier only believes the backend.
  const payerPays = field('payer-pays');
  let waiting = null;
  checkout.addEventListener('shouyin-pending', (event) => {
    waiting = event.detail.action && !event.detail.preview ? event.detail.paymentId : null;
    payerPays.disabled = !waiting;
  });
  for (const name of ['shouyin-success', 'shouyin-failure', 'shouyin-ready']) {
    checkout.addEventListener(name, () => {
      waiting = null;
      payerPays.disabled = true;
    });
  }
  payerPays.addEventListener('click', async () => {
    // The cashier sees it at its next status check, or at once on "我已完成支付".
    if (waiting) await confirmPaid(waiting);
  });
} else {
  // No backend behind this copy: nothing may ask one for a session.
  checkout.removeAttribute('session-url');
}

apply();
