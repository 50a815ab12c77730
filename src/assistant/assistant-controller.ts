import { nothing, type ReactiveController } from 'lit';
import type { ShouyinCheckout } from '../checkout/checkout.js';
import { emit } from '../events/events.js';
import { loadAssistant } from '../lazy/load.js';
import type { AssistantRuntime } from './assistant-runtime.js';
import type { AssistantOptions } from './rules.js';

/** What the checkout tells its assistant. */
export interface AssistantDeps {
  /** `false` when the host turned the assistant off (`assistant="off"`). */
  enabled(): boolean;
  now(): number;
  options(): AssistantOptions;
  /** What the payer's step still lacks: a card field, `channel` when none is chosen; `null` when nothing. */
  missing(): string | null;
  /** A channel's name as the payer sees it. */
  channelName(id: string): string;
  /** The cashier's own offline message (the main catalog's): the `offline` hint before the assistant is here. */
  offline(): string;
}

/** A page event as heard: its target inside the shadow roots is only known while it is dispatched. */
export interface Recorded {
  event: Event;
  at: number;
  target: EventTarget | undefined;
}

/** The checkout's own events, heard on the element. */
const HOST_EVENTS = ['shouyin-ready', 'shouyin-channel-change', 'shouyin-submit', 'shouyin-pending', 'shouyin-failure', 'shouyin-success', 'shouyin-expire'];
/** What the payer does inside it, heard on its shadow root. */
const ROOT_EVENTS = ['focusin', 'focusout', 'input'];
/**
 * The cashier's own elements that hold fields. Focus moving between two fields inside one of
 * them is not seen from outside its shadow root (there the event's target and related target
 * are the same element, so it is not dispatched), so their shadow roots are listened to as well.
 */
const FIELD_HOLDERS = 'shouyin-card-form, shouyin-card-binding';
const NETWORK_EVENTS = ['online', 'offline'];
/** What is kept of the path before the assistant's chunk is here. */
const BACKLOG = 64;

/**
 * The assistant's hook in the main bundle: it listens to the payer's path and keeps the last of
 * it; the rules and the hint (their lazy chunk, `dist/lazy/assistant.js`) come only with the first
 * sign of trouble (a failure, a third channel switch, a field left a second time) or once the payer has
 * been still for half of `hintDelay` with a step unfinished (or a payment request for half of
 * `slowAfter`), and then take over from what was kept.
 */
export class AssistantController implements ReactiveController {
  private backlog: Recorded[] = [];
  private runtime: AssistantRuntime | undefined;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private switches = 0;
  /** The fields the payer has left: leaving one again (to correct it) is a sign of trouble. */
  private readonly left = new Set<string>();
  private since = 0;
  /** The shadow roots of field holders listened to. */
  private readonly watched = new WeakSet<ShadowRoot>();
  /** The last event recorded: one heard both inside a field holder and on the cashier's root is one. */
  private heard: Event | undefined;
  /** The `offline` hint was given before the assistant was here; it takes it as given. */
  private saidOffline = false;
  /** Paid or expired: nothing more is said. */
  private done = false;

  constructor(
    private readonly host: ShouyinCheckout,
    private readonly deps: AssistantDeps,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.listen('addEventListener');
    this.since = this.deps.now();
    this.arm(false);
  }

  hostDisconnected(): void {
    this.listen('removeEventListener');
    clearTimeout(this.idle);
    this.runtime?.stop();
  }

  hostUpdated(): void {
    for (const holder of this.host.renderRoot.querySelectorAll(FIELD_HOLDERS)) {
      const root = holder.shadowRoot;
      if (root && !this.watched.has(root)) {
        this.watched.add(root);
        for (const type of ROOT_EVENTS) root.addEventListener(type, this);
      }
    }
    this.runtime?.updated();
  }

  /** The hint's live region, once the assistant is here. */
  view() {
    return this.deps.enabled() ? (this.runtime?.view() ?? nothing) : nothing;
  }

  handleEvent(event: Event): void {
    if (!this.deps.enabled() || event === this.heard) return;
    this.heard = event;
    const recorded: Recorded = { event, at: this.deps.now(), target: event.composedPath()[0] };
    if (this.runtime) return this.runtime.record(recorded);
    const { type } = event;
    if (type === 'offline' && !this.done) this.offline();
    if (type === 'offline' || type === 'online') return;
    if (this.backlog.push(recorded) > BACKLOG) this.backlog.shift();
    if (type === 'shouyin-ready') {
      this.switches = 0;
      this.left.clear();
      this.saidOffline = this.done = false;
    }
    if (type === 'shouyin-success' || type === 'shouyin-expire') this.done = true;
    if (type === 'shouyin-channel-change' && (event as CustomEvent<{ reason: string }>).detail.reason === 'user') this.switches++;
    const field = type === 'focusout' ? (recorded.target as Element | undefined)?.id : undefined;
    const again = !!field && this.left.has(field);
    if (field) this.left.add(field);
    if (type === 'shouyin-failure' || this.switches > 2 || again) this.load();
    else if (type === 'shouyin-success') clearTimeout(this.idle);
    else this.arm(type === 'shouyin-submit');
  }

  /**
   * Offline, the assistant's chunk cannot load: the cashier's own offline message, on the page
   * already, is the hint (its words in the main catalog), and the host hears it as one, once a session.
   */
  private offline(): void {
    if (this.saidOffline) return;
    this.saidOffline = true;
    emit(this.host, 'shouyin-hint', { hint: 'offline', message: this.deps.offline() });
  }

  private listen(method: 'addEventListener' | 'removeEventListener'): void {
    for (const type of HOST_EVENTS) this.host[method](type, this);
    for (const type of ROOT_EVENTS) this.host.renderRoot[method](type, this);
    for (const type of NETWORK_EVENTS) globalThis[method](type, this);
  }

  /** Still for a while: with a step unfinished or a request on its way, the assistant comes. */
  private arm(request: boolean): void {
    clearTimeout(this.idle);
    if (this.runtime) return;
    const { hintDelay, slowAfter } = this.deps.options();
    this.idle = setTimeout(() => (request || this.deps.missing() !== null) && this.load(), (request ? slowAfter : hintDelay) / 2);
  }

  private load(): void {
    clearTimeout(this.idle);
    // Offline it would fail; the next step of the payer's tries again.
    if (!this.deps.enabled() || globalThis.navigator?.onLine === false) return;
    loadAssistant().then((chunk) => {
      if (this.runtime || !this.host.isConnected) return;
      this.runtime = new chunk.AssistantRuntime(this.host, this.deps, this.backlog.splice(0), this.since, this.saidOffline);
      this.host.requestUpdate();
    }, () => undefined);
  }
}
