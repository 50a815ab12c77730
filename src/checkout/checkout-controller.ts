import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { channelAvailability, type AvailabilityContext } from '../channels/availability.js';
import { readLastUsed } from '../channels/last-used.js';
import { rankChannels, recommendChannel } from '../channels/ranking.js';
import { emit, type ChannelChangeReason, type ShouyinEventDetails } from '../events/events.js';
import type { Messages } from '../i18n/messages.js';
import { ErrorCode } from '../protocol/codes.js';
import type { Channel, Environment, Instrument, Session } from '../protocol/schemas.js';
// Module order, for size only (as in index.ts): the lazy loader, with what it shares with the
// chunks, stays here in the bundle; first imported later, by the card instruments, it cost 37 B gzip.
import '../lazy/load.js';
import { fetchSession, parseSession, type SessionResult } from '../transport/session-client.js';
import { ActionController } from './action-controller.js';
import type { AttemptRun } from './attempt-run.js';
import { blockingFailure, loadFallback } from './fallback.js';
import { FallbackFlow } from './fallback-flow.js';
import { Phase, initialState, transition, type FlowEvent, type FlowState } from './flow.js';
import { clockOffset } from './intent.js';
import { orderDetail } from './order-detail.js';
import { PageWaits } from './page-waits.js';
import { createResumeStore, pageSessionStorage, type ResumeStore } from './resume-store.js';
import { SessionTimers } from './session-timers.js';
import { resumeAttempt } from './attempts.js';

export interface CheckoutDeps {
  messages(): Messages;
  locale(): string;
  /** The locale's catalog, while it loads (`undefined` once at hand); a load waits for it too. */
  catalog?: () => Promise<void> | undefined;
  env(): Environment;
  /** Opens a wallet's H5 page (a `redirect` action); the element's `navigate`. */
  navigate: (url: string) => void;
  /** Waits before each status check of a pending attempt, the last one repeating; default `POLL_DELAYS_MS`. */
  pollDelays?: () => readonly number[] | undefined;
}

export type SessionSource = { url: string } | { input: unknown };

/**
 * Prepares what pays, once `shouyin-submit` was not vetoed (a card is encrypted then, bound to
 * the session's order and stamped with `now`, the backend's clock as the cashier knows it).
 */
export type PrepareInstrument = (session: Session, now: number) => Promise<Instrument>;

/**
 * Drives one cashier: loads its session, keeps the selected channel, starts attempts and
 * reports every step as an event on the host. The element renders `state`, `session` and
 * `channelId`. Starting, resuming and abandoning attempts is `attempts.ts`'s, an attempt's run
 * `AttemptRun`'s, the fallback's moves `FallbackFlow`'s, the page waits `PageWaits`', the
 * session's clocks `SessionTimers`'.
 *
 * Each load starts a new generation; answers that belong to an older one still reach the host
 * as events (their order ids say which order) but never change what the payer now sees.
 */
export class CheckoutController implements ReactiveController {
  state: FlowState = initialState;
  session: Session | undefined;
  channelId: string | null = null;
  /** What `shouyin-ready` said about the loaded session, kept for listeners that come later. */
  ready: ShouyinEventDetails['shouyin-ready'] | null = null;

  /** The session's selected channel, if one is. */
  get channel(): Channel | undefined {
    return this.session?.channels.find((c) => c.id === this.channelId);
  }
  /** Carries out the backend's actions (QR code, redirect, super-app sheet) of a pending attempt. */
  readonly actions: ActionController;
  /** The network, the payer's return to the page, and the next status check. */
  readonly waits: PageWaits;
  /** Offers, moves and undoes fallbacks; its `notice` is what the payer is told. */
  readonly fallbacks: FallbackFlow;
  /** This order's last attempt that did not succeed: the next one names it as `previousAttempt`. */
  lastAttempt: string | null = null;
  /** The latest attempt's run; a new attempt, a new session or leaving the page stops it. */
  run: AttemptRun | undefined;

  /** The element it drives; the events go there. */
  readonly host: ReactiveControllerHost & HTMLElement;
  readonly deps: CheckoutDeps;
  /** Which load this is: an answer that belongs to an older one changes nothing on screen. */
  generation = 0;
  private loadAbort: AbortController | undefined;
  /** Backend clock minus client clock. */
  private offset = 0;
  /** The URL the session's relative endpoints resolve against. */
  base = '';
  private readonly timers = new SessionTimers();
  /** The cashier left the page mid-payment and dropped its attempt; back on a page, it resumes from storage. */
  private detached = false;
  private source: SessionSource | undefined;
  /** Where an open attempt is kept for a reload to resume. */
  readonly resume: ResumeStore;

