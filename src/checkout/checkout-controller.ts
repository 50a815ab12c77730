import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { channelAvailability, type AvailabilityContext } from '../channels/availability.js';
import { readLastUsed, rememberLastUsed } from '../channels/last-used.js';
import { rankChannels, recommendChannel } from '../channels/ranking.js';
import { emit, type ChannelChangeReason } from '../events/events.js';
import type { Messages } from '../i18n/messages.js';
import { randomToken } from '../protocol/base64url.js';
import { ErrorCode, FailureCode } from '../protocol/codes.js';
import type { Channel, Environment, Instrument, ResumeRecord, SavedCard, Session } from '../protocol/schemas.js';
import { loadSavedCards } from '../lazy/load.js';
import type { CardRemovalResult } from '../transport/card-client.js';
import { fetchSession, parseSession, type SessionResult } from '../transport/session-client.js';
import { ActionController } from './action-controller.js';
import { AttemptRun, type AttemptDeps, type AttemptReport } from './attempt-run.js';
import { blockingFailure, loadFallback, type FallbackTrigger } from './fallback.js';
import { FallbackFlow } from './fallback-flow.js';
import { Phase, initialState, transition, type AttemptRef, type FlowEvent, type FlowState } from './flow.js';
import { SealUnavailable } from './instruments.js';
import { buildIntent, clockOffset } from './intent.js';
import { attemptDetail, orderDetail } from './order-detail.js';
import { PageWaits } from './page-waits.js';
import { createResumeStore, pageSessionStorage, type ResumeStore } from './resume-store.js';
import { SessionTimers } from './session-timers.js';

export interface CheckoutDeps {
  messages(): Messages;
  locale(): string;
  env(): Environment;
  /** Opens a wallet's H5 page (a `redirect` action); the element's `navigate`. */
  navigate: (url: string) => void;
  /** Waits before each status check of a pending attempt, the last one repeating; default `POLL_DELAYS_MS`. */
  pollDelays?: () => readonly number[] | undefined;
}

export type SessionSource = { url: string } | { input: unknown };

/** Prepares what pays, once `shouyin-submit` was not vetoed (a card is encrypted then). */
export type PrepareInstrument = (session: Session) => Promise<Instrument>;

/**
 * Drives one cashier: loads its session, keeps the selected channel, starts attempts and
 * reports every step as an event on the host. The element renders `state`, `session` and
 * `channelId`. An attempt's run is `AttemptRun`'s, the fallback's moves `FallbackFlow`'s, the
 * page waits `PageWaits`', the session's clocks `SessionTimers`'.
 *
 * Each load starts a new generation; answers that belong to an older one still reach the host
 * as events (their order ids say which order) but never change what the payer now sees.
 */
