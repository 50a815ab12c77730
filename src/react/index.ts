/**
 * `shouyin/react`: `<ShouyinCheckout>` for React 18 and 19, made with @lit/react. The element's
 * properties are props (`session`, `sessionUrl`, `locale`, `env`, `strings`, `navigate` …), and
 * each event is an `on…` prop whose event is typed: `onSuccess={(e) => e.detail.paymentId}`.
 * Importing it registers the elements, as `import 'shouyin'` does (in a browser only: server
 * rendering registers nothing and renders the bare tag).
 *
 * `onReady` is never missed, whenever React attaches it: the element keeps the detail of its last
 * `shouyin-ready` (`readyDetail`), and a handler that arrives after the event is called once
 * with a copy of it. Each loaded session is told once.
 *
 * For the tag itself in JSX (`<shouyin-checkout session-url="…">`), importing this module also
 * declares it in React's `JSX.IntrinsicElements`, with React 19's `onshouyin-…` event props.
 */
import { createComponent, type EventName, type WebComponentProps } from '@lit/react';
import * as React from 'react';
import { ShouyinCheckout as ShouyinCheckoutElement } from '../index.js';
import type { ShouyinEvent, ShouyinEventDetails, ShouyinEventName } from '../events/events.js';

const on = <K extends ShouyinEventName>(name: K) => name as EventName<ShouyinEvent<K>>;

/** Every event but `shouyin-ready`, which `ShouyinCheckout` below delivers itself. */
const EVENTS = {
  onChannelChange: on('shouyin-channel-change'),
  onSubmit: on('shouyin-submit'),
  onPending: on('shouyin-pending'),
  onSuccess: on('shouyin-success'),
  onFailure: on('shouyin-failure'),
  onFallback: on('shouyin-fallback'),
  onExpire: on('shouyin-expire'),
  onCardRemove: on('shouyin-card-remove'),
  onHint: on('shouyin-hint'),
  onError: on('shouyin-error'),
  onGuide: on('shouyin-guide'),
};

const Wrapped = createComponent({
  react: React,
  tagName: 'shouyin-checkout',
  elementClass: ShouyinCheckoutElement,
  events: EVENTS,
  displayName: 'ShouyinCheckoutElement',
});

type ReadyEvent = ShouyinEvent<'shouyin-ready'>;

/** The component's props: the element's, less its read-only getters, and `onReady`. */
export type ShouyinCheckoutProps = Omit<React.ComponentPropsWithoutRef<typeof Wrapped>, 'readyDetail' | 'resolvedLocale'> & {
  /** The session loaded and the cashier can take a payment; called once per session, even when attached after the event. */
  onReady?: (event: ReadyEvent) => void;
};

/** `<shouyin-checkout>` as a React component; its ref is the element. */
export const ShouyinCheckout = React.forwardRef<ShouyinCheckoutElement, ShouyinCheckoutProps>(function ShouyinCheckout(
  { onReady, ...props },
  ref,
) {
  const element = React.useRef<ShouyinCheckoutElement | null>(null);
  /** The ready detail the handler was last given: each session's once. */
  const told = React.useRef<ShouyinEventDetails['shouyin-ready'] | null>(null);
  React.useImperativeHandle(ref, () => element.current!, []);
  React.useLayoutEffect(() => {
    const el = element.current;
    if (!el || !onReady) return;
    const tell = (event: ReadyEvent) => {
      if (event.detail === told.current) return;
      told.current = event.detail;
      onReady(event);
    };
    el.addEventListener('shouyin-ready', tell);
    // Ready before this handler was attached (it came with a later render, or after an await).
    if (el.readyDetail) tell(new CustomEvent('shouyin-ready', { detail: el.readyDetail }));
    return () => el.removeEventListener('shouyin-ready', tell);
  }, [onReady]);
  return React.createElement(Wrapped, { ...props, ref: element });
});

/** React 19 hands custom elements' `on<event>` props to addEventListener: `onshouyin-success`. */
type TagEventProps = { [K in ShouyinEventName as `on${K}`]?: (event: ShouyinEvent<K>) => void };

/** The tag's props in JSX: its properties, its attributes by their HTML names, its events. */
export type ShouyinCheckoutTagProps = WebComponentProps<ShouyinCheckoutElement> &
  TagEventProps & { 'session-url'?: string };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'shouyin-checkout': ShouyinCheckoutTagProps;
    }
  }
}
