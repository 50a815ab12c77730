/**
 * The assistant's rules: from the payer's path, as events with their times, which hint (if
 * any) to offer now. Pure: no DOM, no Lit, no clock; the time of each event is given, and the
 * answer says when to be asked again (`wakeAt`) for the hints that come from time passing.
 *
 * One hint at a time (a new one replaces the one shown), and never the same code twice in a
 * session: a payer who dismissed or ignored a hint is not told it again.
 */

export const HintCode = {
  Dwell: 'dwell',
  BackAndForth: 'back-and-forth',
  RepeatedError: 'repeated-error',
  Offline: 'offline',
  SlowNetwork: 'slow-network',
  DeclinedAgain: 'declined-again',
} as const;
export type HintCode = (typeof HintCode)[keyof typeof HintCode];

/** What a hint is about: the field (`number`, `cvv`, …), or `channel` for the payment method. */
export interface Hint {
  code: HintCode;
  topic?: string | undefined;
}

export type AssistantEvent =
  /** The payer's step: what is still missing (a card field, `channel` when none is chosen), or `null` when it is complete. */
  | { type: 'step'; at: number; missing: string | null }
  /** The payer typed or chose something: the clock of `dwell` starts again. */
  | { type: 'progress'; at: number }
  | { type: 'focus'; at: number; field: string }
  /** A field shows an error (it did not a moment ago). */
  | { type: 'error'; at: number; field: string }
  /** The payer picked another channel. */
  | { type: 'channel'; at: number; channel: string }
  | { type: 'offline'; at: number }
  | { type: 'online'; at: number }
  /** A payment request left, and its answer came (`settled`). */
  | { type: 'request'; at: number }
  | { type: 'settled'; at: number }
  /** The backend declined a payment with this instrument (a channel, or a card of it). */
  | { type: 'declined'; at: number; instrument: string }
  | { type: 'dismiss'; at: number }
  /** The payment succeeded, or the order can no longer be paid: no more hints. */
  | { type: 'done'; at: number }
  /** Time passed; asked at `wakeAt`. */
  | { type: 'tick'; at: number };

export interface AssistantOptions {
  /** How long an unfinished step may sit untouched before `dwell` (ms). */
  hintDelay: number;
  /** How long a payment request may take before `slow-network` (ms). */
  slowAfter: number;
}

export const DEFAULT_HINT_DELAY = 20_000;
export const SLOW_AFTER = 5_000;
/** Channel switches that make `back-and-forth`. */
const SWITCHES = 4;
/** Moves between the same two fields that make `back-and-forth` (A→B→A→B→A). */
const ALTERNATIONS = 4;

export interface AssistantState {
  /** The hint shown, if any. */
  readonly shown: Hint | null;
  /** Codes offered this session: never again. */
  readonly used: readonly HintCode[];
  readonly missing: string | null;
  /** Since when the unfinished step has not moved. */
  readonly idleSince: number;
  readonly switches: number;
  /** The last two fields focused, and how many times focus went back and forth between them. */
  readonly fields: readonly string[];
  readonly alternations: number;
  readonly errors: Readonly<Record<string, number>>;
  readonly declines: Readonly<Record<string, number>>;
  /** When the payment request on its way left, or `null`. */
  readonly requestSince: number | null;
  /** When the last answer came: a request heard after it but sent before it (a replayed path) is answered already. */
  readonly settledAt: number;
  readonly done: boolean;
}

export function initialAssistant(at: number): AssistantState {
  return {
    shown: null,
    used: [],
    missing: null,
    idleSince: at,
    switches: 0,
    fields: [],
    alternations: 0,
    errors: {},
    declines: {},
    requestSince: null,
    settledAt: -Infinity,
    done: false,
  };
}

export interface AssistantStep {
  state: AssistantState;
  /** A hint to offer now (also in `state.shown`), or `null`. */
  hint: Hint | null;
  /** When to send the next `tick`, or `null` when time alone will bring no hint. */
  wakeAt: number | null;
}

