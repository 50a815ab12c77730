/**
 * A cashier's attempts: starting one with the selected channel (the pay button, `submit()`, a
 * fallback that pays at once), resuming the one a reload left open, the payer abandoning one,
 * and turning what each finds into state (of its own generation only) and events. An
 * attempt's own run (send, poll, keep for a reload) is `AttemptRun`'s.
 *
 * Functions of the `CheckoutController` they act on, not a class of their own: they read and
 * change its state throughout, and a class in between measured about 50 B gzip more in the
 * script-tag bundle.
 */
import { rememberLastUsed } from '../channels/last-used.js';
import { emit } from '../events/events.js';
import { randomToken } from '../protocol/base64url.js';
import { ErrorCode, FailureCode } from '../protocol/codes.js';
import type { Instrument, ResumeRecord, Session } from '../protocol/schemas.js';
import { AttemptRun, type AttemptDeps, type AttemptReport } from './attempt-run.js';
import type { CheckoutController, PrepareInstrument } from './checkout-controller.js';
import type { FallbackTrigger } from './fallback.js';
import { Phase, type AttemptRef } from './flow.js';
import { SealUnavailable } from './instruments.js';
import { buildIntent } from './intent.js';
import { attemptDetail } from './order-detail.js';

/**
 * Pays with the selected channel. `instrument` prepares what pays (a card is encrypted
 * here, after `shouyin-submit`, while the flow already refuses a second click); wallets
 * need none.
 */
export async function startAttempt(
  checkout: CheckoutController,
  instrument: PrepareInstrument = async () => ({ type: 'wallet' }),
): Promise<void> {
  const { session, channelId, host } = checkout;
  // A cashier taken off the page starts nothing (its fallback included).
  if (checkout.state.phase !== Phase.Ready || !session || !channelId || !host.isConnected) return;
  if (Date.parse(session.expiresAt) <= checkout.serverNow()) return checkout.expire();
  if (!checkout.payable(session, channelId)) return;
  if (!globalThis.crypto?.subtle) return checkout.fail(ErrorCode.CryptoUnavailable);
  const ref: AttemptRef = { attempt: randomToken(12), idempotencyKey: randomToken(18), channel: channelId };
  const previousAttempt = checkout.lastAttempt;
  if (!emit(host, 'shouyin-submit', { ...attemptDetail(session, ref), previousAttempt })) {
    return;
  }
  // Entering `paying` happens before the first await: a second click finds the flow busy.
  checkout.apply({ type: 'pay', attempt: ref });
  // An auto fallback stays on screen while its payment runs; an offer the payer passed over does not.
  if (checkout.fallbacks.notice?.kind !== 'moved') checkout.fallbacks.notice = undefined;
  const { generation } = checkout;
  const run = startRun(checkout, generation, session, ref);
  // The network first: a card is sealed right before it is sent, as the backend takes a card
  // JWE only for a few minutes after it was made.
  await checkout.waits.networkReady();
  let prepared: Instrument;
  try {
    prepared = await instrument(session, checkout.serverNow());
  } catch (error) {
    // The card encryption did not load: a network fault, nothing sent, worth another try.
    if (error instanceof SealUnavailable) return finish(checkout, generation, session, ref, FailureCode.NetworkError, true, null, null);
    // No usable encryption key in the session: this channel cannot take card data.
    return finish(checkout, generation, session, ref, FailureCode.ChannelUnavailable, false, null, null);
  }
  if (run.cut.signal.aborted) return;
  const intent = buildIntent({
    session,
    channel: channelId,
    instrument: prepared,
    attempt: ref.attempt,
    ...(previousAttempt ? { previousAttempt } : {}),
    env: checkout.deps.env(),
    locale: checkout.deps.locale(),
    nonce: randomToken(18),
    now: checkout.serverNow(),
  });
  await run.send(intent, prepared.type === 'wallet');
}

/** After a reload: shows the open attempt's real state (see `AttemptRun.resume`). */
export function resumeAttempt(checkout: CheckoutController, generation: number, session: Session, open: ResumeRecord): void {
  const ref: AttemptRef = { attempt: open.attempt, idempotencyKey: open.idempotencyKey, channel: open.channel };
  checkout.apply({ type: 'pay', attempt: ref });
  void startRun(checkout, generation, session, ref).resume(open);
}

