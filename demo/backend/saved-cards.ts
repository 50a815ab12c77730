import type { IncomingMessage, ServerResponse } from 'node:http';
import { brandById, type BrandId } from '../../src/card/brands.js';
import { yearMonthAt } from '../../src/card/card-fields.js';
import { validateCvv } from '../../src/card/validate.js';
import { randomToken } from '../../src/protocol/base64url.js';
import type { Instrument, SavedCard, Session } from '../../src/protocol/schemas.js';
import { cardStatus, CardState } from '../../src/saved-cards/status.js';
import { decryptSavedCardCvv, type DecryptCardCode } from '../../src/server/decrypt-card.js';
import { verifyCardRemoval } from '../../src/server/verify-card-removal.js';
import type { CardUse } from './card-intake.js';
import type { CardKey } from './card-key.js';
import type { PasskeyCheck } from './passkeys.js';
import { readBody, refuseBody, sendError, sendJson, sendRejection } from './http.js';
import type { BackendStore } from './backend-store.js';
import { TestCardOutcome } from './test-cards.js';

/** A saved card as the vault keeps it: what the session shows, and how the test network answers it. */
export interface VaultCard extends SavedCard {
  outcome: TestCardOutcome;
}

/** What the ledger keeps of a saved card: enough to read the payment later, whatever became of the card. */
export interface LedgerSavedCard {
  type: 'saved-card';
  cardId: string;
  brand?: BrandId;
  last4: string;
  /** Confirmed with the payer's passkey (its credential id only) instead of the CVV. */
  confirmedBy?: 'passkey';
  passkeyId?: string;
}

/**
 * What the backend made of a saved-card instrument:
 * - `unknown`: not one of this payer's cards (never was, or removed): HTTP 400 `card_unknown`,
 *   no attempt recorded, as for any other request that does not fit the session.
 * - `unreadable`: an `encryptedCvv` this backend does not take for this order: HTTP 400 with
 *   `unreadableError(code)` (`card_undecryptable`, `card_binding_mismatch`, ...).
 * - `refused`: the payer's card, but it cannot pay (expired → `card_invalid`, abnormal or
 *   frozen → `declined`, a CVV missing or wrong when the session asks for it → `card_invalid`):
 *   a failed attempt.
 * - `needs_code`: a bound card with no passkey, which pays only through its SMS code (a binding's confirm):
 *   HTTP 400 `sms_code_required`, no attempt recorded.
 * - `usable`: the test network answers with `outcome`.
 */
export type SavedCardIntake =
  | { kind: 'unknown' }
  | { kind: 'needs_code' }
  | { kind: 'unreadable'; code: DecryptCardCode }
  | { kind: 'refused'; card: LedgerSavedCard; code: 'card_invalid' | 'declined' | 'passkey_rejected' }
  | { kind: 'usable'; card: LedgerSavedCard; outcome: TestCardOutcome };

/**
 * Demo payers: `?payer=demo-<wallet>` (or `demo-<wallet>.<anything>`, a fresh payer with the
 * same cards, which is what tests use) starts with these cards, dated from the backend's
 * clock: `mixed` has active, expiring, expired and abnormal cards; `single` one active card;
 * `unusable` only cards that cannot pay. Any other payer has none.
 */
export const DEMO_WALLETS = ['mixed', 'single', 'unusable'] as const;
export type DemoWallet = (typeof DEMO_WALLETS)[number];

type CardTemplate = Omit<VaultCard, 'id' | 'expMonth' | 'expYear'> & { monthsAhead: number };

const WALLETS: Record<DemoWallet, readonly CardTemplate[]> = {
  mixed: [
    { brand: 'unionpay', first6: '622202', last4: '1234', status: 'active', monthsAhead: 36, outcome: 'succeeded' },
    { brand: 'amex', first6: '378282', last4: '0005', status: 'active', monthsAhead: 14, outcome: 'succeeded' },
    // The current month: at most 30 days left, whatever day it is.
    { brand: 'visa', first6: '424242', last4: '4242', status: 'active', monthsAhead: 0, outcome: 'succeeded' },
    { brand: 'mastercard', first6: '555555', last4: '4444', status: 'active', monthsAhead: -1, outcome: 'succeeded' },
    { brand: 'unionpay', first6: '620000', last4: '0005', status: 'abnormal', reason: 'reported_lost', monthsAhead: 24, outcome: 'succeeded' },
    { brand: 'visa', first6: '400000', last4: '0002', status: 'frozen', monthsAhead: 24, outcome: 'declined' },
    { brand: 'mastercard', first6: '222100', last4: '0003', status: 'abnormal', reason: 'repeatedly_declined', monthsAhead: 20, outcome: 'declined' },
  ],
  single: [{ brand: 'unionpay', first6: '621234', last4: '1265', status: 'active', monthsAhead: 30, outcome: 'succeeded' }],
  unusable: [
    { brand: 'mastercard', first6: '555555', last4: '4444', status: 'active', monthsAhead: -2, outcome: 'succeeded' },
    { brand: 'unionpay', first6: '620000', last4: '0005', status: 'abnormal', reason: 'reported_lost', monthsAhead: 24, outcome: 'succeeded' },
  ],
};

/** The demo wallet a payer id names, if any. */
export function walletOf(payer: string): DemoWallet | undefined {
  const match = /^demo-([a-z]+)(?:\.[A-Za-z0-9_-]{1,64})?$/.exec(payer);
  return DEMO_WALLETS.find((wallet) => wallet === match?.[1]);
}

