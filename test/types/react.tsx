/**
 * A React host's TSX against `shouyin/react` (test/node/build/types.test.ts): typed props and
 * event props on the component, and the bare tag declared in JSX.
 */
import { useRef } from 'react';
import type { ShouyinCheckout as ShouyinCheckoutElement } from 'shouyin';
import { ShouyinCheckout } from 'shouyin/react';

export function Checkout({ onPaid }: { onPaid: (paymentId: string) => void }) {
  const ref = useRef<ShouyinCheckoutElement>(null);
  return (
    <>
      <ShouyinCheckout
        ref={ref}
        sessionUrl="/api/session"
        locale="en"
        onReady={(event) => console.log(event.detail.orderId, event.detail.channels.length)}
        onSuccess={(event) => onPaid(event.detail.paymentId)}
        onFailure={(event) => console.log(event.detail.code, event.detail.retryable)}
        // @ts-expect-error: event props are typed, not any
        onError={(event) => onPaid(event.detail.paymentId)}
      />
      {/* @ts-expect-error: no French catalog */}
      <ShouyinCheckout locale="fr" />
      {/* @ts-expect-error: read-only, the element says it */}
      <ShouyinCheckout readyDetail={null} />
      <shouyin-checkout session-url="/api/session" env="wechat" onshouyin-success={(event) => onPaid(event.detail.paymentId)} />
      {/* @ts-expect-error: not an environment the cashier knows */}
      <shouyin-checkout env="ios" />
    </>
  );
}
