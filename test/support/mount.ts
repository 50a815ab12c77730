import '../../src/index.js';
import type { ShouyinCheckout } from '../../src/checkout/checkout.js';
import type { SessionInput } from '../../src/protocol/schemas.js';
import { EVENT_NAMES, type ShouyinEventDetails, type ShouyinEventName } from '../../src/events/events.js';


export interface Recorded<K extends ShouyinEventName = ShouyinEventName> {
  type: K;
  detail: ShouyinEventDetails[K];
}

/** Every Shouyin event that reached `document`, in order, as the host page hears them. */
export class EventLog {
  readonly events: Recorded[] = [];
  private readonly listener = (event: Event): void => {
    this.events.push({ type: event.type as ShouyinEventName, detail: (event as CustomEvent).detail });
  };

  constructor(private readonly target: EventTarget = document) {
    for (const name of EVENT_NAMES) target.addEventListener(name, this.listener);
  }

  of<K extends ShouyinEventName>(type: K): ShouyinEventDetails[K][] {
    return this.events.filter((e) => e.type === type).map((e) => e.detail as ShouyinEventDetails[K]);
  }

  types(): string[] {
    return this.events.map((e) => e.type);
  }

  async next<K extends ShouyinEventName>(type: K, timeout = 8000): Promise<ShouyinEventDetails[K]> {
    const seen = this.of(type).length;
    const deadline = performance.now() + timeout;
    while (this.of(type).length <= seen) {
      if (performance.now() > deadline) throw new Error(`No ${type} within ${timeout} ms (got: ${this.types().join(', ')})`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.of(type)[seen]!;
  }

  /** The first event of a type, waiting for it if it has not come yet. */
  async first<K extends ShouyinEventName>(type: K, timeout = 8000): Promise<ShouyinEventDetails[K]> {
    const have = this.of(type);
    return have.length > 0 ? have[0]! : this.next(type, timeout);
  }

  dispose(): void {
    for (const name of EVENT_NAMES) this.target.removeEventListener(name, this.listener);
  }
}

export interface MountOptions {
  sessionUrl?: string;
  session?: unknown;
  locale?: string;
  /** Wraps the cashier in an element with this `lang`. */
  lang?: string;
  /** The `env` attribute: where the cashier believes it runs (a WeChat webview, say). */
  env?: string;
  /** The `card-frame` attribute: the card frame page's URL. */
  cardFrame?: string;
  /** The `color-scheme` attribute. */
  colorScheme?: string;
  /**
   * The channel this device remembers from the payer's last payment. Without it the memory
   * is wiped, so a payment in one test does not change what the next one preselects.
   */
  lastUsed?: string;
  /** The cashier's `pollDelays`, so pending payments settle fast. */
  pollDelays?: number[];
  /** Other attributes, set before the cashier is on the page (`hint-delay`, `care`, `assistant`). */
  attributes?: Record<string, string>;
}

/** Demo sessions all come from merchant `m_demo`. */
const LAST_USED_KEY = 'shouyin.lastChannel.m_demo';

/**
 * Puts a cashier on the page the way a host does, with an event log listening at `document`
 * first, and waits until it is ready, has reported an error, or found the order paid.
 */
export async function mountCheckout(options: MountOptions): Promise<{ el: ShouyinCheckout; log: EventLog; container: HTMLElement }> {
  if (options.lastUsed) localStorage.setItem(LAST_USED_KEY, options.lastUsed);
  else localStorage.removeItem(LAST_USED_KEY);
  const log = new EventLog();
  const container = document.createElement('div');
  if (options.lang) container.lang = options.lang;
  const el = document.createElement('shouyin-checkout');
  if (options.sessionUrl) el.setAttribute('session-url', options.sessionUrl);
  if (options.locale) el.setAttribute('locale', options.locale);
  if (options.env) el.setAttribute('env', options.env);
  if (options.colorScheme) el.setAttribute('color-scheme', options.colorScheme);
  for (const [name, value] of Object.entries(options.attributes ?? {})) el.setAttribute(name, value);
  if (options.cardFrame) el.setAttribute('card-frame', options.cardFrame);
  // Malformed sessions too, as plain JS may set them: the element parses whatever it is given.
  if (options.session !== undefined) el.session = options.session as SessionInput;
  if (options.pollDelays) el.pollDelays = options.pollDelays;
  container.append(el);
  document.body.append(container);
  mounted.push({ container, log });
  const deadline = performance.now() + 8000;
  const settled = ['shouyin-ready', 'shouyin-error', 'shouyin-success'];
  while (!log.events.some((e) => settled.includes(e.type))) {
    if (performance.now() > deadline) throw new Error('cashier neither ready, failed nor paid within 8 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await el.updateComplete;
  return { el, log, container };
}

const mounted: { container: HTMLElement; log: EventLog }[] = [];

/** Removes every cashier mounted by a test; call in `afterEach`. */
export function unmountAll(): void {
  localStorage.removeItem(LAST_USED_KEY);
  for (const { container, log } of mounted.splice(0)) {
    container.remove();
    log.dispose();
  }
}
