/**
 * The reference backend's simulated bank for 快捷支付 binding (issue 17): card info by issuer
 * prefix, binding requests that "send" an SMS code, resends after the countdown, and the
 * confirm step's code check. No real SMS leaves: the code is kept here and answered by a
 * demo-only route (`GET /api/bindings/{id}/code`) that a real deployment never has.
 *
 * What the bank is simulated to do:
 * - a card whose prefix is not in `bank-iins.ts` is refused (`card_refused`), as is a credit
 *   card without its expiry and CVV, or an ID number whose check character is wrong;
 * - a mobile number ending in `0000` is not the one the bank has for the card (`mobile_mismatch`);
 * - a code may be asked for again 60 s after the last one, is good for 5 minutes, and 5 wrong
 *   codes lock the binding.
 *
 * Bindings live in the backend's store (`BackendStore`: memory, or Redis for several
 * instances), so any instance answers a binding's resend, confirm, status and code. Each change
 * of a binding (a try used, a new code, bound) is one atomic step of the store.
 *
 * Personal data: the decrypted ID number, phone and card number live only in `create`'s locals;
 * a binding keeps the bank, card type, brand and last four digits, and the code.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { validateCvv, validateExpiry, validateNumber } from '../../src/card/validate.js';
import { yearMonthAt } from '../../src/card/card-fields.js';
import { randomToken } from '../../src/protocol/base64url.js';
import { canonicalize } from '../../src/protocol/canonical-json.js';
import { bindingOf } from '../../src/protocol/card-binding.js';
import {
  BindingCodeSchema,
  BindingDetailsSchema,
  BindingFailure,
  BindingRequestSchema,
  BindingResendSchema,
  BindingStatus,
  CardCodeRequestSchema,
  CardInfoRequestSchema,
  type Binding,
  type BindingRequest,
  type CardCodeRequest,
} from '../../src/protocol/binding.js';
import { cardStatus } from '../../src/saved-cards/status.js';
import { RejectCode } from '../../src/protocol/codes.js';
import type { Session } from '../../src/protocol/schemas.js';
import { checkResidentId } from '../../src/binding/resident-id.js';
import { checkMobile, maskMobile } from '../../src/binding/mobile.js';
import { decryptJson, type DecryptCardCode } from '../../src/server/decrypt-card.js';
import type { JweIdStore } from '../../src/server/jwe-id-store.js';
import { verifySigned, type BodySchema } from '../../src/server/verify-intent.js';
import { lookupIin } from './bank-iins.js';
import type { BackendStore } from './backend-store.js';
import type { CardKey } from './card-key.js';
import { readBody, refuseBody, sendError, sendJson, sendRejection } from './http.js';
import { testCardOutcome, type TestCardOutcome } from './test-cards.js';

/** The phone the simulated bank has for a card: 1380013 and the card's last four digits (the number, or just those). */
function bankMobileFor(number: string): string {
  return `1380013${number.slice(-4)}`;
}

/** A body's top-level `encrypted` JWE as its shape, as `ledgerBody` shows an intent's. */
function shapeOfJwe(canonicalBody: string): string {
  const body = JSON.parse(canonicalBody) as { encrypted?: unknown };
  if (typeof body.encrypted === 'string') body.encrypted = `[jwe: ${body.encrypted.split('.').length} parts, ${body.encrypted.length} chars]`;
  return canonicalize(body);
}

/** A new card's binding request, or a saved bound card's code (`cardId`): refusals name the field of the one it is. */
const START_SCHEMA: BodySchema<BindingRequest | CardCodeRequest> = {
  safeParse: (input) => (typeof input === 'object' && input !== null && 'cardId' in input ? CardCodeRequestSchema : BindingRequestSchema).safeParse(input),
};

export const RESEND_AFTER_MS = 60_000;
export const CODE_TTL_MS = 5 * 60_000;
export const MAX_WRONG_CODES = 5;
/** A binding request is one JWE of under 2 KB and a few members. */
const MAX_BINDING_BYTES = 8 * 1024;
/** The host's link to the banks' quick-pay agreement (a page the demo server serves). */
export const AGREEMENT_URL = '/demo/quick-pay-agreement.html';

/** What the ledger keeps of a bound card: the bank and the card's last four digits, nothing to pay with. */
export interface LedgerBinding {
  type: 'binding';
  bindingId: string;
  bank: string;
  cardType: 'debit' | 'credit';
  brand: string;
  last4: string;
  /** A saved bound card's code: the saved card it pays with. */
  cardId?: string;
}

