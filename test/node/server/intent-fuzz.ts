/**
 * A seeded fuzzer for `verifyIntent`: mutations of valid signed intents, sent by two kinds of
 * sender. One signs the canonical form of an intent and sends other bytes (a proxy, or an
 * attacker who has a signature and rewrites the body); the other signs exactly the bytes it
 * sends (a buggy or hostile signer with the key). Whatever is accepted must mean exactly what
 * the MAC covered: the bytes received are the signed bytes, and the intent taken is their
 * canonical JSON. Shared by the node test (10,000) and `npm run fuzz` (any number).
 *
 * Everything random comes from one mulberry32 stream, so a seed replays a run exactly.
 */
import { mulberry32 } from '../../../demo/backend/random.js';
import { toBase64Url } from '../../../src/protocol/base64url.js';
import { canonicalize } from '../../../src/protocol/canonical-json.js';
import type { Intent } from '../../../src/protocol/schemas.js';
import { hmacSha256, importHmacKey, SIGNATURE_HEADER } from '../../../src/protocol/signature.js';
import { verifyIntent, type IntentRequest } from '../../../src/server/verify-intent.js';

export interface FuzzFigures {
  tried: number;
  accepted: number;
  /** Accepted, but not exactly what was signed: must be 0. */
  acceptedWithChangedMeaning: number;
  /** The first few of those, to replay. */
  examples: string[];
}

export interface FuzzOptions {
  count: number;
  seed: number;
  /** Requests verified at once (WebCrypto's HMAC runs off the main thread). */
  batch?: number;
  onBatch?(figures: FuzzFigures): void;
}

type Random = () => number;

const NOW = Date.parse('2026-11-22T08:00:00Z');
const T = Math.floor(NOW / 1000);
const KID = 'k_fuzz';
const TOLERANCE = 300;
const encoder = new TextEncoder();
/** Keeps a byte-order mark: the text is the bytes, all of them. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const below = (random: Random, n: number): number => Math.floor(random() * n);

function token(random: Random, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[below(random, 64)];
  return text;
}

/** A valid intent, different each time: the three kinds of instrument, optional members, odd text. */
export function validIntent(random: Random): Intent {
  const instrument = pick(random, [
    () => ({ type: 'wallet' as const }),
    () => ({ type: 'card' as const, encrypted: `eyJhbGciOiJSU0EtT0FFUC0yNTYifQ.${token(random, 40)}.${token(random, 16)}.${token(random, 60)}.${token(random, 22)}` }),
    () => ({ type: 'saved-card' as const, cardId: `sc_${token(random, 10)}`, ...(random() < 0.5 ? { encryptedCvv: token(random, 30) } : {}) }),
  ])();
  return {
    v: 1,
    sessionId: `cs_${token(random, 12)}`,
    orderId: pick(random, [`ord_${token(random, 10)}`, '订单/1', 'o"q\\\u00e9\u{1F600}']),
    amount: pick(random, [1, 12800, 99999999, 10_000, 9_007_199_254_740_991]),
    currency: pick(random, ['CNY', 'USD', 'HKD']),
    channel: pick(random, ['wechat', 'alipay', 'unionpay', 'ecny', 'card']),
    instrument,
    attempt: token(random, 12),
    ...(random() < 0.3 ? { previousAttempt: token(random, 12) } : {}),
    env: pick(random, ['desktop', 'mobile', 'wechat', 'alipay']),
    locale: pick(random, ['zh-CN', 'en', 'zh-Hant-TW']),
    nonce: token(random, 24),
    createdAt: pick(random, ['2026-11-22T08:00:00.000Z', '2026-11-22T16:00:00+08:00']),
  };
}

// --- mutations of the intent as a value (what a signer with the key might put in a body) ---

type Json = Record<string, unknown>;

