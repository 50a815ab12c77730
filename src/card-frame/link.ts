/**
 * The cashier's link to its card frame, as one pure state machine: `<shouyin-card-frame>` feeds
 * it what happens (the element is connected or leaves the page, the iframe loaded, the frame
 * answered, the time ran out) and runs the effects it returns. No DOM, no timers here.
 *
 * - `connecting`: the iframe is loading; a load offers the frame the channel (one `init`, to its
 *   exact origin); the frame's `ready` opens the link. Not ready in time (nothing loaded, a 404
 *   page that never answers, a CSP `frame-ancestors` refusal): `failed`.
 * - `open`: the frame answers; seals have their own time limit (the element's).
 * - `failed`: for good, for this element: the card channel says it is unavailable, once.
 */
export const LinkPhase = { Connecting: 'connecting', Open: 'open', Failed: 'failed' } as const;
export type LinkPhase = (typeof LinkPhase)[keyof typeof LinkPhase];

export type LinkEvent =
  | { type: 'connected' }
  | { type: 'disconnected' }
  /** The iframe fired `load`; `reachable`: its URL has an http(s) origin and it has a window to post to. */
  | { type: 'loaded'; reachable: boolean }
  | { type: 'ready' }
  | { type: 'timeout' };

export type LinkEffect =
  /** Start (or restart) the time the frame has to answer `init`. */
  | { type: 'arm' }
  | { type: 'disarm' }
  /** Close any earlier port, open one channel and post `init` with its other port. */
  | { type: 'offer' }
  /** Close the port and answer every pending seal with nothing. */
  | { type: 'close' }
  /** Tell the payer and the host (`shouyin-error` `card_frame_unavailable`). */
  | { type: 'unavailable' };

export function reduceLink(phase: LinkPhase, event: LinkEvent): { phase: LinkPhase; effects: LinkEffect[] } {
  if (phase === LinkPhase.Failed) return { phase, effects: [] };
  switch (event.type) {
    case 'connected':
      // Moved or added again: the iframe loads anew, and so does the channel.
      return { phase: LinkPhase.Connecting, effects: [{ type: 'arm' }] };
    case 'disconnected':
      return { phase, effects: [{ type: 'disarm' }, { type: 'close' }] };
    case 'loaded':
      // An earlier load (the initial about:blank of some engines) got no answer: a new offer replaces it.
      return { phase, effects: phase === LinkPhase.Connecting && event.reachable ? [{ type: 'offer' }] : [] };
    case 'ready':
      return phase === LinkPhase.Connecting ? { phase: LinkPhase.Open, effects: [{ type: 'disarm' }] } : { phase, effects: [] };
    case 'timeout':
      return phase === LinkPhase.Connecting
        ? { phase: LinkPhase.Failed, effects: [{ type: 'close' }, { type: 'unavailable' }] }
        : { phase, effects: [] };
  }
}
