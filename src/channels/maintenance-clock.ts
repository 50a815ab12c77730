import type { Channel } from '../protocol/schemas.js';
import { nextMaintenanceBoundary } from './availability.js';

const MAX_TIMER_MS = 2 ** 31 - 1;
/** Fires a little after the boundary, so the window's own comparison agrees that it has passed. */
const SLACK_MS = 50;

/**
 * Wakes the cashier when a maintenance window opens or closes, so a channel becomes payable
 * at 00:30 without a reload. `now` is the server-corrected clock; the timer runs on the
 * client's, which only measures the interval.
 */
export class MaintenanceClock {
  private timer: ReturnType<typeof setTimeout> | undefined;

  watch(channels: readonly Channel[], now: () => number, onBoundary: () => void): void {
    this.stop();
    const at = nextMaintenanceBoundary(channels, now());
    if (at === undefined) return;
    const delay = Math.min(at - now() + SLACK_MS, MAX_TIMER_MS);
    this.timer = setTimeout(() => {
      if (now() >= at) onBoundary();
      this.watch(channels, now, onBoundary);
    }, delay);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
