/**
 * Where a backend remembers the card JWEs it has accepted, so each is accepted once
 * (`decryptCard`'s `replay`). An id needs remembering only while its JWE could still pass the
 * age check; after that the JWE is refused as expired anyway, so the store may forget it, and
 * never holds more than the JWEs of the last few minutes.
 */

/**
 * Check and record in one step: `useOnce(id, expiresAtMs)` records `id` and answers true when
 * it is not recorded (or its record has expired), else answers false and changes nothing. Two
 * concurrent calls with one id must never both get true: a store shared by several backend
 * instances (Redis `SET key 1 NX PXAT expiresAtMs`) makes that one atomic command.
 */
export interface JweIdStore {
  /** `expiresAtMs` is the last moment (milliseconds since the epoch) the JWE could still be accepted. */
  useOnce(id: string, expiresAtMs: number): Promise<boolean> | boolean;
}

/** How often the in-memory store sweeps out expired ids: once a second is plenty for its size. */
const SWEEP_MS = 1000;

/**
 * The in-memory `JweIdStore`: for one backend process (one event loop, so the check and the
 * record, with no await between, are one step). Ids are swept out once they expire, at most
 * once a second, so it holds about (JWEs accepted per second) × (the maximum age) ids.
 */
export class MemoryJweIdStore implements JweIdStore {
  private readonly ids = new Map<string, number>();
  private sweptAt = Number.NEGATIVE_INFINITY;

  /** `now`: milliseconds since the epoch, injected so tests can move time. */
  constructor(private readonly now: () => number = Date.now) {}

  useOnce(id: string, expiresAtMs: number): boolean {
    const now = this.now();
    if (now - this.sweptAt >= SWEEP_MS) this.sweep(now);
    const recorded = this.ids.get(id);
    if (recorded !== undefined && recorded >= now) return false;
    this.ids.set(id, expiresAtMs);
    return true;
  }

  /** How many ids it holds now, expired ones not yet swept included. */
  get size(): number {
    return this.ids.size;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    // Insertion order is not expiry order (each JWE has its own `iat`): look at every id.
    for (const [id, expiresAt] of this.ids) if (expiresAt < now) this.ids.delete(id);
  }
}