const objectMutations: ((intent: Json, random: Random) => void)[] = [
  (intent) => defineOwn(intent, '__proto__', { previousAttempt: 'injected_0001', amount: 1 }),
  (intent) => defineOwn(intent.instrument as Json, '__proto__', { type: 'wallet' }),
  (intent) => defineOwn(intent, 'constructor', { prototype: { amount: 1 } }),
  (intent) => defineOwn(intent, 'prototype', {}),
  (intent, random) => defineOwn(intent, pick(random, ['extra', 'amount2', 'Amount', 'toJSON']), 'x'),
  (intent, random) => defineOwn(intent, 'padding', 'x'.repeat(pick(random, [10, 4000, 9000, 60_000]))),
  (intent, random) => defineOwn(intent.instrument as Json, pick(random, ['number', 'cvv', 'extra']), '4111111111111111'),
  (intent, random) => delete intent[pick(random, Object.keys(intent))],
  (intent, random) => (intent.amount = pick(random, [1, 0, -1, 1.5, 12800.5, '12800', null, 1e21])),
  (intent, random) => (intent.v = pick(random, [2, '1', true])),
  (intent, random) => (intent.instrument = pick(random, [{ type: 'wallet' }, { type: 'card' }, { type: 'saved-card', cardId: 'sc_1' }, [], 'wallet'])),
  (intent, random) => (intent.previousAttempt = pick(random, ['short', token(random, 12), null])),
  (intent, random) => (intent.locale = pick(random, ['zh-CN\u0000', '\ud83d\ude00\ud83d\ude00', 'x'])),
];

function defineOwn(object: Json, name: string, value: unknown): void {
  // As JSON.parse does: an own member, even `__proto__`, never the prototype.
  Object.defineProperty(object, name, { value, enumerable: true, configurable: true, writable: true });
}

// --- mutations of the text (what the bytes on the wire might be) ---

const numberSpellings: ((digits: string) => string)[] = [
  (d) => `${d}.0`,
  (d) => `${d}e0`,
  (d) => `${d}E+0`,
  (d) => `0${d}`,
  (d) => `${d.slice(0, 1)}.${d.slice(1) || '0'}e${d.length - 1}`,
  () => '-0',
  (d) => `${d}.00000000000000000001`,
];

