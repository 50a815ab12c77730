import { MaintenanceClock } from '../channels/maintenance-clock.js';
import type { Session } from '../protocol/schemas.js';

/** `setTimeout` fires at once for longer delays; a far expiry is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SessionClockEvents {
  /** The order's time ran out. */
  expire(): void;
  /** A maintenance window of one of the session's channels opened or closed. */
  boundary(): void;
}

/**
 * The session's clocks: its expiry, and its channels' maintenance windows. `now` is the
 * server-corrected clock; the timers run on the client's, which only measures intervals.
 */
export class SessionTimers {
  private expiry: ReturnType<typeof setTimeout> | undefined;
  private readonly maintenance = new MaintenanceClock();

  /** (Re)arms both clocks; the expiry only when `expiry` is set (a cashier off the page waits for none). */
  start(session: Session, now: () => number, on: SessionClockEvents, expiry: boolean): void {
    clearTimeout(this.expiry);
    if (expiry) this.scheduleExpiry(Date.parse(session.expiresAt), now, on);
    this.maintenance.watch(session.channels, now, () => on.boundary());
  }

  stop(): void {
    clearTimeout(this.expiry);
    this.maintenance.stop();
  }

  private scheduleExpiry(at: number, now: () => number, on: SessionClockEvents): void {
    const left = at - now();
    this.expiry = setTimeout(
      () => (left > MAX_TIMER_MS ? this.scheduleExpiry(at, now, on) : on.expire()),
      Math.min(Math.max(left, 0), MAX_TIMER_MS),
    );
  }
}
