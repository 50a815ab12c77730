import { randomToken } from '../../src/protocol/base64url.js';
import type { Channel, Session } from '../../src/protocol/schemas.js';
import { faultsFor, parseScenario, type ScenarioSpec } from './scenario-spec.js';

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

/** The channels every demo session offers, in order. */
export const CHANNEL_IDS: readonly string[] = CHANNELS.map((channel) => channel.id);

export interface SessionRequest {
  amount: number;
  currency: string;
  /** The injected faults, parsed (`parseScenario`), or their `?scenario=` text. */
  scenario: ScenarioSpec | string;
  description?: string;
  /** The host's fallback policy for this order; default `prompt`. */
  fallbackMode?: Session['fallback']['mode'];
}

export interface IssuedSession {
  session: Session;
  /** The key the backend verifies with; a scenario may hand the cashier a different one. */
  verifyKey: string;
  spec: ScenarioSpec;
}

const SESSION_TTL_MS = 15 * 60 * 1000;

/**
 * A fresh session for one new order, as a host's backend would issue it. `encryption` is the
 * public half of the backend's card key; without it the session cannot take new cards.
 */
export function issueSession(request: SessionRequest, now: number, encryption?: Session['encryption']): IssuedSession {
  const spec = typeof request.scenario === 'string' ? specOf(request.scenario) : request.scenario;
  const verifyKey = randomToken(32);
  const expired = spec.expired;
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
    // `down` shows in the session as the host's backend would report it; other faults do not.
    channels: CHANNELS.map((channel) => ({
      ...structuredClone(channel),
      status: faultsFor(spec, channel.id).outcome?.fault === 'down' ? 'down' : channel.status,
    })),
    savedCards: [],
    fallback: { mode: request.fallbackMode ?? 'prompt' },
    signing: {
      alg: 'HS256',
      kid: `k_${randomToken(9)}`,
      // `bad-key`: the cashier signs with a key the backend does not hold, so it answers 401.
      key: spec.badKey ? randomToken(32) : verifyKey,
    },
    ...(encryption ? { encryption: structuredClone(encryption) } : {}),
    endpoints: { intents: '/api/intents', status: '/api/intents/{id}', cards: '/api/cards' },
  };
  return { session, verifyKey, spec };
}

function specOf(text: string): ScenarioSpec {
  const parsed = parseScenario(text, CHANNEL_IDS);
  if (!parsed.ok) throw new Error(`${parsed.code}: ${parsed.item}`);
  return parsed.spec;
}
