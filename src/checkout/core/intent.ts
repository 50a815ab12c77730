import type { Environment, Instrument, Intent, Session } from '../../protocol/schemas.js';

export interface IntentInput {
  session: Session;
  channel: string;
  instrument: Instrument;
  attempt: string;
  previousAttempt?: string;
  env: Environment;
  locale: string;
  nonce: string;
  /** Milliseconds since the epoch (server-corrected). */
  now: number;
}

/** The intent for one attempt. The amount and currency come from the session, never from input. */
export function buildIntent({ session, channel, instrument, attempt, previousAttempt, env, locale, nonce, now }: IntentInput): Intent {
  return {
    v: 1,
    sessionId: session.id,
    orderId: session.order.id,
    amount: session.order.amount,
    currency: session.order.currency,
    channel,
    instrument,
    attempt,
    ...(previousAttempt ? { previousAttempt } : {}),
    env,
    locale,
    nonce,
    createdAt: new Date(now).toISOString(),
  };
}

/** Offset to add to the client clock to get the backend's, from the session's `serverTime`. */
export function clockOffset(session: Session, clientNow: number): number {
  return session.serverTime ? Date.parse(session.serverTime) - clientNow : 0;
}
