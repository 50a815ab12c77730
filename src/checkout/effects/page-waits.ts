import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { watchPage } from './page-events.js';

/**
 * What a payment waits for on the page: the network to come back before it is sent, and the
 * next status check of a pending attempt, which the payer's return to the page (the wallet app
 * closed), the network coming back or "I have paid" bring forward.
 */
export class PageWaits implements ReactiveController {
  /** Whether the browser believes it has a network; the payer is told when it has none. */
  online = true;
  /** Ends the wait before the next status check. */
  private wakeUp: (() => void) | undefined;
  /** Payments waiting for the browser to come back online. */
  private readonly waitingForNetwork: Array<() => void> = [];
  private unwatch: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unwatch = watchPage(this);
    this.online = navigator.onLine;
  }

  hostDisconnected(): void {
    this.unwatch?.();
  }

  /** The payer is back from the wallet app: that is when a payment has most likely finished. */
  visibility(): void {
    if (document.visibilityState === 'visible') this.wake();
  }

  /** The browser went online or offline; preview mode says which (its `offline` screen). */
  connectivity(online = navigator.onLine): void {
    this.online = online;
    this.host.requestUpdate();
    if (this.online) {
      for (const resolve of this.waitingForNetwork.splice(0)) resolve();
      this.wake();
    }
  }

  /** Resolves when the browser is online: a payment waits for the network instead of failing blindly. */
  networkReady(): Promise<void> {
    if (navigator.onLine) return Promise.resolve();
    return new Promise((resolve) => this.waitingForNetwork.push(resolve));
  }

  /** Waits `ms`, or less when `wake()` comes first or `signal` aborts. */
  pause(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done);
      this.wakeUp = done;
    });
  }

  /** Ends the current pause at once: the status is checked now instead of at the next scheduled check. */
  wake(): void {
    this.wakeUp?.();
  }
}