/** A binding as the store keeps it. */
export interface BindingRecord {
  id: string;
  sessionId: string;
  orderId: string;
  /** Whose vault a saved card goes to (the session's `payer` on the backend). */
  payer: string;
  status: Binding['status'];
  code: string;
  attemptsLeft: number;
  resendAt: number;
  expiresAt: number;
  card: LedgerBinding;
  outcome: TestCardOutcome;
  paymentId?: string;
  /**
   * The payer asked to save the card ("保存此卡"): what its saved card shows, added to the
   * payer's vault when the confirm pays. The issuer prefix and bank, never the number.
   */
  save?: { first6: string; bankName: string; expMonth?: number; expYear?: number };
  /** Where the code went, masked: said only when the payer did not type the phone. */
  sentTo?: string;
}

/** What a confirming intent's binding instrument came to (see app.ts `decide`). */
export type BindingIntake =
  | { kind: 'unknown' }
  | { kind: 'unreadable'; code: DecryptCardCode }
  | { kind: 'refused'; card: LedgerBinding; code: BindingFailure }
  | { kind: 'usable'; card: LedgerBinding; outcome: TestCardOutcome };

export interface BindingDeps {
  now: () => number;
  /** Uniform in [0, 1): the codes. */
  random: () => number;
  cardKey: () => Promise<CardKey>;
  replay: JweIdStore;
  store: BackendStore;
  toleranceSeconds: number;
}

/** A binding whose code's time ran out says so. */
function aged(record: BindingRecord, now: number): BindingRecord {
  return record.status === BindingStatus.CodeSent && now >= record.expiresAt ? { ...record, status: BindingStatus.Expired } : record;
}

export class Bindings {
  constructor(private readonly deps: BindingDeps) {}

  /** `POST endpoints.cardInfo`: the bank and type of an issuer prefix, signed like an intent. */
  async cardInfo(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verified = await this.verify(req, res, CardInfoRequestSchema);
    if (!verified) return;
    const { body, session } = verified;
    if (body.sessionId !== session.id) return sendError(res, 400, 'session_mismatch');
    sendJson(res, 200, lookupIin(body.iin, AGREEMENT_URL));
  }

  /**
   * `POST endpoints.bindings`: checks the sealed details as a bank would, then "sends" a code; or,
   * for a saved bound card (`cardId`), sends a code to the phone the bank has for that card.
   */
  async create(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verified = await this.verify(req, res, START_SCHEMA);
    if (!verified) return;
    const { body, session, payerId } = verified;
    if (body.sessionId !== session.id || body.orderId !== session.order.id) return sendError(res, 400, 'session_mismatch');
    if ('cardId' in body) return this.createForCard(res, body, session, payerId);
    // Saving needs the host's word that it keeps cards for this payer.
    if (body.save && !session.card?.canSave) return sendError(res, 400, 'binding_malformed');
    if (Date.parse(session.expiresAt) <= this.deps.now()) return sendError(res, 410, 'session_expired');
    const key = await this.deps.cardKey();
    const opened = await decryptJson(body.encrypted, key.privateKey, BindingDetailsSchema, {
      expectedKid: key.kid,
      expected: bindingOf(session),
      replay: this.deps.replay,
      now: this.deps.now,
    });
    if (!opened.ok) return sendError(res, 400, 'binding_undecryptable');
    const { number, expMonth, expYear, cvv } = opened.data;
    // A payer the host verified (one-click) types neither name nor ID nor phone: the session's
    // identity stands for them, and the simulated bank sends the code to the phone it has for
    // the card. Anyone else types all three, and the details may not claim a verified identity.
    const { payer } = session;
    const typed = opened.data.holderName !== undefined || opened.data.idNumber !== undefined || opened.data.mobile !== undefined;
    if (payer ? typed : !(opened.data.holderName && opened.data.idNumber && opened.data.mobile)) return sendError(res, 400, 'binding_malformed');
    const idNumber = payer?.idNumber ?? opened.data.idNumber ?? '';
    const mobile = opened.data.mobile ?? bankMobileFor(number);
    const info = lookupIin(number.slice(0, 8));
    const checked = validateNumber(number);
    if (!info.known || !checked.ok || !checkResidentId(idNumber).ok || !checkMobile(mobile).ok) {
      return sendError(res, 422, BindingFailure.CardRefused);
    }
    if (info.type === 'credit') {
      const expiry = validateExpiry(`${expMonth ?? ''}/${expYear ?? ''}`, yearMonthAt(this.deps.now()));
      if (!expiry.ok || !validateCvv(cvv ?? '', checked.brand).ok) return sendError(res, 422, BindingFailure.CardRefused);
    }
    if (mobile.endsWith('0000')) return sendError(res, 422, BindingFailure.MobileMismatch);
    const at = this.deps.now();
    const record: BindingRecord = {
      id: `bd_${randomToken(12)}`,
      sessionId: session.id,
      orderId: session.order.id,
      status: BindingStatus.CodeSent,
      code: this.newCode(),
      attemptsLeft: MAX_WRONG_CODES,
      resendAt: at + RESEND_AFTER_MS,
      expiresAt: at + CODE_TTL_MS,
      card: { type: 'binding', bindingId: '', bank: info.bank.id, cardType: info.type, brand: info.brand, last4: number.slice(-4) },
      outcome: testCardOutcome(number),
      payer: payerId,
      ...(body.save ? { save: { first6: number.slice(0, 6), bankName: info.bank.name, ...(info.type === 'credit' ? { expMonth, expYear } : {}) } } : {}),
      // Where the code went, masked, as banks answer: a cashier whose phone field is in the card frame has no other way to say it.
      sentTo: maskMobile(mobile),
    };
    record.card.bindingId = record.id;
    await this.deps.store.addBinding(record);
    sendJson(res, 200, this.view(record));
  }