  constructor(host: ReactiveControllerHost & HTMLElement, deps: CheckoutDeps) {
    this.host = host;
    this.deps = deps;
    this.waits = new PageWaits(host);
    host.addController(this);
    this.actions = new ActionController(host, {
      navigate: deps.navigate,
      checkNow: () => this.checkNow(),
    });
    this.fallbacks = new FallbackFlow(host, this);
    this.resume = createResumeStore(pageSessionStorage);
  }

  hostConnected(): void {
    this.startTimers();
    if (this.detached && this.source) void this.load(this.source);
    this.detached = false;
  }

  hostDisconnected(): void {
    this.timers.stop();
    // Moved (taken off and put back in one task), the payment goes on; taken off, it stops as on
    // a reload, and sessionStorage holds where it stood.
    setTimeout(() => {
      const busy = this.state.phase === Phase.Paying || this.state.phase === Phase.Pending;
      if (this.host.isConnected || !busy || !this.run) return;
      this.run.stop.abort();
      this.run.cut.abort();
      this.detached = true;
    });
  }

  /** Asks the backend about a pending attempt now, instead of at the next scheduled check. */
  checkNow(): void {
    this.waits.wake();
  }

  /** Backend time now, corrected by the session's `serverTime`. */
  serverNow(): number {
    return Date.now() + this.offset;
  }

  /**
   * Forgets the current session at once, before the new one is loaded: from this moment no
   * click can pay the old order, and no answer about it can change the screen.
   */
  invalidate(): number {
    const generation = ++this.generation;
    this.loadAbort?.abort();
    this.timers.stop();
    this.session = undefined;
    this.channelId = null;
    this.ready = null;
    this.fallbacks.reset();
    this.lastAttempt = null;
    this.run?.stop.abort();
    this.detached = false;
    this.apply({ type: 'load' });
    return generation;
  }

  async load(source: SessionSource): Promise<void> {
    const generation = this.invalidate();
    this.source = source;
    // Fetched side by side with the session; the cashier is ready when both are here.
    const catalog = this.deps.catalog?.();
    let result: SessionResult;
    if ('url' in source) {
      const abort = (this.loadAbort = new AbortController());
      const url = parseUrl(source.url, document.baseURI);
      if (!url || !/^https?:$/.test(url.protocol)) return this.fail(ErrorCode.AttributeInvalid);
      this.base = url.href;
      result = await fetchSession(this.base, { signal: abort.signal });
    } else {
      this.base = document.baseURI;
      result = parseSession(source.input);
    }
    if (catalog) await catalog;
    if (generation !== this.generation || (!result.ok && result.aborted)) return;
    if (!result.ok) return this.fail(result.code, result.status);
    const session = result.session;
    this.offset = clockOffset(session, Date.now());
    // Paid is paid, however late the page comes back.
    if (session.paid) return this.paidAlready(session, session.paid.paymentId);
    if (Date.parse(session.expiresAt) <= this.serverNow()) return this.fail(ErrorCode.SessionExpired);
    this.session = session;
    const open = this.resume.load(session.order.id);
    const resumed = open && session.channels.find((c) => c.id === open.channel);
    // A channel the host no longer offers cannot be asked about through this session.
    if (open && !resumed) this.resume.clear(session.order.id);
    // The host's first channel cannot pay: the payment starts on its fallback, and the host hears so.
    const moved = resumed
      ? undefined
      : loadFallback(
          session,
          (c) => this.canPay(c),
          (c) => blockingFailure(channelAvailability(c, this.availabilityContext())),
          this.ranked(session),
        );
    const chosen =
      resumed ??
      (moved
        ? session.channels.find((c) => c.id === moved.to)
        : recommendChannel(session.channels, rankingContext(session, this.availabilityContext(session))));
    this.apply({ type: 'loaded' });
    emit(
      this.host,
      'shouyin-ready',
      (this.ready = {
        ...orderDetail(session),
        channels: session.channels.map((c) => c.id),
        channel: chosen?.id ?? null,
      }),
    );
    if (open && resumed) {
      // Shown as it was when the page went away, even if the channel could not take a new payment now.
      this.channelId = resumed.id;
      emit(this.host, 'shouyin-channel-change', { channel: resumed.id, previous: null, reason: 'recommendation' });
      resumeAttempt(this, generation, session, open);
    } else if (chosen) {
      this.select(chosen.id, moved ? 'fallback' : 'recommendation');
      if (moved) this.fallbacks.preselected(session, moved);
    }
    this.startTimers();
  }