function fromTemplate(template: CardTemplate, now: number): VaultCard {
  const { monthsAhead, ...card } = template;
  const today = yearMonthAt(now);
  const months = today.year * 12 + (today.month - 1) + monthsAhead;
  return { ...card, id: `sc_${randomToken(9)}`, expMonth: (months % 12) + 1, expYear: Math.floor(months / 12) };
}

/** A signed card removal is a few hundred bytes. */
const MAX_REMOVAL_BYTES = 4 * 1024;

/**
 * The payers' saved cards, and the routes and checks that use them: sessions list them, a
 * verified `DELETE /api/cards/:id` removes one, and a saved-card intent must name a card of
 * the session's payer that can pay. The cards live in the backend's store, so every instance
 * sees the same ones. Removing a card never touches the ledger: its attempts keep the brand
 * and last four digits they were made with. A payer's cards and removals are let go with the
 * payer's last session (a demo payer then starts afresh from its wallet).
 */
export class SavedCards {
  constructor(
    private readonly store: BackendStore,
    private readonly now: () => number,
    private readonly cardKey: () => Promise<CardKey>,
  ) {}

  /** The payer's cards, a demo wallet's on first sight. */
  cardsFor(payer: string): Promise<VaultCard[]> {
    return this.store.wallet(payer, () => {
      const wallet = walletOf(payer);
      return wallet ? WALLETS[wallet].map((template) => fromTemplate(template, this.now())) : [];
    });
  }

  /** The session's `savedCards` and `card.savedCardCvv` (`?savedCardCvv=1`) for this payer. */
  async decorate(session: Session, payer: string, url: URL): Promise<void> {
    // A bound card is confirmed by an SMS code through `endpoints.bindings`: listed only where there is one.
    const cards = (await this.cardsFor(payer)).filter((card) => !card.bound || session.endpoints.bindings);
    session.savedCards = cards.map(({ outcome: _outcome, ...card }) => card);
    if (url.searchParams.get('savedCardCvv') === '1') session.card = { ...session.card, savedCardCvv: true };
  }

  /** Checks a saved-card instrument for the session's payer; its CVV JWE as `use` says. */
  async intake(
    instrument: Extract<Instrument, { type: 'saved-card' }>,
    session: Session,
    payer: string,
    use: CardUse,
    passkey?: PasskeyCheck,
  ): Promise<SavedCardIntake> {
    const card = (await this.cardsFor(payer)).find((c) => c.id === instrument.cardId);
    if (!card) return { kind: 'unknown' };
    // A passkey confirms a bound card in place of its SMS code.
    if (card.bound && !passkey) return { kind: 'needs_code' };
    const brand = brandById(card.brand);
    const ledger: LedgerSavedCard = { type: 'saved-card', cardId: card.id, ...(brand ? { brand: brand.id } : {}), last4: card.last4 };
    const status = cardStatus(card, this.now());
    if (!status.selectable) return { kind: 'refused', card: ledger, code: status.state === CardState.Expired ? 'card_invalid' : 'declined' };
    // A passkey that did not verify is a failed attempt: the cashier asks the card's usual confirmation next.
    if (passkey && !passkey.ok) return { kind: 'refused', card: ledger, code: 'passkey_rejected' };
    if (passkey?.ok) return { kind: 'usable', card: { ...ledger, confirmedBy: 'passkey', passkeyId: passkey.passkeyId }, outcome: card.outcome };
    if (session.card?.savedCardCvv) {
      if (!instrument.encryptedCvv) return { kind: 'refused', card: ledger, code: 'card_invalid' };
      const key = await this.cardKey();
      const decrypted = await decryptSavedCardCvv(instrument.encryptedCvv, key.privateKey, { expectedKid: key.kid, ...use });
      if (!decrypted.ok) return { kind: 'unreadable', code: decrypted.code };
      if (!validateCvv(decrypted.cvv, brand).ok) return { kind: 'refused', card: ledger, code: 'card_invalid' };
    }
    return { kind: 'usable', card: ledger, outcome: card.outcome };
  }

  /**
   * `DELETE /api/cards/:id` with a signed `CardRemoval`: verified like an intent (401/400), for
   * the session's own order (400 `session_mismatch`), the same card as the path (400
   * `card_mismatch`), before the session expires (410). Then 404 `card_not_found` for a card
   * the payer does not have, 409 `card_in_use` while a payment with it is still open, else
   * removed: 200 `{ cardId, removed: true }`, also for a repeat of a removal.
   */
  async handleDelete(req: IncomingMessage, res: ServerResponse, cardId: string): Promise<void> {
    const read = await readBody(req, MAX_REMOVAL_BYTES);
    if (!read.ok) return refuseBody(req, res, read.code);
    const verified = await verifyCardRemoval(
      { headers: req.headers, body: read.body },
      { keyFor: async (kid) => (await this.store.sessionForKid(kid))?.verifyKey, now: this.now },
    );
    if (!verified.ok) return sendRejection(res, verified);
    const record = await this.store.sessionForKid(verified.kid);
    // The session may have been evicted while the signature was checked.
    if (!record) return sendError(res, 401, 'unknown_kid');
    const { removal } = verified;
    if (removal.sessionId !== record.session.id) return sendError(res, 400, 'session_mismatch');
    if (removal.cardId !== cardId) return sendError(res, 400, 'card_mismatch');
    if (Date.parse(record.session.expiresAt) <= this.now()) return sendError(res, 410, 'session_expired');
    const outcome = await this.store.removeCard(record.payer, cardId);
    if (outcome === 'not_found') return sendError(res, 404, 'card_not_found');
    if (outcome === 'in_use') return sendError(res, 409, 'card_in_use');
    sendJson(res, 200, { cardId, removed: true });
  }
}
