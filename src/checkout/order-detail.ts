import type { OrderDetail } from '../events/events.js';
import type { Session } from '../protocol/schemas.js';

/** Which order an event is about: every checkout event's detail starts with it. */
export function orderDetail(session: Session): OrderDetail {
  return { sessionId: session.id, orderId: session.order.id, amount: session.order.amount, currency: session.order.currency };
}
