import { randomToken } from '../../protocol/base64url.js';
import { FailureCode, toFailureCode } from '../../protocol/codes.js';
import type { Environment, Instrument, Intent, IntentResponse, ResumeRecord, Session } from '../../protocol/schemas.js';
import { fetchAttempt, statusUrl, submitIntent, type AttemptOutcome } from '../../transport/intent-client.js';
import type { CheckoutEvent } from '../core/events.js';
import type { AttemptRef } from '../core/flow.js';
import type { FallbackTrigger } from '../core/fallback.js';
import { buildIntent } from '../core/intent.js';
import { SealUnavailable, type PrepareInstrument } from './instruments.js';
import type { PageWaits } from './page-waits.js';
import { settlesAttempt, type ResumeStore } from './resume-store.js';

/** Status checks of a pending attempt back off; "I have paid" and coming back to the page check at once. */
export const POLL_DELAYS_MS: readonly number[] = [2000, 3000, 5000, 8000];

export interface AttemptDeps {
  /** The URL the session's relative endpoints resolve against. */
  base: string;
  serverNow(): number;
  pollDelays(): readonly number[] | undefined;
  waits: PageWaits;
  resume: ResumeStore;
  env(): Environment;
  locale(): string;
}

/** What a run reports: the checkout's run events, without the attempt and session each is tagged with. */
type Report =
  | { type: 'pending'; paymentId: string; action: IntentResponse['action'] }
  | { type: 'succeeded'; paymentId: string; earlier: boolean }
  | { type: 'failed'; code: FailureCode; retryable: boolean; paymentId: string | null; trigger: FallbackTrigger | null; unknown?: boolean };

/**
 * One attempt, from its intent to its end: it posts the intent, takes the answer to success,
 * failure or polling while pending, and keeps the attempt in storage for a reload to resume.
 * What it finds goes to `report` as events tagged with its attempt id, for `reduce` to judge.
 *
 * `stop` ends its waits (the payer abandoned it, or a newer attempt began); a status check
 * already on its way still lands, since it may find the payment made. `cut` also drops its
 * requests: the cashier left the page, as a reload does.
 */
export class AttemptRun {
  readonly stop = new AbortController();
  readonly cut = new AbortController();
  /** Set when the payer closed the wallet's sheet or it failed: the attempt ends there. */
  private gaveUp: FailureCode | undefined;

  constructor(
    private readonly deps: AttemptDeps,
    private readonly session: Session,
    private readonly ref: AttemptRef,
    private readonly dispatch: (event: CheckoutEvent) => void,
  ) {}

  /** Tags what it found with its attempt and session. */
  report(found: Report): void {
    this.dispatch({ ...found, session: this.session, ref: this.ref });
  }

  /** The wallet's sheet was closed or failed: the attempt ends at its next check, which comes now. */
  giveUp(code: FailureCode): void {
    this.gaveUp = code;
    this.deps.waits.wake();
  }

  /**
   * Pays: once the network is there, prepares what pays (a card is sealed right before it is
   * sent, as the backend takes a card JWE only for a few minutes after it was made), then sends
   * the intent, naming the order's last attempt that did not succeed.
   */
  async pay(instrument: PrepareInstrument, previousAttempt: string | null): Promise<void> {
    const { session, deps } = this;
    await deps.waits.networkReady();
    let prepared: Instrument;
    try {
      prepared = await instrument(session, deps.serverNow());
    } catch (error) {
      // The card encryption did not load: a network fault, nothing sent, worth another try.
      // Else the session has no usable encryption key: this channel cannot take card data.
      // A passkey that did not come says why (`failure`): the payer's refusal, the network.
      const said = (error as { failure?: FailureCode }).failure;
      const retryable = !!said || error instanceof SealUnavailable;
      return this.report({ type: 'failed', code: said ?? (retryable ? FailureCode.NetworkError : FailureCode.ChannelUnavailable), retryable, paymentId: null, trigger: null });
    }
    if (this.cut.signal.aborted) return;
    const intent = buildIntent({
      session,
      channel: this.ref.channel,
      instrument: prepared,
      attempt: this.ref.attempt,
      ...(previousAttempt ? { previousAttempt } : {}),
      env: deps.env(),
      locale: deps.locale(),
      nonce: randomToken(18),
      now: deps.serverNow(),
    });
    await this.send(intent);
  }

  /**
   * Keeps the attempt, then posts its intent. It is kept before it is sent: a reload from here
   * on resumes this attempt instead of paying again. Only a wallet's intent is kept (to be
   * resent under its own key); card data never reaches storage.
   */
  private async send(intent: Intent): Promise<void> {
    // A wallet's intent holds no instrument data: kept, a reload resends it under its key.
    const { instrument } = intent;
    this.keep(instrument.type === 'wallet' ? { intent: { ...intent, instrument } } : {});
    await this.settle(await this.post(intent));
  }

