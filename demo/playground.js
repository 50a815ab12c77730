// The designer playground: every control changes the live cashier, and every event it
// fires is listed. Text is set with textContent only (the page runs under Trusted Types).
const checkout = document.getElementById('checkout');
const form = document.getElementById('controls');
const events = document.getElementById('events');

// The script-tag bundle exposes its exports as the global `Shouyin`.
for (const name of globalThis.Shouyin.EVENT_NAMES) {
  checkout.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify(event.detail)}`;
    events.prepend(item);
  });
}

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
  return `/api/session?${query}`;
}

function applyLook() {
  const data = new FormData(form);
  const locale = String(data.get('locale') || '');
  if (locale) checkout.setAttribute('locale', locale);
  else checkout.removeAttribute('locale');
  checkout.colorScheme = String(data.get('colorScheme') || 'auto');
  checkout.style.setProperty('--shouyin-color-primary', String(data.get('primary')));
  checkout.style.setProperty('--shouyin-radius', `${data.get('radius')}px`);
  checkout.style.setProperty('--shouyin-radius-small', `${Math.round(Number(data.get('radius')) * 0.66)}px`);
}

form.addEventListener('input', (event) => {
  if (['locale', 'colorScheme', 'primary', 'radius'].includes(event.target.name)) applyLook();
});

// With the `action` scenario a wallet payment waits for its payer. These stand in for them:
// the button pays whatever attempt is waiting (as scanning the QR code would), and inside a
// simulated WeChat or Alipay the bridge's sheet pays at once. Either way the wallet tells the
// backend first, and the cashier only believes the backend.
const payerPays = document.getElementById('payer-pays');
let waiting = null;
checkout.addEventListener('shouyin-pending', (event) => {
  waiting = event.detail.action ? event.detail.paymentId : null;
  payerPays.disabled = !waiting;
});
for (const name of ['shouyin-success', 'shouyin-failure', 'shouyin-ready']) {
  checkout.addEventListener(name, () => {
    waiting = null;
    payerPays.disabled = true;
  });
}
const confirmPaid = (paymentId) => fetch(`/api/intents/${encodeURIComponent(paymentId)}/confirm`, { method: 'POST' });
payerPays.addEventListener('click', async () => {
  if (!waiting) return;
  // The cashier sees it at its next status check, or at once on "我已完成支付".
  await confirmPaid(waiting);
});
function simulateBridges(env) {
  const pay = (paymentId, answer) => void confirmPaid(paymentId).then(answer);
  globalThis.WeixinJSBridge =
    env === 'wechat'
      ? { invoke: (_method, params, cb) => pay(String(params.package).replace('prepay_id=', ''), () => cb({ err_msg: 'get_brand_wcpay_request:ok' })) }
      : undefined;
  globalThis.AlipayJSBridge =
    env === 'alipay' ? { call: (_method, params, cb) => pay(String(params.tradeNO), () => cb({ resultCode: '9000' })) } : undefined;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  applyLook();
  const env = String(new FormData(form).get('env') || '');
  if (env) checkout.setAttribute('env', env);
  else checkout.removeAttribute('env');
  // The card platform's origin: `npm start` serves the frame on the next port of 127.0.0.1.
  if (new FormData(form).get('cardFrame')) checkout.setAttribute('card-frame', `http://127.0.0.1:${Number(location.port) + 1}/card-frame.html`);
  else checkout.removeAttribute('card-frame');
  simulateBridges(env);
  checkout.setAttribute('session-url', `${sessionUrl()}&t=${Date.now()}`);
});

// DEMO ONLY: the reference backend simulates the bank, and answers the SMS code it "sent" on a
// route no real deployment has. The order's ledger names its latest binding.
let orderId = null;
checkout.addEventListener('shouyin-ready', (event) => (orderId = event.detail.orderId));
document.getElementById('sms-code').addEventListener('click', async () => {
  const out = document.getElementById('sms-code-out');
  const book = orderId ? await (await fetch(`/api/orders/${encodeURIComponent(orderId)}`)).json() : null;
  const binding = book?.bindings?.at(-1);
  if (!binding) return void (out.textContent = 'no binding yet: press 获取验证码 first');
  const { code } = await (await fetch(`/api/bindings/${encodeURIComponent(binding.id)}/code`)).json();
  out.textContent = code;
});
