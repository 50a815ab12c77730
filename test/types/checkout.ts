/**
 * A host's TypeScript against the built package (test/node/build/types.test.ts): the session
 * literal, the element's properties and its events type-check; each `@ts-expect-error` line is
 * a mistake the types must catch.
 */
import { EVENT_NAMES, type SessionInput, type ShouyinCheckout, type ShouyinEventName } from 'shouyin';

const session = {
  v: 1,
  id: 'ses_1',
  expiresAt: '2026-12-07T01:00:00Z',
  order: { id: 'ord_1', amount: 1999, currency: 'CNY', merchant: { id: 'm_1', name: 'Tea House' } },
  channels: [
    { id: 'wechat', kind: 'wechat', status: 'up', limits: { perTransaction: 500_000 }, settlement: { kind: 'realtime' } },
    { id: 'card', kind: 'card', status: 'degraded', limits: {}, settlement: { kind: 'T+1' }, isNew: true, fee: { rate: 0.006 } },
  ],
  fallback: { mode: 'auto' },
  signing: { alg: 'HS256', kid: 'k1', key: 'A'.repeat(43) },
  endpoints: { intents: '/api/intents', status: '/api/intents/status' },
} satisfies SessionInput;

const checkout: ShouyinCheckout = document.createElement('shouyin-checkout');
checkout.session = session;
checkout.locale = 'zh-TW';
checkout.env = 'wechat';
checkout.session = undefined;
checkout.locale = null;

// @ts-expect-error: a session is an object with the contract's members
checkout.session = 42;
// @ts-expect-error: no French catalog
checkout.locale = 'fr';
// @ts-expect-error: not an environment the cashier knows
checkout.env = 'ios';
// @ts-expect-error: the contract's version is the literal 1
checkout.session = { ...session, v: 2 };
// @ts-expect-error: amounts are numbers in minor units
checkout.session = { ...session, order: { ...session.order, amount: '19.99' } };

checkout.addEventListener('shouyin-success', (event) => {
  const paymentId: string = event.detail.paymentId;
  const amount: number = event.detail.amount;
  const again: boolean = event.detail.alreadyPaid;
  // @ts-expect-error: no detail carries card data
  console.log(paymentId, amount, again, event.detail.cardNumber);
});
checkout.addEventListener('shouyin-failure', (event) => {
  const retryable: boolean = event.detail.retryable;
  console.log(retryable, event.detail.code);
});
const names: readonly ShouyinEventName[] = EVENT_NAMES;
console.log(names);
