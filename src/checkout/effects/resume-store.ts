/**
 * The open attempt of an order, kept across a reload (sessionStorage, keyed by order id).
 * Storage is injected; a page without it (a sandboxed frame, a full quota, Safari's old
 * private mode throwing on write) simply does not resume: every access is best effort and
 * nothing here throws. What is read back is parsed by its schema like any other input.
 */
import { parseWith } from '../../protocol/parse.js';
import { bestEffort } from './best-effort-storage.js';
import { ResumeRecordSchema, type ResumeRecord } from '../../protocol/schemas.js';
import type { AttemptOutcome } from '../../transport/intent-client.js';

const PREFIX = 'shouyin:attempt:';

export interface ResumeStore {
  load(orderId: string): ResumeRecord | undefined;
  save(record: ResumeRecord): void;
  clear(orderId: string): void;
}

export function createResumeStore(storage: () => Storage | undefined): ResumeStore {
  const attempt = bestEffort(storage);
  return {
    load(orderId) {
      const text = attempt((s) => s.getItem(PREFIX + orderId));
      if (!text) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return undefined;
      }
      const record = parseWith(ResumeRecordSchema, json);
      return record?.orderId === orderId ? record : undefined;
    },
    save(record) {
      attempt((s) => s.setItem(PREFIX + record.orderId, JSON.stringify(record)));
    },
    clear(orderId) {
      attempt((s) => s.removeItem(PREFIX + orderId));
    },
  };
}

/**
 * Whether what became of a request settles its attempt, so its record may go. Any answer of
 * the backend does (a refusal included: nothing was recorded). A request that may have
 * reached it and brought nothing back (the network, a time-out, 5xx, 429, a 2xx that cannot
 * be read, the page's unload) does not: the attempt may be open or paid, and a reload must ask.
 */
export function settlesAttempt(outcome: AttemptOutcome): boolean {
  return outcome.kind !== 'failed' || !outcome.retryable;
}

/** The page's sessionStorage, when it has one that may be touched. */
export function pageSessionStorage(): Storage | undefined {
  return globalThis.sessionStorage;
}
