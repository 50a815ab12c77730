/**
 * Exact origins on both sides of the card frame. Pure: no DOM.
 */

/** The origin of an `http:`/`https:` URL (resolved against `base`), or `undefined` for anything else. */
export function httpOrigin(url: string, base?: string): string | undefined {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The parents a frame page accepts, from its `shouyin-parent-origins` meta content (origins
 * separated by white space). Anything that is not exactly an origin is dropped, so a typo
 * narrows the list instead of widening it; `*` is never an origin.
 */
export function parentOrigins(content: string): readonly string[] {
  return content.split(/\s+/).filter((entry) => entry !== '' && !entry.includes('*') && httpOrigin(entry) === entry);
}

/** Whether a message's `event.origin` is one of `allowed`: exact string equality, nothing looser. */
export function isAllowedOrigin(origin: string, allowed: readonly string[]): boolean {
  return allowed.includes(origin);
}
