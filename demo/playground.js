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
  return `/api/session?${query}`;
}

function applyLook() {
  const data = new FormData(form);
  const locale = String(data.get('locale') || '');
  if (locale) checkout.setAttribute('locale', locale);
  else checkout.removeAttribute('locale');
  checkout.style.setProperty('--shouyin-color-primary', String(data.get('primary')));
  checkout.style.setProperty('--shouyin-radius', `${data.get('radius')}px`);
  checkout.style.setProperty('--shouyin-radius-small', `${Math.round(Number(data.get('radius')) * 0.66)}px`);
}

form.addEventListener('input', (event) => {
  if (['locale', 'primary', 'radius'].includes(event.target.name)) applyLook();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  applyLook();
  checkout.setAttribute('session-url', `${sessionUrl()}&t=${Date.now()}`);
});