const textMutations: ((text: string, random: Random) => string)[] = [
  // whitespace anywhere JSON allows it, and where it does not
  (text, random) => insertAt(text, structuralIndex(text, random), pick(random, [' ', '\n', '\t', '\r\n', '\u00a0', '\u2028'])),
  (text, random) => pick(random, [' ', '\n', '\ufeff']) + text,
  (text, random) => text + pick(random, [' ', '\n', '\u0000', '{}']),
  // the same member twice, first or last
  (text, random) => duplicateMember(text, random),
  // numbers spelled otherwise
  (text, random) => text.replace(/(?<=:)(\d+)(?=[,}])/g, (digits) => (random() < 0.5 ? pick(random, numberSpellings)(digits) : digits)),
  (text) => text.replace('"v":1', '"v":1.0'),
  (text) => text.replace('"amount":', '"amount":-0,"amount":'),
  // strings spelled otherwise
  (text, random) => escapeOneCharacter(text, random),
  (text) => text.replace(/\//g, '\\/'),
  (text) => text.replace(/"(\w)/, (_, c: string) => `"\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`),
  (text) => text.replace('\u00e9', '\\u00e9').replace('\u{1F600}', '\\ud83d\\ude00'),
  // injected members, canonical or not in place
  (text, random) => insertAt(text, 1, pick(random, ['"__proto__":{"amount":1},', '"constructor":{"prototype":{}},', '"zz":1,', '"__proto__":null,'])),
  (text, random) => insertAt(text, text.length - 1, pick(random, [',"zz":1', ',"__proto__":{"previousAttempt":"injected_0001"}', `,"padding":"${'x'.repeat(60_000)}"`])),
  (text) => text.replace('"instrument":{', '"instrument":{"__proto__":{"type":"card"},'),
  // members reordered
  (text, random) => swapMembers(text, random),
  // truncated, wrapped, repeated
  (text, random) => text.slice(0, below(random, text.length)),
  (text) => `[${text}]`,
  (text) => text + text,
  // one character changed
  (text, random) => replaceAt(text, below(random, text.length), pick(random, ['"', '\\', '{', '}', ',', ':', '0', 'a', 'A', '\u00ff'])),
  (text) => text.replace('"amount":12800', '"amount":1'),
  (text) => text.replace(/"amount":\d+/, '"amount":12800,"amount":1'),
  (text) => text.replace(/"amount":\d+/, '"amount":1,"amount":12800'),
];

function insertAt(text: string, index: number, insert: string): string {
  return text.slice(0, index) + insert + text.slice(index);
}

function replaceAt(text: string, index: number, character: string): string {
  return text.slice(0, index) + character + text.slice(index + 1);
}

/** Just after a `{`, `[`, `,` or `:` (outside strings, near enough for a fuzzer). */
function structuralIndex(text: string, random: Random): number {
  const indices: number[] = [0, text.length];
  for (let i = 0; i < text.length; i++) if ('{[,:'.includes(text[i]!)) indices.push(i + 1);
  return pick(random, indices);
}

/** The top-level members' text, found by bracket depth outside strings. */
function topLevelMembers(text: string): { start: number; end: number }[] {
  const members: { start: number; end: number }[] = [];
  let depth = 0;
  let inString = false;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) members.push({ start, end: i });
    } else if (c === ',' && depth === 1) {
      members.push({ start, end: i });
      start = i + 1;
    }
  }
  return members;
}

function duplicateMember(text: string, random: Random): string {
  const members = topLevelMembers(text);
  if (members.length === 0) return text;
  const { start, end } = pick(random, members);
  const member = text.slice(start, end);
  const name = member.slice(0, member.indexOf(':') + 1);
  const other = random() < 0.5 ? member : `${name}${pick(random, ['1', '"x"', 'null', '{"type":"wallet"}'])}`;
  return random() < 0.5 ? insertAt(text, start, `${other},`) : insertAt(text, end, `,${other}`);
}

function swapMembers(text: string, random: Random): string {
  const members = topLevelMembers(text);
  if (members.length < 2) return text;
  const i = below(random, members.length - 1);
  const a = members[i]!;
  const b = members[i + 1]!;
  return text.slice(0, a.start) + text.slice(b.start, b.end) + ',' + text.slice(a.start, a.end) + text.slice(b.end);
}

function escapeOneCharacter(text: string, random: Random): string {
  const letters: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' && text[i - 1] !== '\\') inString = !inString;
    else if (inString && /[\w-]/.test(c)) letters.push(i);
  }
  if (letters.length === 0) return text;
  const at = pick(random, letters);
  const code = text.charCodeAt(at).toString(16).padStart(4, '0');
  return text.slice(0, at) + `\\u${random() < 0.5 ? code : code.toUpperCase()}` + text.slice(at + 1);
}

function flipBytes(bytes: Uint8Array, random: Random): Uint8Array {
  const copy = bytes.slice();
  const flips = 1 + below(random, 3);
  for (let i = 0; i < flips && copy.length > 0; i++) copy[below(random, copy.length)]! ^= 1 << below(random, 8);
  return copy;
}

// --- mutations of the header ---

function nonCanonicalMac(v1: string, random: Random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const last = alphabet.indexOf(v1.at(-1)!);
  // 43 characters carry 258 bits for 256: the last one's two low bits are unused.
  const respelled = v1.slice(0, -1) + alphabet[(last & ~3) | (1 + below(random, 3))];
  return pick(random, [respelled, `${v1}=`, `${v1}==`, v1.replace(/-/g, '+').replace(/_/g, '/'), ` ${v1}`, `${v1}A`, v1.slice(1)]);
}

const headerMutations: ((parts: { t: string; kid: string; v1: string }, random: Random) => string)[] = [
  ({ t, kid, v1 }, random) => `t=${pick(random, [`0${t}`, `+${t}`, `${t}.0`, `${t}e0`, ` ${t}`, `-${t}`, `${Number(t) - TOLERANCE - 1}`, `${Number(t) + TOLERANCE + 1}`, `${Number(t) - 365 * 86400}`, '', 'NaN'])},kid=${kid},v1=${v1}`,
  ({ t, kid, v1 }, random) => `t=${t},kid=${pick(random, ['k_other', 'K_FUZZ', `${kid} `, `${kid},`, '', `${kid}\u0000`])},v1=${v1}`,
  ({ t, kid, v1 }, random) => `t=${t},kid=${kid},v1=${nonCanonicalMac(v1, random)}`,
  ({ t, kid, v1 }) => `kid=${kid},v1=${v1},t=${t}`,
  ({ t, kid, v1 }) => `t=${t},t=${t},kid=${kid},v1=${v1}`,
  ({ t, kid, v1 }) => `t=${t},kid=${kid},v1=${v1},v1=${v1}`,
  ({ t, kid }) => `t=${t},kid=${kid}`,
  ({ t, kid, v1 }) => `t=${t}, kid=${kid}, v1=${v1}`,
  ({ t, kid, v1 }) => `t=${t},kid=${kid},v1=${v1},v2=abc`,
  ({ t, kid, v1 }, random) => `t=${t},kid=${kid},v1=${flipMacBit(v1, random)}`,
];

function flipMacBit(v1: string, random: Random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const at = below(random, v1.length - 1);
  return replaceAt(v1, at, alphabet[alphabet.indexOf(v1[at]!) ^ (1 << below(random, 6))]!);
}

// --- the run ---

interface Case {
  request: IntentRequest;
  /** The body text the MAC was computed over. */
  signedText: string;
  /** The bytes sent. */
  sentBytes: Uint8Array;
  label: string;
}

async function macText(key: CryptoKey, t: string, body: Uint8Array): Promise<string> {
  const prefix = encoder.encode(`${t}.`);
  const data = new Uint8Array(prefix.length + body.length);
  data.set(prefix);
  data.set(body, prefix.length);
  return toBase64Url(await hmacSha256(key, data));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

async function makeCase(key: CryptoKey, random: Random): Promise<Case> {
  const intent = validIntent(random) as unknown as Json;
  const labels: string[] = [];
  if (random() < 0.3) {
    const mutation = below(random, objectMutations.length);
    objectMutations[mutation]!(intent, random);
    labels.push(`object#${mutation}`);
  }
  let canonical: string;
  try {
    canonical = canonicalize(intent);
  } catch {
    canonical = canonicalize(validIntent(random));
  }
  let text = canonical;
  const textCount = random() < 0.15 ? 0 : 1 + below(random, 3);
  for (let i = 0; i < textCount; i++) {
    const mutation = below(random, textMutations.length);
    text = textMutations[mutation]!(text, random);
    labels.push(`text#${mutation}`);
  }
  let sentBytes: Uint8Array = encoder.encode(text);
  if (random() < 0.1) {
    sentBytes = flipBytes(sentBytes, random);
    labels.push('bytes');
  }
  // Sender (a) signs the canonical intent; sender (b) signs exactly what it sends.
  const signsWhatItSends = random() < 0.4;
  labels.unshift(signsWhatItSends ? 'signs-sent' : 'signs-canonical');
  const signedBytes = signsWhatItSends ? sentBytes : encoder.encode(canonical);
  const t = String(T - below(random, TOLERANCE));
  const v1 = await macText(key, t, signedBytes);
  let header = `t=${t},kid=${KID},v1=${v1}`;
  if (random() < 0.2) {
    const mutation = below(random, headerMutations.length);
    header = headerMutations[mutation]!({ t, kid: KID, v1 }, random);
    labels.push(`header#${mutation}`);
  }
  const signedText = decoder.decode(signedBytes);
  const form = random();
  let request: IntentRequest;
  if (form < 0.05 && !/[\0\r\n]/.test(header)) {
    // (fetch refuses a header value with a NUL or a line break before it could be sent)
    request = new Request('http://127.0.0.1/api/intents', { method: 'POST', headers: { [SIGNATURE_HEADER]: header }, body: sentBytes as BufferSource });
  } else if (form < 0.3) {
    request = { headers: { 'shouyin-signature': header }, body: decoder.decode(sentBytes) };
  } else {
    request = { headers: { 'shouyin-signature': header }, body: sentBytes };
  }
  return { request, signedText, sentBytes, label: labels.join(' ') };
}

/** Runs `count` mutated requests through `verifyIntent` and counts what it accepted. */
export async function fuzzVerifyIntent({ count, seed, batch = 100, onBatch }: FuzzOptions): Promise<FuzzFigures> {
  const random = mulberry32(seed);
  const keyBytes = new Uint8Array(32).map(() => below(random, 256));
  const key = await importHmacKey(keyBytes);
  const options = { keyFor: (kid: string) => (kid === KID ? key : undefined), now: () => NOW, toleranceSeconds: TOLERANCE };
  const figures: FuzzFigures = { tried: 0, accepted: 0, acceptedWithChangedMeaning: 0, examples: [] };
  while (figures.tried < count) {
    const cases: Case[] = [];
    for (let i = 0; i < Math.min(batch, count - figures.tried); i++) cases.push(await makeCase(key, random));
    const results = await Promise.all(cases.map((c) => verifyIntent(c.request, options)));
    results.forEach((result, i) => {
      figures.tried++;
      if (!result.ok) return;
      figures.accepted++;
      const { signedText, sentBytes, label } = cases[i]!;
      const sameMeaning =
        sameBytes(sentBytes, encoder.encode(signedText)) && result.canonicalBody === signedText && canonicalize(result.intent) === signedText;
      if (sameMeaning) return;
      figures.acceptedWithChangedMeaning++;
      if (figures.examples.length < 5) figures.examples.push(`${label}: signed ${signedText} / sent ${decoder.decode(sentBytes)}`);
    });
    onBatch?.(figures);
  }
  return figures;
}
