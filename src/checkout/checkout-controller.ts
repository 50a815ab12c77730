import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { firstAvailable, channelAvailability } from '../channels/availability.js';
import { emit, type ChannelChangeReason, type OrderDetail } from '../events/events.js';
import type { Messages } from '../i18n/messages.js';
import { randomToken } from '../protocol/base64url.js';
import { encryptCard, type CardPayload } from '../protocol/card-payload.js';
import { ErrorCode, FailureCode, toFailureCode } from '../protocol/codes.js';
import type { Environment, Instrument, IntentResponse, Session } from '../protocol/schemas.js';
import type { FetchLike } from '../transport/http.js';
import { fetchAttempt, submitIntent, type AttemptOutcome } from '../transport/intent-client.js';
import { fetchSession, parseSession, type SessionResult } from '../transport/session-client.js';
import { Phase, initialState, transition, type AttemptRef, type FlowEvent, type FlowState } from './flow.js';
import { buildIntent, clockOffset } from './intent.js';
import { watchPage } from './page-events.js';

export interface CheckoutDeps {
  messages(): Messages;
  locale(): string;
  env(): Environment;
  fetch?: FetchLike;
  /** Client clock, milliseconds since the epoch. */
  now?: () => number;
}

export type SessionSource = { url: string } | { input: unknown };

/** Status checks of a pending attempt back off; "I have paid" and coming back to the page check at once. */
const POLL_DELAYS_MS = [2000, 3000, 5000, 8000];
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
  private unwatchPage: (() => void) | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, deps: CheckoutDeps) {
    (this.host = host).addController(this);
    this.deps = deps;
  }

  hostConnected(): void {
    this.scheduleExpiry();
    this.unwatchPage = watchPage({ visibility: this.onVisibilityChange, connectivity: this.onConnectivity });
    this.online = navigator.onLine;
  }

  hostDisconnected(): void {
    clearTimeout(this.expiryTimer);
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
    this.session = undefined;
    this.channelId = null;
    this.apply({ type: 'load' });
    return generation;
  }

  async load(source: SessionSource): Promise<void> {
    const generation = this.invalidate();
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
    const chosen = firstAvailable(session.channels, { amount: session.order.amount, now: this.serverNow() });
    this.apply({ type: 'loaded' });
    emit(this.host, 'shouyin-ready', {
      ...orderDetail(session),
      channels: session.channels.map((c) => c.id),
      channel: chosen?.id ?? null,
    });
    if (chosen) this.select(chosen.id, 'recommendation');
    this.scheduleExpiry();
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
    if (!channel || !channelAvailability(channel, { amount: session.order.amount, now: this.serverNow() }).available) return;
    const previous = this.channelId;
    this.channelId = channelId;
    if (this.state.failure) this.state = { phase: Phase.Ready };
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
    if (this.state.phase !== Phase.Ready || !session || !channelId) return;
    if (Date.parse(session.expiresAt) <= this.serverNow()) return this.expire();
    const channel = session.channels.find((c) => c.id === channelId);
    if (!channel || !channelAvailability(channel, { amount: session.order.amount, now: this.serverNow() }).available) return;
    if (!globalThis.crypto?.subtle) return this.fail(ErrorCode.CryptoUnavailable);
    const ref: AttemptRef = { attempt: randomToken(12), idempotencyKey: randomToken(18), channel: channelId };
    const previousAttempt = this.state.failure?.attempt ?? null;
    if (!emit(this.host, 'shouyin-submit', { ...orderDetail(session), channel: channelId, attempt: ref.attempt, previousAttempt })) {
      return;
    }
    // Entering `paying` happens before the first await: a second click finds the flow busy.
    this.apply({ type: 'pay', attempt: ref });
    const generation = this.generation;
    let prepared: Instrument;
    try {
      prepared = await instrument(session);
    } catch {
      // No usable encryption key in the session: this channel cannot take card data.
      return this.finish(generation, session, ref, FailureCode.ChannelUnavailable, false, null);
    }
    await this.networkReady();
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
    let outcome: AttemptOutcome;
    try {
      outcome = await submitIntent({
        session,
        intent,
        idempotencyKey: ref.idempotencyKey,
        endpoint: new URL(session.endpoints.intents, this.base).href,
        now: this.serverNow(),
        ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
      });
    } catch {
      // Signing can only throw on a key the schema let through but WebCrypto refuses.
      outcome = { kind: 'failed', code: FailureCode.SignatureRejected, retryable: false };
    }
    await this.settle(generation, session, ref, outcome);
  }

  /** Pays with a new card: encrypted to the session's key, so only the backend can read it. */
  payByCard(card: CardPayload): Promise<void> {
    return this.pay(async (session) => {
      const key = session.encryption;
      if (!key) throw new Error('the session has no card encryption key');
      return { type: 'card', encrypted: await encryptCard(card, key) };
    });
  }

  /** Takes an answer about an attempt to its end: success, failure, or polling while pending. */
  private async settle(generation: number, session: Session, ref: AttemptRef, outcome: AttemptOutcome): Promise<void> {
    for (let poll = 0; ; poll++) {
      if (outcome.kind === 'failed') return this.finish(generation, session, ref, outcome.code, outcome.retryable, null);
      const response: IntentResponse = outcome.response;
      if (outcome.kind === 'already-paid' || response.status === 'succeeded') {
        return this.succeed(generation, session, { ...ref, paymentId: response.id });
      }
      if (response.status === 'failed' || response.status === 'canceled') {
        const code = response.status === 'canceled' ? FailureCode.Canceled : toFailureCode(response.failure?.code ?? '');
        return this.finish(generation, session, ref, code, response.failure?.retryable ?? false, response.id);
      }
      if (poll === 0) {
        this.apply({ type: 'pending', paymentId: response.id }, generation);
        emit(this.host, 'shouyin-pending', {
          ...orderDetail(session),
          channel: ref.channel,
          attempt: ref.attempt,
          paymentId: response.id,
          action: response.action?.type ?? null,
        });
      }
      if (Date.parse(session.expiresAt) <= this.serverNow()) {
        return this.finish(generation, session, ref, FailureCode.Expired, false, response.id);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)]!);
        this.wakePoll = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakePoll = undefined;
      const next = await fetchAttempt(session.endpoints.status, response.id, this.base, this.deps.fetch ? { fetch: this.deps.fetch } : {});
      // A status check that fails keeps the attempt pending: the payment may still go through.
      if (next.kind !== 'failed') outcome = next;
    }
  }

  private succeed(generation: number, session: Session, ref: AttemptRef & { paymentId: string }): void {
    this.apply({ type: 'succeeded', paymentId: ref.paymentId }, generation);
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
  ): void {
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
