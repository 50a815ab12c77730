/**
 * The `?scenario=` language of the reference backend: a comma-separated list of faults, each
 * `fault` (every channel) or `channel:fault`, with an optional `@param`:
 *
 *     scenario=wechat:down,slow@800,seed@7,flaky@0.3
 *
 * Pure: no I/O, no clock, no randomness. `parseScenario` turns the text into a `ScenarioSpec`
 * or says which item it could not take; `faultsFor` resolves what applies to one channel.
 *
 * Rules:
 * - Names, channels and parameters are matched exactly (case-sensitive); items may have spaces
 *   around them, empty items are refused.
 * - A channel's own faults replace the all-channel ones of the same slot, one slot at a time
 *   (`declined,wechat:pending` declines everywhere but leaves WeChat pending).
 * - One target takes at most one outcome fault (`down`, `declined`, `insufficient`,
 *   `pending`, `pending-forever`, `limit`, `malformed-response`, `action`) and each transport fault
 *   (`slow`, `flaky`, `lost`, `429`) once: `declined,insufficient` is refused as a conflict
 *   rather than letting one silently win.
 * - Session faults (`default`, `expired`, `bad-key`, `seed`) take no channel.
 */

export const FaultName = {
  Default: 'default',
  Expired: 'expired',
  BadKey: 'bad-key',
  Seed: 'seed',
  MalformedResponse: 'malformed-response',
  Down: 'down',
  Declined: 'declined',
  Insufficient: 'insufficient',
  Pending: 'pending',
  PendingForever: 'pending-forever',
  Limit: 'limit',
  Slow: 'slow',
  Flaky: 'flaky',
  Lost: 'lost',
  RateLimited: '429',
  Action: 'action',
} as const;
export type FaultName = (typeof FaultName)[keyof typeof FaultName];

/** What the payment network makes of an attempt on a channel. */
export type OutcomeFault =
  | { fault: typeof FaultName.Pending; polls: number }
  | {
      fault:
        | typeof FaultName.Down
        | typeof FaultName.Declined
        | typeof FaultName.Insufficient
        | typeof FaultName.PendingForever
        | typeof FaultName.Limit
        | typeof FaultName.MalformedResponse
        | typeof FaultName.Action;
    };

/** The faults on one channel; an absent member is no fault. */
export interface ChannelFaults {
  outcome?: OutcomeFault;
  /** Every intent answer and status poll waits this long. */
  slowMs?: number;
  /** The probability that an intent request is turned away with 503, untouched. */
  flakyRate?: number;
  /** The answer to the first processed request of each idempotency key never arrives. */
  lost?: boolean;
  /** The first request of each idempotency key gets 429 with `Retry-After` in seconds. */
  retryAfterSeconds?: number;
}

export interface ScenarioSpec {
  /** The items as given, trimmed and joined by commas (`default` when none). */
  text: string;
  expired: boolean;
  badKey: boolean;
  /** Seeds a per-session PRNG (mulberry32) for `flaky`, so a run can be reproduced. */
  seed?: number;
  /** Faults on every channel. */
  all: ChannelFaults;
  /** Faults on single channels, by channel id; they replace `all` slot by slot. */
  channels: Readonly<Record<string, ChannelFaults>>;
}

export type ScenarioParse =
  | { ok: true; spec: ScenarioSpec }
  /** `scenario_unknown`: a fault, channel or parameter it does not know; `scenario_conflict`: two faults for one slot. */
  | { ok: false; code: 'scenario_unknown' | 'scenario_conflict'; item: string };

interface ParamRule {
  integer: boolean;
  min: number;
  max: number;
  /** Absent: the parameter is required. */
  fallback?: number;
}

const PARAMS: Partial<Record<FaultName, ParamRule>> = {
  [FaultName.Slow]: { integer: true, min: 0, max: 30_000, fallback: 3000 },
  [FaultName.Flaky]: { integer: false, min: 0, max: 1, fallback: 0.5 },
  [FaultName.Pending]: { integer: true, min: 0, max: 100, fallback: 2 },
  [FaultName.RateLimited]: { integer: true, min: 0, max: 60, fallback: 1 },
  [FaultName.Seed]: { integer: true, min: 0, max: 0xffff_ffff },
};

