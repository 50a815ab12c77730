/* global window, document, customElements, requestAnimationFrame, HTMLElement */
// The in-page half of `npm run bench`: bench/run.mjs loads this page in headless Chromium
// and calls `window.bench.*` through Playwright.
//
// How a frame is timed: `nextFrame()` resolves inside a requestAnimationFrame callback, so
// the code after `await nextFrame()` runs before that frame's style, layout and paint. A
// message posted from there is delivered only after them (`afterPaint()`). A mount that
// starts right after `await nextFrame()` and is checked at `afterPaint()` is therefore timed
// to the end of the first frame that shows it, without the wait for the next vsync, which
// would otherwise add 0–16 ms of noise to every sample.

const stage = document.getElementById('stage');
/** The peer's mount: a plain container that Adyen's Drop-in renders into (bench/floor/adyen-dropin.ts). */
const ADYEN_DROPIN = 'adyen-dropin';
/** The tag of the cashier's static copy (`defineStaticCopy`). */
const STATIC_COPY = 'static-shouyin';
/** A mount that is not ready after this many frames (~10 s) is an error, not a sample. */
const MAX_FRAMES = 600;

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function afterPaint() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** True when the node takes focus: connected, rendered (not display:none), enabled, not inert. */
function focusable(node) {
  if (!node || !node.isConnected || node.disabled) return false;
  node.focus({ preventScroll: true });
  const focused = node.getRootNode().activeElement === node;
  if (focused) node.blur();
  return focused;
}

/** Every element matching `selector` in `root` and in the shadow roots below it. */
function deepQueryAll(root, selector) {
  const found = [...root.querySelectorAll(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepQueryAll(element.shadowRoot, selector));
  }
  return found;
}

/** What "mounted" means for each element: what a payer needs to act is on screen and focusable. */
const READY = {
  'shouyin-checkout'(element, listTag = 'shouyin-channel-list') {
    const root = element.shadowRoot;
    const list = root?.querySelector(listTag);
    const radios = [...(list?.shadowRoot?.querySelectorAll('input[type="radio"]') ?? [])];
    const pay = root?.querySelector('[part~="pay-button"]');
    return radios.length > 0 && focusable(pay) && radios.some(focusable);
  },
  'bare-lit'(element) {
    return focusable(element.shadowRoot?.querySelector('button'));
  },
};
READY[STATIC_COPY] = (element) => READY['shouyin-checkout'](element, `${STATIC_COPY}-channel-list`);
/** Adyen's Drop-in: its three payment methods listed, the first one's button focusable. */
READY[ADYEN_DROPIN] = (element) => {
  const methods = element.querySelectorAll('.adyen-checkout__payment-method');
  return methods.length === 3 && focusable(methods[0].querySelector('[role="radio"], button, input'));
};

/**
 * The cashier's first screen as a static copy, with no script of ours: plain custom elements
 * that attach the same shadow trees (the markup Lit left and the same constructed style
 * sheets) when connected. Its mount is what style, layout and paint of that screen cost,
 * the part of the cashier's mount that no change to its script can take away.
 */
async function defineStaticCopy(sessionJson) {
  if (customElements.get(STATIC_COPY)) return;
  const { element } = await mountOne('shouyin-checkout', sessionJson);
  const rename = (markup) => markup.replace(/shouyin-(channel-list|countdown)/g, `${STATIC_COPY}-$1`);
  const copies = { [STATIC_COPY]: element };
  for (const name of ['channel-list', 'countdown']) copies[`${STATIC_COPY}-${name}`] = element.shadowRoot.querySelector(`shouyin-${name}`);
  for (const [tag, source] of Object.entries(copies)) {
    const markup = rename(source.shadowRoot.innerHTML);
    const sheets = source.shadowRoot.adoptedStyleSheets;
    customElements.define(
      tag,
      class extends HTMLElement {
        connectedCallback() {
          if (this.shadowRoot) return;
          const root = this.attachShadow({ mode: 'open' });
          root.adoptedStyleSheets = sheets;
          root.innerHTML = markup;
        }
      },
    );
  }
  element.remove();
  await nextFrame();
}

function create(tag, sessionJson) {
  if (tag === ADYEN_DROPIN) return document.createElement('div');
  const element = document.createElement(tag);
  if (sessionJson) element.session = JSON.parse(sessionJson);
  return element;
}

/** Waits frame by frame until `element` is ready; resolves with the time after that frame's paint. */
async function untilReady(tag, element, errors) {
  for (let frame = 1; frame <= MAX_FRAMES; frame++) {
    await afterPaint();
    const end = performance.now();
    if (errors.length > 0) throw new Error(`${tag} reported shouyin-error ${errors.join(', ')}`);
    if (READY[tag](element)) return { end, frames: frame };
    await nextFrame();
  }
  throw new Error(`${tag} not ready after ${MAX_FRAMES} frames`);
}

/** Waits for the pending Lit updates of `element` and of the Lit elements in its shadow tree. */
async function settled(element) {
  if (element.updateComplete) await element.updateComplete;
  for (const child of element.shadowRoot?.querySelectorAll('*') ?? []) {
    if (child.updateComplete) await settled(child);
  }
}

