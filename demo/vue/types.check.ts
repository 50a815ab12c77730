/**
 * Compiled by `npm run typecheck`: shouyin-vue.d.ts gives `@shouyin-…` handlers their typed
 * events, as vue-tsc reads them from a template.
 */
import type { GlobalComponents } from 'vue';

type Props = InstanceType<GlobalComponents['shouyin-checkout']>['$props'];

export const handlers: Props = {
  'session-url': '/api/session',
  onShouyinSuccess: (event) => event.detail.paymentId.toUpperCase(),
  onShouyinCardRemove: (event) => event.detail.cardId,
  onShouyinSubmit: (event) => event.preventDefault(),
  // @ts-expect-error: a success's detail has no failure code.
  onShouyinFailure: (event: CustomEvent<{ paymentId: string }>) => event.detail.paymentId,
};

// @ts-expect-error: no such event.
export const unknown: Props = { onShouyinPaid: () => undefined };