const SESSION_FAULTS: ReadonlySet<FaultName> = new Set([FaultName.Default, FaultName.Expired, FaultName.BadKey, FaultName.Seed]);
const NAMES: ReadonlySet<string> = new Set(Object.values(FaultName));
const INTEGER = /^\d{1,10}$/;
const DECIMAL = /^(?:\d{1,3}(?:\.\d{1,6})?|\.\d{1,6})$/;
const ITEM = /^(?:([^:@]+):)?([^:@]+)(?:@([^:@]*))?$/;
const MAX_TEXT = 500;
const MAX_ITEMS = 20;

export const EMPTY_SCENARIO: ScenarioSpec = Object.freeze({
  text: FaultName.Default,
  expired: false,
  badKey: false,
  all: Object.freeze({}),
  channels: Object.freeze({}),
});

/** Parses `?scenario=` against the channels a session carries. */
export function parseScenario(text: string, channels: readonly string[]): ScenarioParse {
  if (text.length > MAX_TEXT) return { ok: false, code: 'scenario_unknown', item: `${text.slice(0, 40)}…` };
  const items = text.split(',').map((item) => item.trim());
  if (items.length > MAX_ITEMS) return { ok: false, code: 'scenario_unknown', item: text };
  const spec: { -readonly [K in keyof ScenarioSpec]: ScenarioSpec[K] } = { text: '', expired: false, badKey: false, all: {}, channels: {} };
  const channelFaults: Record<string, ChannelFaults> = {};
  for (const item of items) {
    const match = ITEM.exec(item);
    if (!match) return { ok: false, code: 'scenario_unknown', item };
    const [, channel, name, rawParam] = match as unknown as [string, string | undefined, string, string | undefined];
    if (!NAMES.has(name)) return { ok: false, code: 'scenario_unknown', item };
    const fault = name as FaultName;
    if (channel !== undefined && (SESSION_FAULTS.has(fault) || !channels.includes(channel))) {
      return { ok: false, code: 'scenario_unknown', item };
    }
    const param = readParam(fault, rawParam);
    if (param === null) return { ok: false, code: 'scenario_unknown', item };
    const target = channel === undefined ? spec.all : (channelFaults[channel] ??= {});
    if (!apply(spec, target, fault, param)) return { ok: false, code: 'scenario_conflict', item };
  }
  spec.text = items.join(',');
  spec.channels = channelFaults;
  return { ok: true, spec };
}

/** The faults on one channel: its own, else the all-channel ones, slot by slot. */
export function faultsFor(spec: ScenarioSpec, channel: string): ChannelFaults {
  const own = Object.hasOwn(spec.channels, channel) ? spec.channels[channel] : undefined;
  return own ? { ...spec.all, ...own } : spec.all;
}

/** The parameter's value; `undefined` for a fault that takes none; `null` when it is not acceptable. */
function readParam(fault: FaultName, raw: string | undefined): number | undefined | null {
  const rule = PARAMS[fault];
  if (!rule) return raw === undefined ? undefined : null;
  if (raw === undefined) return rule.fallback ?? null;
  if (!(rule.integer ? INTEGER : DECIMAL).test(raw)) return null;
  const value = Number(raw);
  return value >= rule.min && value <= rule.max ? value : null;
}

/** Puts one fault in its slot; false when the slot is taken. */
function apply(
  spec: { expired: boolean; badKey: boolean; seed?: number },
  target: ChannelFaults,
  fault: FaultName,
  param: number | undefined,
): boolean {
  const once = <K extends keyof ChannelFaults>(key: K, value: ChannelFaults[K]): boolean => {
    if (target[key] !== undefined) return false;
    target[key] = value;
    return true;
  };
  switch (fault) {
    case FaultName.Default:
      return true;
    case FaultName.Expired:
      if (spec.expired) return false;
      spec.expired = true;
      return true;
    case FaultName.BadKey:
      if (spec.badKey) return false;
      spec.badKey = true;
      return true;
    case FaultName.Seed:
      if (spec.seed !== undefined) return false;
      spec.seed = param!;
      return true;
    case FaultName.Pending:
      return once('outcome', { fault, polls: param! });
    case FaultName.Down:
    case FaultName.Declined:
    case FaultName.Insufficient:
    case FaultName.PendingForever:
    case FaultName.Limit:
    case FaultName.MalformedResponse:
    case FaultName.Action:
      return once('outcome', { fault });
    case FaultName.Slow:
      return once('slowMs', param!);
    case FaultName.Flaky:
      return once('flakyRate', param!);
    case FaultName.Lost:
      return once('lost', true);
    case FaultName.RateLimited:
      return once('retryAfterSeconds', param!);
  }
}