export class CheckoutController implements ReactiveController {
  state: FlowState = initialState;
  session: Session | undefined;
  channelId: string | null = null;

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

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly deps: CheckoutDeps;
  private generation = 0;
  private loadAbort: AbortController | undefined;
  /** Backend clock minus client clock. */
  private offset = 0;
  private base = '';
  private readonly timers = new SessionTimers();
  private run: AttemptRun | undefined;
  /** The cashier left the page mid-payment and dropped its attempt; back on a page, it resumes from storage. */
  private detached = false;
  private source: SessionSource | undefined;
  private readonly resume: ResumeStore;

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
    if (generation !== this.generation || (!result.ok && result.aborted)) return;
    if (!result.ok) return this.fail(result.code, result.status);
    const session = result.session;
    this.offset = clockOffset(session, Date.now());
    if (Date.parse(session.expiresAt) <= this.serverNow()) return this.fail(ErrorCode.SessionExpired);
    this.session = session;
    const open = this.resume.load(session.order.id);
    const resumed = open && session.channels.find((c) => c.id === open.channel);
    // A channel the host no longer offers cannot be asked about through this session.
    if (open && !resumed) this.resume.clear(session.order.id);
    // The host's first channel cannot pay: the payment starts on its fallback, and the host hears so.
    const moved = resumed
      ? undefined
      : loadFallback(session, (c) => this.canPay(c), (c) => blockingFailure(this.availability(c)), this.ranked(session));
    const chosen = resumed ?? (moved ? session.channels.find((c) => c.id === moved.to) : this.recommend(session));
    this.apply({ type: 'loaded' });
    emit(this.host, 'shouyin-ready', {
      ...orderDetail(session),
      channels: session.channels.map((c) => c.id),
      channel: chosen?.id ?? null,
    });
    if (open && resumed) {
      // Shown as it was when the page went away, even if the channel could not take a new payment now.
      this.channelId = resumed.id;
      emit(this.host, 'shouyin-channel-change', { channel: resumed.id, previous: null, reason: 'recommendation' });
      this.resumeAttempt(generation, session, open);
    } else if (chosen) {
      this.select(chosen.id, moved ? 'fallback' : 'recommendation');
      if (moved) this.fallbacks.preselected(session, moved);
    }
    this.startTimers();
  }

  /** Re-armed on every (re)connection: a cashier moved in the page keeps watching its windows. */
  private startTimers(): void {
    const { session, host } = this;
    if (!session) return;
    const events = { expire: () => this.expire(), boundary: () => this.onMaintenanceBoundary() };
    this.timers.start(session, () => this.serverNow(), events, host.isConnected);
  }

  /** What decides whether a channel can pay: the amount, the server's time, the environment. */
  availabilityContext(session = this.session): AvailabilityContext {
    return { amount: session?.order.amount ?? 0, now: this.serverNow(), env: this.deps.env() };
  }

  private rankingContext(session: Session) {
    return { ...this.availabilityContext(session), lastUsed: readLastUsed(session.order.merchant.id) };
  }

  private recommend(session: Session): Channel | undefined {
    return recommendChannel(session.channels, this.rankingContext(session));
  }

  /** The session's channels best first: where a fallback goes when none of the listed ones can pay. */
  ranked(session: Session): Channel[] {
    return rankChannels(session.channels, this.rankingContext(session));
  }

  /**
   * A maintenance window opened or closed: the list shows it at once, and when the payer has
   * no usable selection the best channel now available is recommended.
   */
  private onMaintenanceBoundary(): void {
    const session = this.session;
    if (!session || this.state.phase !== Phase.Ready) return;
    this.host.requestUpdate();
    if (this.payable(session, this.channelId)) return;
    const chosen = this.recommend(session);
    if (chosen) this.select(chosen.id, 'recommendation');
    else this.channelId = null;
  }

  /** Reports a problem that keeps the cashier from working (session, attributes, crypto). */
  fail(code: ErrorCode, status?: number): void {
    this.apply({ type: 'load-failed', code });
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

  /**
   * Pays with the selected channel. `instrument` prepares what pays (a card is encrypted
   * here, after `shouyin-submit`, while the flow already refuses a second click); wallets
   * need none.
   */
  async pay(instrument: PrepareInstrument = async () => ({ type: 'wallet' })): Promise<void> {
    const { session, channelId } = this;
    // A cashier taken off the page starts nothing (its fallback included).
    if (this.state.phase !== Phase.Ready || !session || !channelId || !this.host.isConnected) return;
    if (Date.parse(session.expiresAt) <= this.serverNow()) return this.expire();
    if (!this.payable(session, channelId)) return;
    if (!globalThis.crypto?.subtle) return this.fail(ErrorCode.CryptoUnavailable);
    const ref: AttemptRef = { attempt: randomToken(12), idempotencyKey: randomToken(18), channel: channelId };
    const previousAttempt = this.lastAttempt;
    if (!emit(this.host, 'shouyin-submit', { ...attemptDetail(session, ref), previousAttempt })) {
      return;
    }
    // Entering `paying` happens before the first await: a second click finds the flow busy.
    this.apply({ type: 'pay', attempt: ref });
    // An auto fallback stays on screen while its payment runs; an offer the payer passed over does not.
    if (this.fallbacks.notice?.kind !== 'moved') this.fallbacks.notice = undefined;
    const generation = this.generation;
    const run = this.startRun(generation, session, ref);
    let prepared: Instrument;
    try {
      prepared = await instrument(session);
    } catch (error) {
      // The card encryption did not load: a network fault, nothing sent, worth another try.
      if (error instanceof SealUnavailable) return this.finish(generation, session, ref, FailureCode.NetworkError, true, null, null);
      // No usable encryption key in the session: this channel cannot take card data.
      return this.finish(generation, session, ref, FailureCode.ChannelUnavailable, false, null, null);
    }
    await this.waits.networkReady();
    if (run.cut.signal.aborted) return;
    const intent = buildIntent({
      session,
      channel: channelId,
      instrument: prepared,
      attempt: ref.attempt,
      ...(previousAttempt ? { previousAttempt } : {}),
      env: this.deps.env(),
      locale: this.deps.locale(),
      nonce: randomToken(18),
      now: this.serverNow(),
    });
    await run.send(intent, prepared.type === 'wallet');
  }

  /** After a reload: shows the open attempt's real state (see `AttemptRun.resume`). */
  private resumeAttempt(generation: number, session: Session, open: ResumeRecord): void {
    const ref: AttemptRef = { attempt: open.attempt, idempotencyKey: open.idempotencyKey, channel: open.channel };
    this.apply({ type: 'pay', attempt: ref });
    void this.startRun(generation, session, ref).resume(open);
  }

  /** A new attempt ends the polling of any earlier one on this cashier. */
  private startRun(generation: number, session: Session, ref: AttemptRef): AttemptRun {
    this.run?.stop.abort();
    const deps: AttemptDeps = {
      base: this.base,
      serverNow: () => this.serverNow(),
      pollDelays: () => this.deps.pollDelays?.(),
      waits: this.waits,
      resume: this.resume,
    };
    return (this.run = new AttemptRun(deps, session, ref, this.report(generation, session, ref)));
  }

  /** Turns what an attempt finds into state (of its own generation only) and events. */
  private report(generation: number, session: Session, ref: AttemptRef): AttemptReport {
    return {
      pending: (response, giveUp) => {
        this.apply({ type: 'pending', paymentId: response.id }, generation);
        emit(this.host, 'shouyin-pending', {
          ...attemptDetail(session, ref),
          paymentId: response.id,
          action: response.action?.type ?? null,
        });
        this.actions.start(response.action, ref.channel, giveUp);
      },
      succeeded: (paymentId, earlier) => this.succeed(generation, session, { ...ref, paymentId }, earlier),
      failed: (code, retryable, paymentId, trigger) => this.finish(generation, session, ref, code, retryable, paymentId, trigger),
    };
  }

  /**
   * The payer gives up waiting on a pending attempt ("use another channel"). It stays open on
   * the backend until the next attempt cancels it (or, had it paid meanwhile, that attempt is
   * answered "already paid"), so nothing can be paid twice.
   */
  abandon(): void {
    const { state, session } = this;
    if (state.phase !== Phase.Pending || !session) return;
    this.run?.stop.abort();
    this.finish(this.generation, session, state.attempt, FailureCode.Canceled, false, state.attempt.paymentId, { kind: 'abandoned' });
  }

  /** Removes a saved card with a signed `DELETE`; once the backend agrees, it leaves this session's list. */
  async removeSavedCard(card: SavedCard): Promise<CardRemovalResult> {
    const session = this.session;
    if (!session) return { ok: false, code: 'removal_unavailable' };
    // The saved cards chunk: loaded already, since its list asked.
    const { removeCard } = await loadSavedCards();
    const result = await removeCard({ session, cardId: card.id, base: this.base, now: this.serverNow() });
    if (result.ok) {
      session.savedCards = session.savedCards.filter((c) => c.id !== card.id);
      this.host.requestUpdate();
    }
    return result;
  }

  private succeed(generation: number, session: Session, ref: AttemptRef & { paymentId: string }, earlier: boolean): void {
    // An order paid earlier, by another attempt, says nothing about which channel this payer uses.
    if (!earlier) rememberLastUsed(session.order.merchant.id, ref.channel);
    this.resume.clear(session.order.id);
    const current = generation === this.generation;
    // An abandoned attempt found paid and the newer attempt answered "already paid" both say so: the host hears it once.
    if (current && this.state.phase === Phase.Succeeded) return;
    if (current) this.fallbacks.reset();
    this.apply({ type: 'succeeded', paymentId: ref.paymentId, attempt: ref, earlier }, generation);
    emit(this.host, 'shouyin-success', { ...attemptDetail(session, ref), paymentId: ref.paymentId, alreadyPaid: earlier });
  }

  private finish(
    generation: number,
    session: Session,
    ref: AttemptRef,
    code: FailureCode,
    retryable: boolean,
    paymentId: string | null,
    trigger: FallbackTrigger | null,
  ): void {
    // A newer attempt's record (kept meanwhile) stays.
    const stored = this.resume.load(session.order.id);
    if (!stored || stored.attempt === ref.attempt) this.resume.clear(session.order.id);
    const current = generation === this.generation;
    if (current) {
      this.lastAttempt = ref.attempt;
      this.fallbacks.notice = undefined;
    }
    this.apply({ type: 'failed', code, retryable }, generation);
    emit(this.host, 'shouyin-failure', {
      ...attemptDetail(session, ref),
      paymentId,
      code,
      retryable,
      message: this.deps.messages().failures[code],
    });
    if (current && trigger && this.state.phase === Phase.Ready) this.fallbacks.afterFailure(session, ref.channel, trigger);
  }

  private availability(channel: Channel) {
    return channelAvailability(channel, this.availabilityContext());
  }

  /** Whether the session has a channel with this id and it can take this order's payment now. */
  private payable(session: Session, id: string | null): boolean {
    const channel = session.channels.find((c) => c.id === id);
    return !!channel && this.canPay(channel);
  }

  /** Whether a channel can take this order's payment now. */
  canPay(channel: Channel): boolean {
    return this.availability(channel).available;
  }

  private expire(): void {
    const session = this.session;
    if (!session) return;
    const before = this.state;
    this.apply({ type: 'expire' });
    if (this.state !== before) emit(this.host, 'shouyin-expire', orderDetail(session));
  }

  /** Applies a flow event; one that belongs to an older generation changes nothing on screen. */
  private apply(event: FlowEvent, generation = this.generation): void {
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