  /**
   * A code to pay with a saved bound card: one of this payer's cards, bound, and able to pay
   * (404 `card_not_found` otherwise, 422 `card_refused` for a card its bank stopped). The
   * binding that carries the code is the card's: confirmed, it pays with that card.
   */
  private async createForCard(res: ServerResponse, body: CardCodeRequest, session: Session, payerId: string): Promise<void> {
    if (Date.parse(session.expiresAt) <= this.deps.now()) return sendError(res, 410, 'session_expired');
    const card = (await this.deps.store.wallet(payerId, () => [])).find((c) => c.id === body.cardId);
    if (!card?.bound) return sendError(res, 404, 'card_not_found');
    if (!cardStatus(card, this.deps.now()).selectable) return sendError(res, 422, BindingFailure.CardRefused);
    const at = this.deps.now();
    const id = `bd_${randomToken(12)}`;
    const record: BindingRecord = {
      id,
      sessionId: session.id,
      orderId: session.order.id,
      payer: payerId,
      status: BindingStatus.CodeSent,
      code: this.newCode(),
      attemptsLeft: MAX_WRONG_CODES,
      resendAt: at + RESEND_AFTER_MS,
      expiresAt: at + CODE_TTL_MS,
      card: { type: 'binding', bindingId: id, bank: card.bound.bank.id, cardType: card.bound.type, brand: card.brand, last4: card.last4, cardId: card.id },
      outcome: card.outcome,
      sentTo: maskMobile(bankMobileFor(card.last4)),
    };
    await this.deps.store.addBinding(record);
    sendJson(res, 200, this.view(record));
  }

  /** `POST {bindings}/{id}/resend`: a new code once the countdown is over; the tries left stay. */
  async resend(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const verified = await this.verify(req, res, BindingResendSchema);
    if (!verified) return;
    const { body, session } = verified;
    const found = await this.deps.store.binding(id);
    if (!found || body.bindingId !== id || found.sessionId !== session.id || body.sessionId !== session.id) {
      return sendError(res, 404, 'binding_not_found');
    }
    const at = this.deps.now();
    const code = this.newCode();
    const changed = await this.deps.store.changeBinding(id, (record) => {
      const now = aged(record, at);
      if (now.status === BindingStatus.Bound || now.status === BindingStatus.Locked || at < now.resendAt) return now;
      return { ...now, status: BindingStatus.CodeSent, code, resendAt: at + RESEND_AFTER_MS, expiresAt: at + CODE_TTL_MS };
    });
    if (!changed) return sendError(res, 404, 'binding_not_found');
    const was = aged(changed.before, at);
    const { after } = changed;
    if (was.status === BindingStatus.Bound || was.status === BindingStatus.Locked) return sendJson(res, 409, { error: { code: 'binding_closed' }, binding: this.view(after) });
    if (at < was.resendAt) return sendJson(res, 429, { error: { code: BindingFailure.TooSoon }, binding: this.view(after) });
    sendJson(res, 200, this.view(after));
  }

  /** `GET {bindings}/{id}`: its state, no personal data. */
  async status(res: ServerResponse, id: string): Promise<void> {
    const record = await this.deps.store.binding(id);
    if (!record) return sendError(res, 404, 'binding_not_found');
    sendJson(res, 200, this.view(aged(record, this.deps.now())));
  }

  /** DEMO ONLY: the code the simulated bank "sent" by SMS, for the playground and the tests. */
  async code(res: ServerResponse, id: string): Promise<void> {
    const record = await this.deps.store.binding(id);
    if (!record) return sendError(res, 404, 'binding_not_found');
    sendJson(res, 200, { code: record.code, demoOnly: true });
  }

