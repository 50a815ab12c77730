/** The reference backend, reached over real HTTP on the test server's own origin. */
import type { Session } from '../../src/protocol/schemas.js';

export interface LedgerAttempt {
  id: string;
  attempt: string;
  previousAttempt: string | null;
  channel: string;
  status: string;
  failure: string | null;
  idempotencyKey: string;
  /** The intent as the backend received it. */
  requestBody: string;
  instrument: { type: string; cardId?: string; brand?: string; last4?: string };
}

export interface Ledger {
  orderId: string;
  paid: boolean;
  attempts: LedgerAttempt[];
  /** Every signed request for the order's attempts, with the key it carried. */
  tries: { attempt: string; idempotencyKey: string | null; at: string }[];
}

export async function newSession(query = ''): Promise<Session> {
  const response = await fetch(`/api/session?${query}`);
  if (!response.ok) throw new Error(`GET /api/session?${query}: HTTP ${response.status}`);
  return (await response.json()) as Session;
}

export async function ledger(orderId: string): Promise<Ledger> {
  const response = await fetch(`/api/orders/${encodeURIComponent(orderId)}`);
  if (!response.ok) throw new Error(`GET /api/orders/${orderId}: HTTP ${response.status}`);
  return (await response.json()) as Ledger;
}
