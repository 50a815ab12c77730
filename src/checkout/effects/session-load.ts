/**
 * Loading a session, in the shape of @lit/task: each load is a call with its own id and its
 * own abort. A new call, or `cancel()`, aborts the one under way, and only the latest call is
 * current: what an older one brings back counts for nothing. An inline session is read at once,
 * in the same call shape, so it is on screen in the update that set it.
 */
export interface SessionCall {
  readonly signal: AbortSignal;
  /** Whether no newer call (or `cancel()`) came since this one started. */
  current(): boolean;
}

export class SessionLoad {
  private call = 0;
  private abort: AbortController | undefined;

  /** Aborts the call under way; what it brings back counts for nothing. */
  cancel(): void {
    this.call++;
    this.abort?.abort();
  }

  /** Starts the latest call (aborting the last). */
  start(): SessionCall {
    this.cancel();
    const { call } = this;
    const abort = (this.abort = new AbortController());
    return { signal: abort.signal, current: () => call === this.call };
  }
}