export function assist(state: AssistantState, event: AssistantEvent, options: AssistantOptions): AssistantStep {
  if (state.done) return { state, hint: null, wakeAt: null };
  const next = observe(state, event);
  const hint = next.done ? null : decide(next, event, options);
  const offered = hint && !next.used.includes(hint.code) ? hint : null;
  const settled: AssistantState = offered ? { ...next, shown: offered, used: [...next.used, offered.code] } : next;
  return { state: settled, hint: offered, wakeAt: settled.done ? null : wake(settled, options) };
}

/** What the event changes in what the assistant knows. */
function observe(s: AssistantState, e: AssistantEvent): AssistantState {
  switch (e.type) {
    case 'step':
      return e.missing === s.missing ? s : { ...s, missing: e.missing, idleSince: e.at };
    case 'progress':
      return { ...s, idleSince: e.at };
    case 'focus': {
      const [before, last] = s.fields.length === 2 ? s.fields : [undefined, s.fields[0]];
      if (e.field === last) return s;
      const fields = last === undefined ? [e.field] : [last, e.field];
      return { ...s, fields, alternations: e.field === before ? s.alternations + 1 : fields.length - 1 };
    }
    case 'error':
      return { ...s, errors: { ...s.errors, [e.field]: (s.errors[e.field] ?? 0) + 1 } };
    case 'channel':
      return { ...s, switches: s.switches + 1, idleSince: e.at, fields: [], alternations: 0 };
    case 'offline':
      return s;
    case 'online':
      return s.shown?.code === HintCode.Offline ? { ...s, shown: null } : s;
    case 'request':
      return e.at <= s.settledAt ? s : { ...s, requestSince: e.at };
    case 'settled':
      return { ...s, requestSince: null, settledAt: e.at, idleSince: e.at, shown: s.shown?.code === HintCode.SlowNetwork ? null : s.shown };
    case 'declined':
      return { ...s, declines: { ...s.declines, [e.instrument]: (s.declines[e.instrument] ?? 0) + 1 } };
    case 'dismiss':
      return { ...s, shown: null };
    case 'done':
      return { ...s, shown: null, done: true };
    case 'tick':
      return s;
  }
}

/** The hint the event calls for, offered or not before. */
function decide(s: AssistantState, e: AssistantEvent, o: AssistantOptions): Hint | null {
  switch (e.type) {
    case 'offline':
      return { code: HintCode.Offline };
    case 'error':
      return s.errors[e.field] === 2 ? { code: HintCode.RepeatedError, topic: e.field } : null;
    case 'declined':
      return s.declines[e.instrument] === 2 ? { code: HintCode.DeclinedAgain, topic: e.instrument } : null;
    case 'channel':
      return s.switches >= SWITCHES ? { code: HintCode.BackAndForth, topic: 'channel' } : null;
    case 'focus':
      return s.alternations >= ALTERNATIONS ? { code: HintCode.BackAndForth, topic: s.missing ?? e.field } : null;
    case 'tick':
      if (s.requestSince !== null && e.at - s.requestSince >= o.slowAfter) return { code: HintCode.SlowNetwork };
      if (s.missing !== null && s.requestSince === null && e.at - s.idleSince >= o.hintDelay) return { code: HintCode.Dwell, topic: s.missing };
      return null;
    default:
      return null;
  }
}

/** The next moment time alone could bring a hint not offered yet. */
function wake(s: AssistantState, o: AssistantOptions): number | null {
  const times: number[] = [];
  if (s.requestSince !== null && !s.used.includes(HintCode.SlowNetwork)) times.push(s.requestSince + o.slowAfter);
  if (s.missing !== null && s.requestSince === null && !s.used.includes(HintCode.Dwell)) times.push(s.idleSince + o.hintDelay);
  return times.length > 0 ? Math.min(...times) : null;
}