  /**
   * The confirming intent's instrument: its binding (this session's), its code sealed for this
   * order and used once. A wrong code uses up a try; the fifth locks the binding.
   */
  async intake(instrument: { bindingId: string; encrypted: string }, session: Session): Promise<BindingIntake> {
    const found = await this.deps.store.binding(instrument.bindingId);
    if (!found || found.sessionId !== session.id) return { kind: 'unknown' };
    const key = await this.deps.cardKey();
    const opened = await decryptJson(instrument.encrypted, key.privateKey, BindingCodeSchema, {
      expectedKid: key.kid,
      expected: bindingOf(session),
      replay: this.deps.replay,
      now: this.deps.now,
    });
    if (!opened.ok) return { kind: 'unreadable', code: opened.code };
    const { code } = opened.data;
    const at = this.deps.now();
    // A wrong code uses up a try in the same step that reads the tries left: two instances
    // checking codes at once never both spend the last one.
    const changed = await this.deps.store.changeBinding(found.id, (record) => {
      const now = aged(record, at);
      if (now.status !== BindingStatus.CodeSent || code === now.code) return now;
      const attemptsLeft = now.attemptsLeft - 1;
      return { ...now, attemptsLeft, ...(attemptsLeft <= 0 ? { status: BindingStatus.Locked } : {}) };
    });
    if (!changed) return { kind: 'unknown' };
    const { before, after } = changed;
    const { card } = after;
    if (before.status === BindingStatus.Locked || before.status === BindingStatus.Bound || after.status === BindingStatus.Locked) {
      return { kind: 'refused', card, code: BindingFailure.Locked };
    }
    if (after.status === BindingStatus.Expired) return { kind: 'refused', card, code: BindingFailure.CodeExpired };
    if (code !== after.code) return { kind: 'refused', card, code: BindingFailure.CodeInvalid };
    return { kind: 'usable', card, outcome: after.outcome };
  }

  /**
   * The payment the binding's confirm made succeeded: the card is bound, its code spent; and, if
   * the payer asked, the card joins their saved cards (once: only the change that bound it adds it).
   */
  async bound(bindingId: string, paymentId: string): Promise<void> {
    const changed = await this.deps.store.changeBinding(bindingId, (record) => ({ ...record, status: BindingStatus.Bound, paymentId, code: '' }));
    const save = changed?.after.save;
    if (!changed || !save || changed.before.status === BindingStatus.Bound) return;
    const { card, payer, outcome } = changed.after;
    const { first6, bankName, expMonth, expYear } = save;
    await this.deps.store.addCard(payer, {
      id: `sc_${randomToken(9)}`,
      brand: card.brand,
      first6,
      last4: card.last4,
      ...(expMonth !== undefined && expYear !== undefined ? { expMonth, expYear } : {}),
      status: 'active',
      bound: { bank: { id: card.bank, name: bankName }, type: card.cardType },
      outcome,
    });
  }

  /** The ledger's view of an order's bindings. */
  async forOrder(orderId: string): Promise<object[]> {
    return (await this.deps.store.bindingsFor(orderId)).map(({ id, status, card, paymentId }) => ({
      id,
      status,
      bank: card.bank,
      cardType: card.cardType,
      brand: card.brand,
      last4: card.last4,
      paymentId: paymentId ?? null,
    }));
  }

  /** The order's signed binding requests as received, JWEs by their shape. */
  requestsFor(orderId: string): Promise<string[]> {
    return this.deps.store.bindingRequests(orderId);
  }

  private view({ id, status, attemptsLeft, resendAt, expiresAt, sentTo }: BindingRecord): Binding {
    return { id, status, attemptsLeft, resendAt: new Date(resendAt).toISOString(), expiresAt: new Date(expiresAt).toISOString(), ...(sentTo ? { sentTo } : {}) };
  }

  private newCode(): string {
    return String(Math.floor(this.deps.random() * 1_000_000)).padStart(6, '0');
  }

  /** Reads and verifies a signed body; answers the refusal itself and gives `undefined` then. */
  private async verify<T>(req: IncomingMessage, res: ServerResponse, schema: BodySchema<T>): Promise<{ body: T; session: Session; payerId: string } | undefined> {
    const read = await readBody(req, MAX_BINDING_BYTES);
    if (!read.ok) return void refuseBody(req, res, read.code);
    const verified = await verifySigned(
      { headers: req.headers, body: read.body },
      { keyFor: async (kid) => (await this.deps.store.sessionForKid(kid))?.verifyKey, now: this.deps.now, toleranceSeconds: this.deps.toleranceSeconds, maxBodyBytes: MAX_BINDING_BYTES },
      schema,
      RejectCode.BindingMalformed,
    );
    if (!verified.ok) return void sendRejection(res, verified);
    const record = await this.deps.store.sessionForKid(verified.kid);
    if (!record) return void sendError(res, 401, 'unknown_kid');
    // Each order's signed binding requests as received, a JWE by its shape only, as the ledger
    // shows intents: what a reader (and the tests) can check crossed the wire in the clear.
    await this.deps.store.addBindingRequest(record.session.order.id, shapeOfJwe(verified.canonicalBody));
    return { body: verified.body, session: record.session, payerId: record.payer };
  }
}
