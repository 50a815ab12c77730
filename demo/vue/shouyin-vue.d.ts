/**
 * `<shouyin-checkout>` for Vue's template type checking (vue-tsc, Volar): its properties, its
 * `session-url` attribute and its events, each `@shouyin-…` handler given its typed event.
 * Copy this file into a Vue project (any `.d.ts` its tsconfig includes); it is how Vue's guide
 * types custom elements (`GlobalComponents`).
 */
import type { HTMLAttributes } from 'vue';
import type { ShouyinCheckout, ShouyinEvent, ShouyinEventName } from 'shouyin';

/** `shouyin-card-remove` → `ShouyinCardRemove`: the prop name Vue compiles `@shouyin-card-remove` to, less `on`. */
type Pascal<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Capitalize<Head>}${Pascal<Tail>}` : Capitalize<S>;

export type ShouyinCheckoutVueEvents = { [K in ShouyinEventName as `on${Pascal<K>}`]?: (event: ShouyinEvent<K>) => void };

export type ShouyinCheckoutVueProps = HTMLAttributes &
  Partial<Pick<ShouyinCheckout, 'session' | 'sessionUrl' | 'locale' | 'env' | 'strings' | 'navigate' | 'beforeCardRemove' | 'guideUrl'>> & {
    'session-url'?: string;
    'guide-url'?: string;
  } & ShouyinCheckoutVueEvents;

declare module 'vue' {
  interface GlobalComponents {
    'shouyin-checkout': new () => ShouyinCheckout & {
      /** For template type checking only: the element has no `$props`. */
      $props: ShouyinCheckoutVueProps;
    };
  }
}
