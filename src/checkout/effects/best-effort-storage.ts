/**
 * Runs `work` on the storage `storage()` gives, best effort: a page without one (a sandboxed
 * frame, a full quota, Safari's old private mode throwing on write) gets `undefined`, never a
 * throw. `storage` is asked on every access, so a host may swap it and a throwing getter is contained.
 */
export function bestEffort(storage: () => Storage | undefined) {
  return <T>(work: (s: Storage) => T): T | undefined => {
    try {
      const s = storage();
      return s ? work(s) : undefined;
    } catch {
      return undefined;
    }
  };
}