/**
 * Mounts one element into the stage, returns it ready (with its timing); the caller removes
 * it. `scriptMs` is the part before style, layout and paint: up to the end of the Lit
 * updates, which run as microtasks in the same frame.
 */
async function mountOne(tag, sessionJson) {
  const errors = [];
  await nextFrame();
  const start = performance.now();
  const element = create(tag, sessionJson);
  element.addEventListener('shouyin-error', (event) => errors.push(event.detail?.code));
  stage.append(element);
  try {
    // Adyen's setup is a promise (AdyenCheckout), then a Preact render: both count.
    if (tag === ADYEN_DROPIN) await globalThis.mountAdyenDropin(element);
    await settled(element);
    const scriptMs = performance.now() - start;
    const { end, frames } = await untilReady(tag, element, errors);
    return { element, ms: end - start, scriptMs, frames };
  } catch (error) {
    element.remove();
    throw error;
  }
}

// Keystroke latency (reported, not budgeted; the budgeted main-thread time is read from a
// trace by bench/keystroke-trace.mjs, while these listeners are off), built like the mount's
// timing: the work a keystroke causes, without the wait for the next vsync. It adds two
// spans: from the keydown (its platform timestamp) to the end of the key's handling (the last
// keydown/keypress/beforeinput/input listener, on `window` in the bubble phase, and the Lit
// updates an input starts), and the next frame's rendering, from its requestAnimationFrame
// callbacks to the end of its paint. (A message posted from the key's task cannot mark the
// end of handling: Chromium runs rendering first.) The first span also holds the input's
// trip from the browser process to the renderer and its wait there.
let recording = false;
/** The cashier `prepareCardInput` mounted, whose card input is being typed into. */
let cardCheckout;
let keystroke;
const keystrokes = [];
let keystrokeWaiters = [];

function onKeyStart(event) {
  const current = (keystroke = { start: event.timeStamp, end: performance.now() });
  requestAnimationFrame(() => {
    const frameStart = performance.now();
    afterPaint().then(() => {
      keystrokes.push(current.end - current.start + (performance.now() - frameStart));
      const ready = keystrokeWaiters.filter((w) => keystrokes.length >= w.count);
      keystrokeWaiters = keystrokeWaiters.filter((w) => keystrokes.length < w.count);
      for (const w of ready) w.resolve();
    });
  });
}

function onKeyHandled(event) {
  const current = keystroke;
  if (!current) return;
  current.end = performance.now();
  if (event.type === 'input' && cardCheckout) {
    void settled(cardCheckout).then(() => {
      current.end = performance.now();
    });
  }
}

const HANDLED = ['keydown', 'keypress', 'beforeinput', 'input'];

/**
 * The latency listeners are on the page only while recording, so that the traced
 * main-thread figure (bench/keystroke-trace.mjs) runs none of the bench's code in a key.
 */
function listen(on) {
  const method = on ? 'addEventListener' : 'removeEventListener';
  window[method]('keydown', onKeyStart, true);
  for (const type of HANDLED) window[method](type, onKeyHandled);
}

/** Clicks the pay button and resolves when the cashier reports success (rejects on failure or after 10 s). */
function payAndWait(element) {
  return new Promise((resolve, reject) => {
    const done = (error) => {
      clearTimeout(timer);
      element.removeEventListener('shouyin-success', onSuccess);
      element.removeEventListener('shouyin-failure', onFailure);
      if (error) reject(error);
      else resolve();
    };
    const onSuccess = () => done();
    const onFailure = (event) => done(new Error(`payment failed: ${event.detail?.code}`));
    const timer = setTimeout(() => done(new Error('no shouyin-success within 10 s of pay')), 10_000);
    element.addEventListener('shouyin-success', onSuccess);
    element.addEventListener('shouyin-failure', onFailure);
    element.shadowRoot.querySelector('[part~="pay-button"]').click();
  });
}

