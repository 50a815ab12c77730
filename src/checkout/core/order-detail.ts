import type { OrderDetail } from '../../events/events.js';
import type { Session } from '../../protocol/schemas.js';
import type { AttemptRef } from './flow.js';

/** Which order an event is about: every checkout event's detail starts with it. */
export function orderDetail(session: Session): OrderDetail {
  return { sessionId: session.id, orderId: session.order.id, amount: session.order.amount, currency: session.order.currency };
}

/** Which attempt of which order: the details of submit, pending, success and failure start with it. */
export function attemptDetail(session: Session, ref: AttemptRef): OrderDetail & { channel: string; attempt: string } {
  return { ...orderDetail(session), channel: ref.channel, attempt: ref.attempt };
}
