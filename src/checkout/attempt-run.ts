import { FailureCode, toFailureCode } from '../protocol/codes.js';
import type { Intent, IntentResponse, ResumeRecord, Session } from '../protocol/schemas.js';
import { fetchAttempt, submitIntent, type AttemptOutcome } from '../transport/intent-client.js';
import type { FallbackTrigger } from './fallback.js';
import type { AttemptRef } from './flow.js';
import type { PageWaits } from './page-waits.js';
import { settlesAttempt, type ResumeStore } from './resume-store.js';

/** Status checks of a pending attempt back off; "I have paid" and coming back to the page check at once. */
export const POLL_DELAYS_MS: readonly number[] = [2000, 3000, 5000, 8000];

/** What an attempt finds, for the checkout to turn into state and events. */
export interface AttemptReport {
  /** The first pending answer; `giveUp` ends the attempt (the wallet's sheet was closed or failed). */
  pending(response: IntentResponse, giveUp: (code: FailureCode) => void): void;
  /** `earlier`: the order was already paid, by another attempt (the backend's "already paid"). */
  succeeded(paymentId: string, earlier: boolean): void;
  /** `unknown`: the request may have reached the backend and no answer came: the attempt stays kept for a reload. */
  failed(code: FailureCode, retryable: boolean, paymentId: string | null, trigger: FallbackTrigger | null, unknown?: boolean): void;
}

export interface AttemptDeps {
  /** The URL the session's relative endpoints resolve against. */
  base: string;
  serverNow(): number;
  pollDelays(): readonly number[] | undefined;
  waits: PageWaits;
  resume: ResumeStore;
}

/**
 * One attempt, from its intent to its end: it posts the intent, takes the answer to success,
 * failure or polling while pending, and keeps the attempt in storage for a reload to resume.
 *
 * `stop` ends its waits (the payer abandoned it, or a newer attempt began); a status check
 * already on its way still lands, since it may find the payment made. `cut` also drops its
 * requests: the cashier left the page, as a reload does.
 */
export class AttemptRun {
  readonly stop = new AbortController();
  readonly cut = new AbortController();

  constructor(
    private readonly deps: AttemptDeps,
    private readonly session: Session,
    private readonly ref: AttemptRef,
    private readonly report: AttemptReport,
  ) {}

  /**
   * Keeps the attempt, then posts its intent. It is kept before it is sent: a reload from here
   * on resumes this attempt instead of paying again. Only a wallet's intent is kept (to be
   * resent under its own key); card data never reaches storage.
   */
  async send(intent: Intent, resendable: boolean): Promise<void> {
    this.keep(resendable ? { intent } : {});
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
      return this.report.failed(FailureCode.NetworkError, true, null, null, true);
    }
    await this.settle(outcome);
  }

  /** Posts the intent with the attempt's key (retries inside reuse both). */
  private async post(intent: Intent): Promise<AttemptOutcome> {
    const { session } = this;
    try {
      return await submitIntent({
        session,
        intent,
        signal: this.cut.signal,
        idempotencyKey: this.ref.idempotencyKey,
        endpoint: new URL(session.endpoints.intents, this.deps.base).href,
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
    const { session, report } = this;
    const { signal } = this.stop;
    /** Set when the payer closed the wallet's sheet or it failed: the attempt ends there. */
    let gaveUp: FailureCode | undefined;
    for (let poll = 0; ; poll++) {
      if (this.cut.signal.aborted) return;
      if (outcome.kind === 'failed') {
        return report.failed(outcome.code, outcome.retryable, null, { kind: 'failure', code: outcome.code }, !settlesAttempt(outcome));
      }
      const response: IntentResponse = outcome.response;
      if (outcome.kind === 'already-paid' || response.status === 'succeeded') return report.succeeded(response.id, outcome.kind === 'already-paid');
      if (response.status === 'failed' || response.status === 'canceled') {
        const code = response.status === 'canceled' ? FailureCode.Canceled : toFailureCode(response.failure?.code ?? '');
        // A cancel comes from a newer attempt elsewhere (another tab): not a reason to move.
        const trigger: FallbackTrigger | null =
          response.status === 'canceled' ? null : { kind: 'failure', code, ...(response.failure?.fallback ? { hint: response.failure.fallback } : {}) };
        return report.failed(code, response.failure?.retryable ?? false, response.id, trigger);
      }
      if (poll === 0) {
        // The attempt got its payment id: a reload asks the status endpoint about it (unless a newer attempt is kept).
        const stored = this.deps.resume.load(session.order.id);
        if (!stored || stored.attempt === this.ref.attempt) this.keep({ paymentId: response.id });
        report.pending(response, (code) => {
          gaveUp = code;
          this.deps.waits.wake();
        });
      }
      if (gaveUp) return report.failed(gaveUp, true, response.id, null);
      if (Date.parse(session.expiresAt) <= this.deps.serverNow()) return report.failed(FailureCode.Expired, false, response.id, null);
      const delays = this.deps.pollDelays() ?? POLL_DELAYS_MS;
      await this.deps.waits.pause(delays[Math.min(poll, delays.length - 1)] ?? POLL_DELAYS_MS[0]!, signal);
      if (signal.aborted) return;
      const next = await this.check(response.id);
      if (this.cut.signal.aborted) return;
      if (signal.aborted) {
        if (next.kind !== 'failed' && (next.kind === 'already-paid' || next.response.status === 'succeeded')) {
          report.succeeded(next.response.id, next.kind === 'already-paid');
        }
        return;
      }
      // A status check that fails keeps the attempt pending: the payment may still go through.
      if (next.kind !== 'failed') outcome = next;
    }
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
