/**
 * The card frame page's script (`dist/card-frame.js`, loaded by `dist/card-frame.html` on the
 * card platform's origin). It renders the card form, seals the card itself and tells the cashier
 * only what the pay button needs and the JWE.
 *
 * It trusts no parent by default: the page names the parents it serves (`shouyin-parent-origins`,
 * as its CSP's `frame-ancestors` does) and the card keys it seals to (`shouyin-card-keys`). It
 * takes one `init` from an allowed parent's window, with one port, and then listens only there.
 */
import { ShouyinCardForm } from '../card/card-form.js';
import { en } from '../i18n/en.js';
import { zhCN } from '../i18n/zh-CN.js';
import { zhTW } from '../i18n/zh-TW.js';
import type { CardChangeDetail } from '../card/card-form.js';
import { enBinding, zhCNBinding, zhTWBinding } from '../binding/messages.js';
import { encryptBindingDetails, encryptCard, encryptSavedCardCvv } from '../protocol/card-seal.js';
import { ShouyinBindingFields } from './binding-fields.js';
import { ShouyinCvvField } from './cvv-field.js';
import { isPinnedKey } from './key-pin.js';
import { parseWith } from '../protocol/parse.js';
import type { BindingDetails } from '../protocol/binding.js';
import type { CardPayload } from '../protocol/card-payload.js';
import { FromFrameSchema, InitSchema, ToFrameSchema, type Form, type FrameChange, type FromFrame, type Look, type SealRequest } from './messages.js';
import { isAllowedOrigin, parentOrigins } from './origins.js';

const CATALOGS = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
const BINDING_CATALOGS = { 'zh-CN': zhCNBinding, 'zh-TW': zhTWBinding, en: enBinding };

function meta(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
}

const allowed = parentOrigins(meta('shouyin-parent-origins'));
const pinned = meta('shouyin-card-keys').split(/\s+/).filter(Boolean);
// Where the engine says who embeds the page (Chromium, WebKit), a parent off the list gets nothing, not even the form.
const embedder = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins?.[0];
const refused = window.parent === window || (embedder !== undefined && !isAllowedOrigin(embedder, allowed));

if (!customElements.get('shouyin-card-form')) customElements.define('shouyin-card-form', ShouyinCardForm);
if (!customElements.get('shouyin-cvv-field')) customElements.define('shouyin-cvv-field', ShouyinCvvField);
if (!customElements.get('shouyin-binding-fields')) customElements.define('shouyin-binding-fields', ShouyinBindingFields);
/** The card form, a saved card's CVV field alone (`init.form.cvvFor`) or the binding form's fields (`init.form.binding`), chosen at `init`. */
let form: ShouyinCardForm | ShouyinCvvField | ShouyinBindingFields = document.createElement('shouyin-card-form');
let port: MessagePort | undefined;

function send(message: FromFrame): void {
  // Checked on the way out too: a message this side would not accept is a bug here, not something to send.
  if (port && parseWith(FromFrameSchema, message)) port.postMessage(message);
}

function applyForm({ requireName, disabled, now, cvvFor, binding }: Form): void {
  if (form instanceof ShouyinCvvField) Object.assign(form, { disabled, brand: cvvFor ?? '' });
  else if (form instanceof ShouyinBindingFields) Object.assign(form, { disabled, now, fields: binding ?? [] });
  else Object.assign(form, { requireName, disabled, now });
}

function applyLook({ locale, scheme, tokens }: Look): void {
  const root = document.documentElement;
  root.lang = locale;
  root.style.colorScheme = scheme;
  for (const { name, value } of tokens) root.style.setProperty(name, value);
  if (form instanceof ShouyinBindingFields) form.messages = BINDING_CATALOGS[locale];
  else form.messages = CATALOGS[locale].card;
}

async function seal({ id, what, now, binding, key }: SealRequest): Promise<void> {
  // Only what the frame shows: a request for another kind finds nothing to seal.
  const shows = form instanceof ShouyinCvvField ? 'cvv' : form instanceof ShouyinBindingFields ? 'binding' : 'card';
  const taken = what === shows ? form.take() : undefined;
  if (!taken) return send({ t: 'not-sealed', id, reason: 'incomplete' });
  if (!(await isPinnedKey(key.jwk, pinned))) return send({ t: 'not-sealed', id, reason: 'key' });
  try {
    const jwe =
      form instanceof ShouyinBindingFields
        ? await encryptBindingDetails(taken as BindingDetails, key, binding, { now })
        : 'number' in taken
          ? await encryptCard(taken as CardPayload, key, binding, { now })
          : await encryptSavedCardCvv(taken, key, binding, { now });
    send({ t: 'sealed', id, jwe });
  } catch {
    send({ t: 'not-sealed', id, reason: 'key' });
  }
}

function onPortMessage(event: MessageEvent): void {
  const message = parseWith(ToFrameSchema, event.data);
  if (!message) return;
  switch (message.t) {
    case 'look':
      return applyLook(message.look);
    case 'form':
      return applyForm(message.form);
    case 'show-errors':
      form.take();
      return;
    case 'clear':
      if (form instanceof ShouyinBindingFields) return form.clear(message.reset);
      return message.reset ? form.reset() : form.clearCvv();
    case 'seal':
      void seal(message);
  }
}

/** The cashier's one `init`: from the parent window, an allowed origin, with one port; any later one is ignored. */
function onInit(event: MessageEvent): void {
  if (port || event.source !== window.parent || !isAllowedOrigin(event.origin, allowed)) return;
  const init = parseWith(InitSchema, event.data);
  if (!init || event.ports.length !== 1) return;
  window.removeEventListener('message', onInit);
  port = event.ports[0]!;
  port.onmessage = onPortMessage;
  if (init.form.cvvFor !== null) form = document.createElement('shouyin-cvv-field');
  else if (init.form.binding) form = document.createElement('shouyin-binding-fields');
  applyLook(init.look);
  applyForm(init.form);
  form.addEventListener('shouyin-card-change', (e: CustomEvent<CardChangeDetail | FrameChange>) => send({ t: 'change', ...e.detail }));
  document.body.append(form);
  // The frame is as tall as its form (and the room around it for focus rings): the cashier sizes the iframe to it, so it never scrolls inside.
  new ResizeObserver(() => send({ t: 'size', height: Math.ceil(document.body.getBoundingClientRect().height) })).observe(form);
  send({ t: 'ready' });
}

if (!refused) window.addEventListener('message', onInit);