window.bench = {
  /** Defines the cashier's static copy, `static-shouyin`, from a mount of the cashier with this session. */
  defineStaticCopy,

  /** Mounts `tag` (with a session for the cashier), times it to its first complete frame, removes it. */
  async mount(tag, sessionJson) {
    const { element, ms, scriptMs, frames } = await mountOne(tag, sessionJson);
    element.remove();
    // Let the removal's own style and layout happen now, not in the next sample's frame.
    await nextFrame();
    await afterPaint();
    return { ms, scriptMs, frames };
  },

  /**
   * `count` mount/pay/unmount cycles of the cashier: each one gets a fresh session from the
   * reference backend (mounted under /api/ by bench/run.mjs), waits until the cashier is ready,
   * pays with the preselected channel and removes the cashier once it reports success.
   */
  async cycles(count) {
    for (let i = 0; i < count; i++) {
      const response = await fetch('/api/session?amount=12800');
      if (!response.ok) throw new Error(`GET /api/session answered ${response.status}`);
      const { element } = await mountOne('shouyin-checkout', await response.text());
      try {
        await payAndWait(element);
      } finally {
        element.remove();
      }
    }
    await nextFrame();
  },

  /**
   * Mounts the cashier, picks the card channel as a payer would and focuses the card
   * number input. `{ ok: false, reason }` when there is no card form to type into.
   */
  async prepareCardInput(sessionJson) {
    // The form is a lazy chunk (lazy/card.js) the cashier loads when the card channel is chosen, below.
    if (!customElements.get('shouyin-card-form') && !globalThis.Shouyin?.loadCardForm) return { ok: false, reason: 'no <shouyin-card-form> yet' };
    cardCheckout?.remove();
    const { element } = await mountOne('shouyin-checkout', sessionJson);
    cardCheckout = element;
    const card = deepQueryAll(element.shadowRoot, 'input[type="radio"]').find((radio) => radio.value === 'card');
    if (!card) return { ok: false, reason: 'the session offers no card channel' };
    card.click();
    for (let frame = 0; frame < 120; frame++) {
      await nextFrame();
      const form = deepQueryAll(element.shadowRoot, 'shouyin-card-form')[0];
      if (!form) continue;
      const inputs = deepQueryAll(form.shadowRoot ?? form, 'input:not([type="hidden"]):not(:disabled)');
      const input = inputs.find((i) => i.autocomplete === 'cc-number') ?? inputs[0];
      if (input) {
        input.focus();
        return { ok: true, input: input.autocomplete || input.name || input.type };
      }
    }
    return { ok: false, reason: '<shouyin-card-form> is defined but the cashier shows no card input after choosing the card channel' };
  },

  /**
   * The cashier with `card-frame`: mounts it, chooses the card channel and waits until the
   * frame (another origin) shows its fields. Returns the card channel's mount time with the
   * frame: from the click on the card channel to the first frame in which the iframe has its
   * form's height (the frame loaded, answered and sized itself). The bench focuses the frame's
   * number input itself (this page cannot reach into the frame).
   */
  async prepareFrameCardInput(sessionJson, frameUrl) {
    cardCheckout?.remove();
    const { element } = await mountOne('shouyin-checkout', sessionJson);
    cardCheckout = element;
    element.setAttribute('card-frame', frameUrl);
    await settled(element);
    const card = deepQueryAll(element.shadowRoot, 'input[type="radio"]').find((radio) => radio.value === 'card');
    if (!card) return { ok: false, reason: 'the session offers no card channel' };
    await nextFrame();
    const start = performance.now();
    card.click();
    for (let frame = 0; frame < 1200; frame++) {
      await nextFrame();
      const iframe = deepQueryAll(element.shadowRoot, 'shouyin-card-frame')[0]?.shadowRoot?.querySelector('iframe');
      if (iframe && iframe.getBoundingClientRect().height > 0) return { ok: true, mountMs: performance.now() - start };
    }
    return { ok: false, reason: 'the card frame did not show its fields within 1,200 frames' };
  },

  /**
   * The keystroke floor: a plain `<input>` with the card number's attributes, no listener of
   * ours, focused. Typing into it costs what the browser's own editing and a frame cost.
   * With `busyMs`, a keydown listener spins that long (the bench's check that the traced
   * figure sees work done in a key).
   */
  prepareFloorInput(busyMs = 0) {
    cardCheckout?.remove();
    cardCheckout = undefined;
    document.getElementById('floor-input')?.remove();
    const input = document.createElement('input');
    Object.assign(input, { id: 'floor-input', inputMode: 'numeric', autocomplete: 'cc-number' });
    if (busyMs > 0) {
      input.addEventListener('keydown', () => {
        const until = performance.now() + busyMs;
        while (performance.now() < until);
      });
    }
    stage.append(input);
    input.focus();
    return { ok: document.activeElement === input, input: 'plain' };
  },

  /** Forgets the keystrokes timed so far. */
  reset() {
    if (recording) listen(false);
    recording = false;
    keystroke = undefined;
    keystrokes.length = 0;
    keystrokeWaiters = [];
  },

  /** Starts or stops recording keystrokes; returns the samples so far. */
  record(on) {
    if (on !== recording) listen(on);
    recording = on;
    return [...keystrokes];
  },

  /** Resolves after the next frame is painted (the traced typing's wait between keys). */
  async painted(mark) {
    await nextFrame();
    await afterPaint();
    if (mark) performance.mark(mark);
  },

  /** A user timing mark, which the trace records. */
  mark(name) {
    performance.mark(name);
  },

  /** Resolves once `count` keystrokes have been timed. */
  waitKeystrokes(count) {
    if (keystrokes.length >= count) return Promise.resolve();
    return new Promise((resolve) => keystrokeWaiters.push({ count, resolve }));
  },

  /** Removes what `prepareCardInput` mounted. */
  cleanup() {
    document.getElementById('floor-input')?.remove();
    cardCheckout?.remove();
    cardCheckout = undefined;
    if (recording) listen(false);
    recording = false;
  },
};
