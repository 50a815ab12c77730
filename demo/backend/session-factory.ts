import { randomToken } from '../../src/protocol/base64url.js';
import type { Channel, Session } from '../../src/protocol/schemas.js';

/** Per-channel defaults modelled on real limits: e-CNY wallets are tiered, cards go up to ¥50,000. */
const CHANNELS: readonly Channel[] = [
  {
    id: 'wechat',
    kind: 'wechat',
    status: 'up',
    limits: { perTransaction: 500_000, perDay: 2_000_000, usedToday: 200_000 },
    settlement: { kind: 'realtime' },
    fallbacks: ['alipay', 'unionpay'],
  },
  {
    id: 'alipay',
    kind: 'alipay',
    status: 'up',
    limits: { perTransaction: 2_000_000, perDay: 5_000_000, usedToday: 0 },
    settlement: { kind: 'realtime' },
    fallbacks: ['wechat', 'unionpay'],
  },
  {
    id: 'unionpay',
    kind: 'unionpay',
    status: 'up',
    limits: { perTransaction: 5_000_000, perDay: 5_000_000, usedToday: 0 },
    settlement: { kind: 'T+0' },
    promo: '云闪付新用户随机立减',
    fallbacks: ['card'],
  },
  {
    id: 'ecny',
    kind: 'ecny',
    status: 'up',
    limits: { perTransaction: 200_000, perDay: 500_000, usedToday: 0 },
    settlement: { kind: 'realtime' },
    isNew: true,
  },
  {
    id: 'card',
    kind: 'card',
    status: 'up',
    limits: { perTransaction: 5_000_000, perDay: 10_000_000, usedToday: 0, min: 100 },
    settlement: { kind: 'T+1' },
    fee: { rate: 0.006 },
  },
];

export interface SessionRequest {
  amount: number;
  currency: string;
  scenario: string;
  description?: string;
}

export interface IssuedSession {
  session: Session;
  /** The key the backend verifies with; a scenario may hand the cashier a different one. */
  verifyKey: string;
}

const SESSION_TTL_MS = 15 * 60 * 1000;

/**
 * A fresh session for one new order, as a host's backend would issue it. `encryption` is the
 * public half of the backend's card key; without it the session cannot take new cards.
 */
export function issueSession(request: SessionRequest, now: number, encryption?: Session['encryption']): IssuedSession {
  const verifyKey = randomToken(32);
  const expired = request.scenario === 'expired';
  const session: Session = {
    v: 1,
    id: `cs_${randomToken(12)}`,
    expiresAt: new Date(now + (expired ? -60_000 : SESSION_TTL_MS)).toISOString(),
    serverTime: new Date(now).toISOString(),
    order: {
      id: `ord_${randomToken(12)}`,
      amount: request.amount,
      currency: request.currency,
      description: request.description ?? '年度会员 · 12 个月',
      merchant: { id: 'm_demo', name: '收银示例商城' },
    },
    channels: CHANNELS.map((channel) => structuredClone(channel)),
    savedCards: [],
    fallback: { mode: 'prompt' },
    signing: {
      alg: 'HS256',
      kid: `k_${randomToken(9)}`,
      // `bad-key`: the cashier signs with a key the backend does not hold, so it answers 401.
      key: request.scenario === 'bad-key' ? randomToken(32) : verifyKey,
    },
    ...(encryption ? { encryption: structuredClone(encryption) } : {}),
    endpoints: { intents: '/api/intents', status: '/api/intents/{id}', cards: '/api/cards' },
  };
  return { session, verifyKey };
}
