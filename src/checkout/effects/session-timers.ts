import { nextMaintenanceBoundary } from '../../channels/availability.js';
import type { Channel, Session } from '../../protocol/schemas.js';

/** `setTimeout` fires at once for longer delays; a far expiry is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A boundary fires a little after its time, so the window's own comparison agrees that it has passed. */
const SLACK_MS = 50;

export interface SessionClockEvents {
  /** The order's time ran out. */
  expire(): void;
  /** A maintenance window of one of the session's channels opened or closed. */
  boundary(): void;
}

/**
 * The session's clocks: its expiry, and its channels' maintenance windows (so a channel
 * becomes payable at 00:30 without a reload). `now` is the server-corrected clock; the timers
 * run on the client's, which only measures intervals.
 */
export class SessionTimers {
  private expiry: ReturnType<typeof setTimeout> | undefined;
  private boundary: ReturnType<typeof setTimeout> | undefined;

  /** (Re)arms both clocks; the expiry only when `expiry` is set (a cashier off the page waits for none). */
  start(session: Session, now: () => number, on: SessionClockEvents, expiry: boolean): void {
    this.stop();
    if (expiry) this.scheduleExpiry(Date.parse(session.expiresAt), now, on);
    this.watchBoundaries(session.channels, now, on);
  }

  stop(): void {
    clearTimeout(this.expiry);
    clearTimeout(this.boundary);
  }

  private scheduleExpiry(at: number, now: () => number, on: SessionClockEvents): void {
    const left = at - now();
    this.expiry = setTimeout(
      () => (left > MAX_TIMER_MS ? this.scheduleExpiry(at, now, on) : on.expire()),
      Math.min(Math.max(left, 0), MAX_TIMER_MS),
    );
  }

  /** One timer, for the next window boundary of any channel; re-armed after each. */
  private watchBoundaries(channels: readonly Channel[], now: () => number, on: SessionClockEvents): void {
    const at = nextMaintenanceBoundary(channels, now());
    if (at === undefined) return;
    this.boundary = setTimeout(
      () => {
        if (now() >= at) on.boundary();
        this.watchBoundaries(channels, now, on);
      },
      Math.min(at - now() + SLACK_MS, MAX_TIMER_MS),
    );
  }
}
