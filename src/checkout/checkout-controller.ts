import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { channelAvailability, type AvailabilityContext } from '../channels/availability.js';
import { readLastUsed, rememberLastUsed } from '../channels/last-used.js';
import { MaintenanceClock } from '../channels/maintenance-clock.js';
import { recommendChannel } from '../channels/ranking.js';
import { emit, type ChannelChangeReason, type OrderDetail } from '../events/events.js';
import type { Messages } from '../i18n/messages.js';
import { randomToken } from '../protocol/base64url.js';
import { encryptCard, encryptSavedCardCvv, type CardPayload } from '../protocol/card-payload.js';
import { ErrorCode, FailureCode, toFailureCode } from '../protocol/codes.js';
import type { Channel, Environment, Instrument, Intent, IntentResponse, ResumeRecord, SavedCard, Session } from '../protocol/schemas.js';
import type { SavedCardChoice } from '../saved-cards/saved-cards.js';
import { loadSavedCards } from '../lazy/load.js';
import type { CardRemovalResult } from '../transport/card-client.js';
import type { FetchLike } from '../transport/http.js';
import { fetchAttempt, submitIntent, type AttemptOutcome } from '../transport/intent-client.js';
import { fetchSession, parseSession, type SessionResult } from '../transport/session-client.js';
import { blockingFailure, decideFallback, loadFallback, triggerCode, triggersFallback, type FallbackTrigger } from './fallback.js';
import { Phase, initialState, transition, type AttemptRef, type FlowEvent, type FlowState } from './flow.js';
import { ActionController } from './action-controller.js';
import { buildIntent, clockOffset } from './intent.js';
import { createResumeStore, pageSessionStorage, type ResumeStore } from './resume-store.js';
import { watchPage } from './page-events.js';

export interface CheckoutDeps {
  messages(): Messages;
  locale(): string;
  env(): Environment;
  fetch?: FetchLike;
  /** Client clock, milliseconds since the epoch. */
  now?: () => number;
  /** Opens a wallet's H5 page (a `redirect` action). */
  navigate?: (url: string) => void;
  /** Waits before each status check of a pending attempt, the last one repeating; default `POLL_DELAYS_MS`. */
  pollDelays?: () => readonly number[] | undefined;
  /** Where an open attempt is kept across a reload; default the page's sessionStorage. */
  storage?: () => Storage | undefined;
}

/**
 * What the payer is told about a fallback. `offer` (prompt mode) waits for the payer to accept;
 * `moved` (auto mode) says the cashier moved, and lets the payer go back; `preselected` says
 * the host's first channel could not pay when the cashier loaded.
 */
export interface FallbackNotice {
  kind: 'offer' | 'moved' | 'preselected';
  from: string;
  to: string;
  code: FailureCode;
  /** The target pays without new input (a wallet); a new card must still be typed. */
  immediate: boolean;
}

export type SessionSource = { url: string } | { input: unknown };

/**
 * One attempt's controls. `stop` ends its waits (the payer abandoned it, or a newer attempt
 * began); a status check already on its way still lands, since it may find the payment made.
 * `cut` also drops its requests: the cashier left the page, as a reload does.
 */
interface AttemptRun {
  stop: AbortController;
  cut: AbortController;
}

/** Status checks of a pending attempt back off; "I have paid" and coming back to the page check at once. */
export const POLL_DELAYS_MS: readonly number[] = [2000, 3000, 5000, 8000];
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Drives one cashier: loads its session, keeps the selected channel, pays, and reports every
 * step as an event on the host. The element renders `state`, `session` and `channelId`.
 *
 * Each load starts a new generation; answers that belong to an older one still reach the host
 * as events (their order ids say which order) but never change what the payer now sees.
 */