/**
 * The payer gives up waiting on a pending attempt ("use another channel"). It stays open on
 * the backend until the next attempt cancels it (or, had it paid meanwhile, that attempt is
 * answered "already paid"), so nothing can be paid twice.
 */
export function abandonAttempt(checkout: CheckoutController): void {
  const { state, session } = checkout;
  if (state.phase !== Phase.Pending || !session) return;
  checkout.run?.stop.abort();
  finish(checkout, checkout.generation, session, state.attempt, FailureCode.Canceled, false, state.attempt.paymentId, { kind: 'abandoned' });
}

/** A new attempt ends the polling of any earlier one on this cashier. */
function startRun(checkout: CheckoutController, generation: number, session: Session, ref: AttemptRef): AttemptRun {
  checkout.run?.stop.abort();
  const deps: AttemptDeps = {
    base: checkout.base,
    serverNow: () => checkout.serverNow(),
    pollDelays: () => checkout.deps.pollDelays?.(),
    waits: checkout.waits,
    resume: checkout.resume,
  };
  return (checkout.run = new AttemptRun(deps, session, ref, report(checkout, generation, session, ref)));
}

/** Turns what an attempt finds into state (of its own generation only) and events. */
function report(checkout: CheckoutController, generation: number, session: Session, ref: AttemptRef): AttemptReport {
  return {
    pending: (response, giveUp) => {
      checkout.apply({ type: 'pending', paymentId: response.id }, generation);
      emit(checkout.host, 'shouyin-pending', {
        ...attemptDetail(session, ref),
        paymentId: response.id,
        action: response.action?.type ?? null,
      });
      checkout.actions.start(response.action, ref.channel, giveUp);
    },
    succeeded: (paymentId, earlier) => succeed(checkout, generation, session, { ...ref, paymentId }, earlier),
    failed: (code, retryable, paymentId, trigger, unknown) => finish(checkout, generation, session, ref, code, retryable, paymentId, trigger, unknown),
  };
}

function succeed(checkout: CheckoutController, generation: number, session: Session, ref: AttemptRef & { paymentId: string }, earlier: boolean): void {
  // An order paid earlier, by another attempt, says nothing about which channel this payer uses.
  if (!earlier) rememberLastUsed(session.order.merchant.id, ref.channel);
  checkout.resume.clear(session.order.id);
  const current = generation === checkout.generation;
  // An abandoned attempt found paid and the newer attempt answered "already paid" both say so: the host hears it once.
  if (current && checkout.state.phase === Phase.Succeeded) return;
  if (current) checkout.fallbacks.reset();
  checkout.apply({ type: 'succeeded', paymentId: ref.paymentId, attempt: ref, earlier }, generation);
  emit(checkout.host, 'shouyin-success', { ...attemptDetail(session, ref), paymentId: ref.paymentId, alreadyPaid: earlier });
}

function finish(
  checkout: CheckoutController,
  generation: number,
  session: Session,
  ref: AttemptRef,
  code: FailureCode,
  retryable: boolean,
  paymentId: string | null,
  trigger: FallbackTrigger | null,
  unknown?: boolean,
): void {
  // A newer attempt's record (kept meanwhile) stays, and so does this one's while its outcome is unknown.
  const stored = checkout.resume.load(session.order.id);
  if (!unknown && (!stored || stored.attempt === ref.attempt)) checkout.resume.clear(session.order.id);
  const current = generation === checkout.generation;
  if (current) {
    checkout.lastAttempt = ref.attempt;
    checkout.fallbacks.notice = undefined;
  }
  checkout.apply({ type: 'failed', code, retryable }, generation);
  emit(checkout.host, 'shouyin-failure', {
    ...attemptDetail(session, ref),
    paymentId,
    code,
    retryable,
    message: checkout.deps.messages().failures[code],
  });
  if (current && trigger && checkout.state.phase === Phase.Ready) checkout.fallbacks.afterFailure(session, ref.channel, trigger);
}
