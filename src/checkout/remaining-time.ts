/**
 * The order countdown as numbers: what is left, how it reads on the clock, and when a screen
 * reader is told. Pure; the element passes in the (server-corrected) time.
 */

/** Seconds left at which the time is announced; between them the announcement stays the same. */
export const ANNOUNCE_AT_SECONDS = [60, 30, 10] as const;
export type AnnounceStage = (typeof ANNOUNCE_AT_SECONDS)[number] | 0;

/** Milliseconds left, never below zero. */
export function remainingMs(expiresAt: number, now: number): number {
  return Math.max(0, expiresAt - now);
}

/** `14:05`, `0:59`… as a clock reads, seconds rounded up so it shows `0:00` only at the end; hours when there are any. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * Which announcement applies: `undefined` before the last minute, then 60, 30, 10, and 0 at
 * the end. A live region bound to this changes a handful of times, not every second.
 */
export function announceStage(ms: number): AnnounceStage | undefined {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  if (seconds === 0) return 0;
  let stage: AnnounceStage | undefined;
  for (const at of ANNOUNCE_AT_SECONDS) if (seconds <= at) stage = at;
  return stage;
}

/** Milliseconds until the displayed second changes (at least 1, so a timer never spins). */
export function untilNextSecond(ms: number): number {
  return Math.max(1, ms % 1000 || 1000);
}