  /**
   * The session says the order is paid (by this tab before a reload, another tab or device):
   * success is shown and nothing is offered, whatever storage holds. A try this tab kept for
   * the order is over, and named in the event.
   */
  private paidAlready(session: Session, paymentId: string): void {
    this.session = session;
    const open = this.resume.load(session.order.id);
    this.resume.clear(session.order.id);
    this.apply({ type: 'loaded', paid: paymentId });
    emit(this.host, 'shouyin-success', {
      ...orderDetail(session),
      channel: open?.channel ?? null,
      attempt: open?.attempt ?? null,
      paymentId,
      alreadyPaid: true,
    });
  }

  /** Re-armed on every (re)connection: a cashier moved in the page keeps watching its windows. */
  private startTimers(): void {
    const { session, host } = this;
    // A paid order has no time left to count and no window to watch.
    if (!session || session.paid) return;
    const events = {
      expire: () => this.expire(),
      // A maintenance window opened or closed: the list shows it at once, and when the payer has
      // no usable selection the best channel now available is recommended.
      boundary: () => {
        const current = this.session;
        if (!current || this.state.phase !== Phase.Ready) return;
        host.requestUpdate();
        if (this.payable(current, this.channelId)) return;
        const chosen = recommendChannel(current.channels, rankingContext(current, this.availabilityContext(current)));
        if (chosen) this.select(chosen.id, 'recommendation');
        else this.channelId = null;
      },
    };
    this.timers.start(session, () => this.serverNow(), events, host.isConnected);
  }

  /** What decides whether a channel can pay: the amount, the server's time, the environment. */
  availabilityContext(session = this.session): AvailabilityContext {
    return { amount: session?.order.amount ?? 0, now: this.serverNow(), env: this.deps.env() };
  }

  /** The session's channels best first: where a fallback goes when none of the listed ones can pay. */
  ranked(session: Session): Channel[] {
    return rankChannels(session.channels, rankingContext(session, this.availabilityContext(session)));
  }

  /** Reports a problem that keeps the cashier from working (session, attributes, crypto). */
  fail(code: ErrorCode, status?: number): void {
    this.apply({ type: 'load-failed', code });
    this.report(code, status);
  }

  /** Tells the host with `shouyin-error`; on its own, for a mistake the cashier works around. */
  report(code: ErrorCode, status?: number): void {
    emit(this.host, 'shouyin-error', {
      code,
      message: this.deps.messages().errors[code],
      ...(status === undefined ? {} : { status }),
    });
  }

  select(channelId: string, reason: ChannelChangeReason = 'user'): void {
    const session = this.session;
    if (!session || channelId === this.channelId) return;
    if (this.state.phase !== Phase.Ready) return;
    if (!this.payable(session, channelId)) return;
    const previous = this.channelId;
    this.channelId = channelId;
    if (this.state.failure) this.state = { phase: Phase.Ready };
    if (reason === 'user') this.fallbacks.notice = undefined;
    this.host.requestUpdate();
    emit(this.host, 'shouyin-channel-change', { channel: channelId, previous, reason });
  }

  /** Whether the session has a channel with this id and it can take this order's payment now. */
  payable(session: Session, id: string | null): boolean {
    const channel = session.channels.find((c) => c.id === id);
    return !!channel && this.canPay(channel);
  }

  /** Whether a channel can take this order's payment now. */
  canPay(channel: Channel): boolean {
    return channelAvailability(channel, this.availabilityContext()).available;
  }

  /** The order's time ran out: the cashier says so, once. */
  expire(): void {
    const session = this.session;
    if (!session) return;
    const before = this.state;
    this.apply({ type: 'expire' });
    if (this.state !== before) emit(this.host, 'shouyin-expire', orderDetail(session));
  }

  /** Applies a flow event; one that belongs to an older generation changes nothing on screen. */
  apply(event: FlowEvent, generation = this.generation): void {
    if (generation !== this.generation) return;
    const next = transition(this.state, event);
    if (next !== this.state) {
      this.state = next;
      this.host.requestUpdate();
    }
  }
}

/** `URL.canParse` is missing from the older WebViews super-apps still ship. */
function parseUrl(text: string, base: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

/** What ranks channels: what decides whether they can pay, and the channel this merchant's payer last used. */
function rankingContext(session: Session, context: AvailabilityContext) {
  return { ...context, lastUsed: readLastUsed(session.order.merchant.id) };
}