export class CheckoutController implements ReactiveController {
  state: FlowState = initialState;
  session: Session | undefined;
  channelId: string | null = null;
  /** Whether the browser believes it has a network; the payer is told when it has none. */
  online = true;
  /** Carries out the backend's actions (QR code, redirect, super-app sheet) of a pending attempt. */
  readonly actions: ActionController;
  /** The fallback the payer is being told about, if any. */
  fallback: FallbackNotice | undefined;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly deps: CheckoutDeps;
  private generation = 0;
  private loadAbort: AbortController | undefined;
  /** Backend clock minus client clock. */
  private offset = 0;
  private base = '';
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Ends the wait before the next status check of a pending attempt. */
  private wakePoll: (() => void) | undefined;
  /** Payments waiting for the browser to come back online. */
  private readonly waitingForNetwork: Array<() => void> = [];
  private readonly maintenance = new MaintenanceClock();
  /** The open attempt's controls: see `AttemptRun`. */
  private run: AttemptRun | undefined;
  /** The cashier left the page mid-payment and dropped its attempt; back on a page, it resumes from storage. */
  private detached = false;
  private source: SessionSource | undefined;
  /** This order's last attempt that did not succeed: the next one names it as `previousAttempt`. */
  private lastAttempt: string | null = null;
  /** Channels this order's payment moved away from: never a fallback target again. */
  private readonly givenUp = new Set<string>();
  private readonly resume: ResumeStore;
  private unwatchPage: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, deps: CheckoutDeps) {
    (this.host = host).addController(this);
    this.deps = deps;
    this.actions = new ActionController(host, {
      navigate: (url) => (deps.navigate ?? ((to: string) => globalThis.location.assign(to)))(url),
      checkNow: () => this.checkNow(),
    });
    this.resume = createResumeStore(deps.storage ?? pageSessionStorage);
  }

  hostConnected(): void {
    this.scheduleExpiry();
    this.watchMaintenance();
    this.unwatchPage = watchPage({ visibility: this.onVisibilityChange, connectivity: this.onConnectivity });
    this.online = navigator.onLine;
    if (this.detached && this.source) void this.load(this.source);
    this.detached = false;
  }

  hostDisconnected(): void {
    clearTimeout(this.expiryTimer);
    this.maintenance.stop();
    // Moved (taken off and put back in one task), the payment goes on; taken off, it stops as on
    // a reload, and sessionStorage holds where it stood.
    setTimeout(() => {
      const busy = this.state.phase === Phase.Paying || this.state.phase === Phase.Pending;
      if (this.host.isConnected || !busy || !this.run) return;
      this.run.stop.abort();
      this.run.cut.abort();
      this.detached = true;
    });
    this.unwatchPage?.();
  }

  private readonly onConnectivity = (): void => {
    this.online = navigator.onLine;
    this.host.requestUpdate();
    if (this.online) {
      for (const resolve of this.waitingForNetwork.splice(0)) resolve();
      this.checkNow();
    }
  };

  /** Resolves when the browser is online: a payment waits for the network instead of failing blindly. */
  private networkReady(): Promise<void> {
    if (navigator.onLine) return Promise.resolve();
    return new Promise((resolve) => this.waitingForNetwork.push(resolve));
  }

  /** Asks the backend about a pending attempt now, instead of at the next scheduled check. */
  checkNow(): void {
    this.wakePoll?.();
  }

  /** The payer is back from the wallet app: that is when a payment has most likely finished. */
  private readonly onVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.checkNow();
  };

  /** Backend time now, corrected by the session's `serverTime`. */
  serverNow(): number {
    return this.clientNow() + this.offset;
  }

  /**
   * Forgets the current session at once, before the new one is loaded: from this moment no
   * click can pay the old order, and no answer about it can change the screen.
   */
  invalidate(): number {
    const generation = ++this.generation;
    this.loadAbort?.abort();
    clearTimeout(this.expiryTimer);
    this.maintenance.stop();
    this.session = undefined;
    this.channelId = null;
    this.fallback = undefined;
    this.lastAttempt = null;
    this.givenUp.clear();
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
      result = await fetchSession(this.base, { signal: abort.signal, ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}) });
    } else {
      this.base = document.baseURI;
      result = parseSession(source.input);
    }
    if (generation !== this.generation || (!result.ok && result.aborted)) return;
    if (!result.ok) return this.fail(result.code, result.status);
    const session = result.session;
    this.offset = clockOffset(session, this.clientNow());
    if (Date.parse(session.expiresAt) <= this.serverNow()) return this.fail(ErrorCode.SessionExpired);
    this.session = session;
    const open = this.resume.load(session.order.id);
    const resumed = open && session.channels.find((c) => c.id === open.channel);
    // A channel the host no longer offers cannot be asked about through this session.
    if (open && !resumed) this.resume.clear(session.order.id);
    // The host's first channel cannot pay: the payment starts on its fallback, and the host hears so.
    const moved = resumed ? undefined : loadFallback(session, (c) => this.canPay(c), (c) => blockingFailure(this.availability(c)));
    const chosen = resumed
      ? resumed
      : moved
        ? session.channels.find((c) => c.id === moved.to)
        : recommendChannel(session.channels, {
            ...this.availabilityContext(session),
            lastUsed: readLastUsed(session.order.merchant.id),
          });
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
      void this.resumeAttempt(generation, session, open);
    } else if (chosen) {
      this.select(chosen.id, moved ? 'fallback' : 'recommendation');
      if (moved) {
        this.fallback = { kind: 'preselected', ...moved, immediate: false };
        emit(this.host, 'shouyin-fallback', { ...orderDetail(session), from: moved.from, to: moved.to, reason: moved.code, previousAttempt: null });
      }
    }
    this.scheduleExpiry();
    this.watchMaintenance();
  }

  /** Re-armed on every (re)connection: a cashier moved in the page keeps watching its windows. */
  private watchMaintenance(): void {
    const session = this.session;
    if (session) this.maintenance.watch(session.channels, () => this.serverNow(), () => this.onMaintenanceBoundary());
  }

  /** What decides whether a channel can pay: the amount, the server's time, the environment. */
  availabilityContext(session: Session): AvailabilityContext {
    return { amount: session.order.amount, now: this.serverNow(), env: this.deps.env() };
  }

  /**
   * A maintenance window opened or closed: the list shows it at once, and when the payer has
   * no usable selection the best channel now available is recommended.
   */
  private onMaintenanceBoundary(): void {
    const session = this.session;
    if (!session || this.state.phase !== Phase.Ready) return;
    this.host.requestUpdate();
    const current = session.channels.find((c) => c.id === this.channelId);
    if (current && channelAvailability(current, this.availabilityContext(session)).available) return;
    const chosen = recommendChannel(session.channels, {
      ...this.availabilityContext(session),
      lastUsed: readLastUsed(session.order.merchant.id),
    });
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
    const channel = session.channels.find((c) => c.id === channelId);
    if (!channel || !this.canPay(channel)) return;
    const previous = this.channelId;
    this.channelId = channelId;
    if (this.state.failure) this.state = { phase: Phase.Ready };
    if (reason === 'user') this.fallback = undefined;
    this.host.requestUpdate();
    emit(this.host, 'shouyin-channel-change', { channel: channelId, previous, reason });
  }

  /**
   * Pays with the selected channel. `instrument` prepares what pays (a card is encrypted
   * here, after `shouyin-submit`, while the flow already refuses a second click); wallets
   * need none.
   */
  async pay(instrument: (session: Session) => Promise<Instrument> = async () => ({ type: 'wallet' })): Promise<void> {
    const { session, channelId } = this;
    // A cashier taken off the page starts nothing (its fallback included).
    if (this.state.phase !== Phase.Ready || !session || !channelId || !this.host.isConnected) return;
    if (Date.parse(session.expiresAt) <= this.serverNow()) return this.expire();
    const channel = session.channels.find((c) => c.id === channelId);
    if (!channel || !this.canPay(channel)) return;
    if (!globalThis.crypto?.subtle) return this.fail(ErrorCode.CryptoUnavailable);
    const ref: AttemptRef = { attempt: randomToken(12), idempotencyKey: randomToken(18), channel: channelId };
    const previousAttempt = this.lastAttempt;
    if (!emit(this.host, 'shouyin-submit', { ...orderDetail(session), channel: channelId, attempt: ref.attempt, previousAttempt })) {
      return;
    }
    // Entering `paying` happens before the first await: a second click finds the flow busy.
    this.apply({ type: 'pay', attempt: ref });
    // An auto fallback stays on screen while its payment runs; an offer the payer passed over does not.
    if (this.fallback?.kind !== 'moved') this.fallback = undefined;
    const generation = this.generation;
    const run = this.newAttemptRun();
    let prepared: Instrument;
    try {
      prepared = await instrument(session);
    } catch {
      // No usable encryption key in the session: this channel cannot take card data.
      return this.finish(generation, session, ref, FailureCode.ChannelUnavailable, false, null, null);
    }
    await this.networkReady();
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
    // Kept before it is sent: a reload from here on resumes this attempt instead of paying again.
    this.resume.save({
      v: 1,
      orderId: session.order.id,
      sessionId: session.id,
      channel: ref.channel,
      attempt: ref.attempt,
      idempotencyKey: ref.idempotencyKey,
      ...(prepared.type === 'wallet' ? { intent } : {}),
    });
    const outcome = await this.send(session, intent, ref, run.cut.signal);
    if (run.cut.signal.aborted) return;
    await this.settle(generation, session, ref, outcome, run);
  }

  /** Posts an attempt's intent with its key (retries inside reuse both). */
  private async send(session: Session, intent: Intent, ref: AttemptRef, signal: AbortSignal): Promise<AttemptOutcome> {
    try {
      return await submitIntent({
        session,
        intent,
        signal,
        idempotencyKey: ref.idempotencyKey,
        endpoint: new URL(session.endpoints.intents, this.base).href,
        now: this.serverNow(),
        ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      });
    } catch {
      // Signing can only throw on a key the schema let through but WebCrypto refuses.
      return { kind: 'failed', code: FailureCode.SignatureRejected, retryable: false };
    }
  }

  /**
   * After a reload: shows the open attempt's real state instead of offering to pay again. The
   * payment id is asked about on the status endpoint; an attempt that never got one is resent
   * under its own key when it was a wallet payment (the backend answers a copy it already took
   * with the first answer). A card attempt is never resent: its card data was not kept.
   */
  private async resumeAttempt(generation: number, session: Session, open: ResumeRecord): Promise<void> {
    const ref: AttemptRef = { attempt: open.attempt, idempotencyKey: open.idempotencyKey, channel: open.channel };
    this.apply({ type: 'pay', attempt: ref });
    const run = this.newAttemptRun();
    const transport = { signal: run.cut.signal, ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}) };
    let outcome: AttemptOutcome;
    if (open.paymentId) {
      outcome = await fetchAttempt(session.endpoints.status, open.paymentId, this.base, transport);
      // Not reachable just now: the attempt may still go through, so it is checked again shortly.
      if (outcome.kind === 'failed' && outcome.retryable) outcome = { kind: 'answered', response: { id: open.paymentId, status: 'pending' } };
    } else if (open.intent && open.sessionId === session.id) {
      await this.networkReady();
      if (run.cut.signal.aborted) return;
      outcome = await this.send(session, open.intent, ref, run.cut.signal);
    } else {
      // Whether it reached the backend is unknown: the next attempt names it, and the backend
      // cancels it or, if it paid, answers "already paid".
      return this.finish(generation, session, ref, FailureCode.NetworkError, true, null, null);
    }
    if (run.cut.signal.aborted) return;
    await this.settle(generation, session, ref, outcome, run);
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

  /** The payer accepts the offered fallback (prompt mode). */
  acceptFallback(): void {
    const { fallback, session } = this;
    if (fallback?.kind !== 'offer' || !session || this.state.phase !== Phase.Ready) return;
    this.moveTo(session, fallback, false);
  }

  /** The payer goes back from an automatic fallback to the channel it left. */
  undoFallback(): void {
    const fallback = this.fallback;
    if (fallback?.kind !== 'moved' || this.state.phase !== Phase.Ready) return;
    this.fallback = undefined;
    this.select(fallback.from, 'user');
    this.host.requestUpdate();
  }

  /** Pays with a new card: encrypted to the session's key, so only the backend can read it. */
  payByCard(card: CardPayload): Promise<void> {
    return this.pay(async (session) => {
      const key = session.encryption;
      if (!key) throw new Error('the session has no card encryption key');
      return { type: 'card', encrypted: await encryptCard(card, key) };
    });
  }

  /**
   * Pays with a saved card. When the session asks for its CVV again, the CVV is encrypted to
   * the session's key like a new card and sent as `encryptedCvv`.
   */
  paySavedCard({ cardId, cvv }: SavedCardChoice): Promise<void> {
    return this.pay(async (session) => {
      if (cvv === undefined) return { type: 'saved-card', cardId };
      if (!session.encryption) throw new Error('the session has no card encryption key');
      return { type: 'saved-card', cardId, encryptedCvv: await encryptSavedCardCvv({ cvv }, session.encryption) };
    });
  }

  /** Removes a saved card with a signed `DELETE`; once the backend agrees, it leaves this session's list. */
  async removeSavedCard(card: SavedCard): Promise<CardRemovalResult> {
    const session = this.session;
    if (!session) return { ok: false, code: 'removal_unavailable' };
    // The saved cards chunk: loaded already, since its list asked.
    const { removeCard } = await loadSavedCards();
    const result = await removeCard({
      session,
      cardId: card.id,
      base: this.base,
      now: this.serverNow(),
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
    });
    if (result.ok) {
      session.savedCards = session.savedCards.filter((c) => c.id !== card.id);
      this.host.requestUpdate();
    }
    return result;
  }

  /** Takes an answer about an attempt to its end: success, failure, or polling while pending. */
  private async settle(generation: number, session: Session, ref: AttemptRef, outcome: AttemptOutcome, run: AttemptRun): Promise<void> {
    const { signal } = run.stop;
    /** Set when the payer closed the wallet's sheet or it failed: the attempt ends there. */
    let gaveUp: FailureCode | undefined;
    for (let poll = 0; ; poll++) {
      if (outcome.kind === 'failed') {
        const trigger: FallbackTrigger = { kind: 'failure', code: outcome.code };
        return this.finish(generation, session, ref, outcome.code, outcome.retryable, null, trigger);
      }
      const response: IntentResponse = outcome.response;
      if (outcome.kind === 'already-paid' || response.status === 'succeeded') {
        return this.succeed(generation, session, { ...ref, paymentId: response.id });
      }
      if (response.status === 'failed' || response.status === 'canceled') {
        const code = response.status === 'canceled' ? FailureCode.Canceled : toFailureCode(response.failure?.code ?? '');
        // A cancel comes from a newer attempt elsewhere (another tab): not a reason to move.
        const trigger: FallbackTrigger | null =
          response.status === 'canceled' ? null : { kind: 'failure', code, ...(response.failure?.fallback ? { hint: response.failure.fallback } : {}) };
        return this.finish(generation, session, ref, code, response.failure?.retryable ?? false, response.id, trigger);
      }
      if (poll === 0) {
        this.keepOpen(session, ref, response.id);
        this.apply({ type: 'pending', paymentId: response.id }, generation);
        emit(this.host, 'shouyin-pending', {
          ...orderDetail(session),
          channel: ref.channel,
          attempt: ref.attempt,
          paymentId: response.id,
          action: response.action?.type ?? null,
        });
        this.actions.start(response.action, ref.channel, (code) => {
          gaveUp = code;
          this.checkNow();
        });
      }
      if (gaveUp) return this.finish(generation, session, ref, gaveUp, true, response.id, null);
      if (Date.parse(session.expiresAt) <= this.serverNow()) {
        return this.finish(generation, session, ref, FailureCode.Expired, false, response.id, null);
      }
      const delays = this.deps.pollDelays?.() ?? POLL_DELAYS_MS;
      await this.pause(delays[Math.min(poll, delays.length - 1)] ?? POLL_DELAYS_MS[0]!, signal);
      if (signal.aborted) return;
      // Only `cut` drops the check: one on its way when the payer abandons may find that they did pay.
      const next = await fetchAttempt(session.endpoints.status, response.id, this.base, {
        signal: run.cut.signal,
        ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      });
      if (run.cut.signal.aborted) return;
      if (signal.aborted) {
        if (next.kind !== 'failed' && (next.kind === 'already-paid' || next.response.status === 'succeeded')) {
          this.succeed(generation, session, { ...ref, paymentId: next.response.id });
        }
        return;
      }
      // A status check that fails keeps the attempt pending: the payment may still go through.
      if (next.kind !== 'failed') outcome = next;
    }
  }

  /** Waits `ms`, or less when the payer asks to check now or abandons the attempt. */
  private pause(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wakePoll = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.wakePoll = done;
    });
  }

  /** A new attempt ends the polling of any earlier one on this cashier. */
  private newAttemptRun(): AttemptRun {
    this.run?.stop.abort();
    return (this.run = { stop: new AbortController(), cut: new AbortController() });
  }

  /** The open attempt got its payment id: a reload asks the status endpoint about it. */
  private keepOpen(session: Session, ref: AttemptRef, paymentId: string): void {
    const stored = this.resume.load(session.order.id);
    if (stored && stored.attempt !== ref.attempt) return;
    this.resume.save({
      v: 1,
      orderId: session.order.id,
      sessionId: session.id,
      channel: ref.channel,
      attempt: ref.attempt,
      idempotencyKey: ref.idempotencyKey,
      paymentId,
    });
  }

  private succeed(generation: number, session: Session, ref: AttemptRef & { paymentId: string }): void {
    rememberLastUsed(session.order.merchant.id, ref.channel);
    this.resume.clear(session.order.id);
    const current = generation === this.generation;
    // An abandoned attempt found paid and the newer attempt answered "already paid" both say so: the host hears it once.
    if (current && this.state.phase === Phase.Succeeded) return;
    if (current) {
      this.fallback = undefined;
      this.givenUp.clear();
    }
    this.apply({ type: 'succeeded', paymentId: ref.paymentId, attempt: ref }, generation);
    emit(this.host, 'shouyin-success', {
      ...orderDetail(session),
      channel: ref.channel,
      attempt: ref.attempt,
      paymentId: ref.paymentId,
    });
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
    const stored = this.resume.load(session.order.id);
    if (!stored || stored.attempt === ref.attempt) this.resume.clear(session.order.id);
    const current = generation === this.generation;
    if (current) {
      this.lastAttempt = ref.attempt;
      this.fallback = undefined;
    }
    this.apply({ type: 'failed', code, retryable }, generation);
    emit(this.host, 'shouyin-failure', {
      ...orderDetail(session),
      channel: ref.channel,
      attempt: ref.attempt,
      paymentId,
      code,
      retryable,
      message: this.deps.messages().failures[code],
    });
    if (current && trigger && this.state.phase === Phase.Ready) this.afterFailure(session, ref.channel, trigger);
  }

  /** Offers, makes or skips the fallback the session's mode asks for after an attempt ended badly. */
  private afterFailure(session: Session, from: string, trigger: FallbackTrigger): void {
    if (!triggersFallback(trigger)) return;
    this.givenUp.add(from);
    const decision = decideFallback({ session, from, trigger, available: (c) => this.canPay(c), exclude: this.givenUp });
    if (decision.kind === 'none') return;
    const notice: FallbackNotice = { kind: 'offer', from, to: decision.to, code: triggerCode(trigger), immediate: decision.immediate };
    if (decision.kind === 'offer') {
      this.fallback = notice;
      this.host.requestUpdate();
    } else {
      this.moveTo(session, notice, true);
    }
  }

  /** Moves the payment to the fallback's channel, tells the host, and pays at once when nothing more is needed. */
  private moveTo(session: Session, notice: FallbackNotice, automatic: boolean): void {
    this.select(notice.to, 'fallback');
    if (this.channelId !== notice.to) return;
    this.fallback = automatic ? { ...notice, kind: 'moved' } : undefined;
    this.host.requestUpdate();
    emit(this.host, 'shouyin-fallback', {
      ...orderDetail(session),
      from: notice.from,
      to: notice.to,
      reason: notice.code,
      previousAttempt: this.lastAttempt,
    });
    if (notice.immediate) void this.pay();
  }

  private availability(channel: Channel) {
    return channelAvailability(channel, { amount: this.session?.order.amount ?? 0, now: this.serverNow(), env: this.deps.env() });
  }

  /** Whether a channel can take this order's payment now. */
  private canPay(channel: Channel): boolean {
    return this.availability(channel).available;
  }

  private expire(): void {
    const session = this.session;
    if (!session) return;
    const before = this.state;
    this.apply({ type: 'expire' });
    if (this.state !== before) emit(this.host, 'shouyin-expire', orderDetail(session));
  }

  private scheduleExpiry(): void {
    clearTimeout(this.expiryTimer);
    const session = this.session;
    if (!session || !this.host.isConnected) return;
    const left = Date.parse(session.expiresAt) - this.serverNow();
    this.expiryTimer = setTimeout(() => (left > MAX_TIMER_MS ? this.scheduleExpiry() : this.expire()), Math.min(Math.max(left, 0), MAX_TIMER_MS));
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

  private clientNow(): number {
    return (this.deps.now ?? Date.now)();
  }
}

function orderDetail(session: Session): OrderDetail {
  return { sessionId: session.id, orderId: session.order.id, amount: session.order.amount, currency: session.order.currency };
}

/** `URL.canParse` is missing from the older WebViews super-apps still ship. */
function parseUrl(text: string, base: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}
