/** How a saved card is confirmed, as a table: the card and the session in, the way out. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SavedCard, Session } from '../../../src/protocol/schemas.js';
import { confirmationFor } from '../../../src/saved-cards/confirmation.js';

const PSBC: SavedCard['bound'] = { bank: { id: 'PSBC', name: '中国邮政储蓄银行' }, type: 'debit' };
const CMB_CREDIT: SavedCard['bound'] = { bank: { id: 'CMB', name: '招商银行' }, type: 'credit' };

const cases: { name: string; card: Pick<SavedCard, 'bound'>; session: Pick<Session, 'card'>; byPasskey?: boolean; expected: string }[] = [
  { name: 'a card saved from the card form pays as it is', card: {}, session: {}, expected: 'none' },
  { name: 'a card saved from the card form, the session asking its CVV again', card: {}, session: { card: { savedCardCvv: true } }, expected: 'cvv' },
  { name: 'a bound debit card: an SMS code', card: { bound: PSBC }, session: {}, expected: 'sms' },
  { name: 'a bound debit card is never asked a CVV it does not have', card: { bound: PSBC }, session: { card: { savedCardCvv: true } }, expected: 'sms' },
  { name: 'a bound credit card: an SMS code too, not its CVV', card: { bound: CMB_CREDIT }, session: { card: { savedCardCvv: true } }, expected: 'sms' },
  { name: 'the session may keep cards: that changes nothing here', card: {}, session: { card: { canSave: true } }, expected: 'none' },
  { name: 'a passkey confirms a card in place of its CVV', card: {}, session: { card: { savedCardCvv: true } }, byPasskey: true, expected: 'passkey' },
  { name: 'a passkey confirms a card that needs nothing else (the payer still confirms it is them)', card: {}, session: {}, byPasskey: true, expected: 'passkey' },
  { name: 'a passkey confirms a bound card in place of its SMS code', card: { bound: PSBC }, session: {}, byPasskey: true, expected: 'passkey' },
  { name: 'no passkey now (failed, none on this device): the bound card asks its SMS code again', card: { bound: PSBC }, session: {}, byPasskey: false, expected: 'sms' },
];

describe('confirmationFor', () => {
  for (const c of cases) it(c.name, () => assert.equal(confirmationFor(c.card, c.session, c.byPasskey), c.expected));
});