  /**
   * After a reload: finds the open attempt's real state instead of offering to pay again. The
   * payment id is asked about on the status endpoint; an attempt that never got one is resent
   * under its own key when its intent was kept (the backend answers a copy it already took
   * with the first answer). A card attempt is never resent: its card data was not kept.
   */
  async resume(open: ResumeRecord): Promise<void> {
    let outcome: AttemptOutcome;
    if (open.paymentId) {
      outcome = await this.check(open.paymentId);
      // Not reachable just now: the attempt may still go through, so it is checked again shortly.
      if (outcome.kind === 'failed' && outcome.retryable) outcome = { kind: 'answered', response: { id: open.paymentId, status: 'pending' } };
    } else if (open.intent && open.sessionId === this.session.id) {
      await this.deps.waits.networkReady();
      if (this.cut.signal.aborted) return;
      outcome = await this.post(open.intent);
    } else {
      // Whether it reached the backend is unknown: the next attempt names it, and the backend
      // cancels it or, if it paid, answers "already paid" (as the session does, on a reload).
      return this.report({ type: 'failed', code: FailureCode.NetworkError, retryable: true, paymentId: null, trigger: null, unknown: true });
    }
    await this.settle(outcome);
  }

  /** Posts the intent with the attempt's key (retries inside reuse both). */
  private async post(intent: Intent): Promise<AttemptOutcome> {
    const { session } = this;
    const { instrument } = intent;
    // A binding's confirm is an attempt of its own route (issue 17): it binds the card and pays.
    const endpoint =
      instrument.type === 'binding'
        ? `${statusUrl(session.endpoints.bindings ?? '', instrument.bindingId, this.deps.base)}/confirm`
        : new URL(session.endpoints.intents, this.deps.base).href;
    try {
      return await submitIntent({
        session,
        intent,
        signal: this.cut.signal,
        idempotencyKey: this.ref.idempotencyKey,
        endpoint,
        now: this.deps.serverNow(),
      });
    } catch {
      // Signing can only throw on a key the schema let through but WebCrypto refuses.
      return { kind: 'failed', code: FailureCode.SignatureRejected, retryable: false };
    }
  }

  /** Only `cut` drops a status check: one on its way when the payer abandons may find that they did pay. */
  private check(paymentId: string): Promise<AttemptOutcome> {
    return fetchAttempt(this.session.endpoints.status, paymentId, this.deps.base, { signal: this.cut.signal });
  }

  /** Takes an answer about the attempt to its end: success, failure, or polling while pending. */
  private async settle(outcome: AttemptOutcome): Promise<void> {
    const { session } = this;
    const { signal } = this.stop;
    for (let poll = 0; ; poll++) {
      if (this.cut.signal.aborted) return;
      if (outcome.kind === 'failed') {
        const { code, retryable } = outcome;
        return this.report({ type: 'failed', code, retryable, paymentId: null, trigger: { kind: 'failure', code }, unknown: !settlesAttempt(outcome) });
      }
      const response: IntentResponse = outcome.response;
      if (outcome.kind === 'already-paid' || response.status === 'succeeded') return this.succeeded(response.id, outcome.kind === 'already-paid');
      if (response.status === 'failed' || response.status === 'canceled') {
        const code = response.status === 'canceled' ? FailureCode.Canceled : toFailureCode(response.failure?.code ?? '');
        // A cancel comes from a newer attempt elsewhere (another tab): not a reason to move.
        const trigger: FallbackTrigger | null =
          response.status === 'canceled' ? null : { kind: 'failure', code, ...(response.failure?.fallback ? { hint: response.failure.fallback } : {}) };
        return this.report({ type: 'failed', code, retryable: response.failure?.retryable ?? false, paymentId: response.id, trigger });
      }
      if (poll === 0) {
        // The attempt got its payment id: a reload asks the status endpoint about it (unless a newer attempt is kept).
        const stored = this.deps.resume.load(session.order.id);
        if (!stored || stored.attempt === this.ref.attempt) this.keep({ paymentId: response.id });
        this.report({ type: 'pending', paymentId: response.id, action: response.action });
      }
      const { gaveUp } = this;
      if (gaveUp) return this.report({ type: 'failed', code: gaveUp, retryable: true, paymentId: response.id, trigger: null });
      if (Date.parse(session.expiresAt) <= this.deps.serverNow()) {
        return this.report({ type: 'failed', code: FailureCode.Expired, retryable: false, paymentId: response.id, trigger: null });
      }
      const delays = this.deps.pollDelays() ?? POLL_DELAYS_MS;
      await this.deps.waits.pause(delays[Math.min(poll, delays.length - 1)] ?? POLL_DELAYS_MS[0]!, signal);
      if (signal.aborted) return;
      const next = await this.check(response.id);
      if (this.cut.signal.aborted) return;
      if (signal.aborted) {
        if (next.kind !== 'failed' && (next.kind === 'already-paid' || next.response.status === 'succeeded')) {
          this.succeeded(next.response.id, next.kind === 'already-paid');
        }
        return;
      }
      // A status check that fails keeps the attempt pending: the payment may still go through.
      if (next.kind !== 'failed') outcome = next;
    }
  }

  private succeeded(paymentId: string, earlier: boolean): void {
    this.report({ type: 'succeeded', paymentId, earlier });
  }

  /** What a reload finds of this attempt (one record per order). */
  private keep(extra: Pick<ResumeRecord, 'intent' | 'paymentId'>): void {
    const { session, ref } = this;
    this.deps.resume.save({
      v: 1,
      orderId: session.order.id,
      sessionId: session.id,
      channel: ref.channel,
      attempt: ref.attempt,
      idempotencyKey: ref.idempotencyKey,
      ...extra,
    });
  }
}
