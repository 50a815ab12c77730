import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { offersPasskey, passkeyUse, type PasskeyContext } from '../../../src/passkey/usable.js';

const on: PasskeyContext = { enabled: true, registered: true, available: true };
const ok = { selectable: true, failed: false };

describe('passkeyUse: whether a passkey confirms the chosen saved card now', () => {
  const table: [string, PasskeyContext, { selectable: boolean; failed: boolean }, ReturnType<typeof passkeyUse>][] = [
    ['enabled, registered, authenticator, card fine', on, ok, { use: 'confirm' }],
    ['host did not enable it', { ...on, enabled: false }, ok, { use: 'usual', told: null }],
    ['payer has no passkey', { ...on, registered: false }, ok, { use: 'usual', told: null }],
    ['card cannot pay', on, { selectable: false, failed: false }, { use: 'usual', told: null }],
    ['no authenticator on this device', { ...on, available: false }, ok, { use: 'usual', told: 'no-authenticator' }],
    ['the browser has not answered yet', { ...on, available: undefined }, ok, { use: 'usual', told: null }],
    ['failed for this card in this session', on, { selectable: true, failed: true }, { use: 'usual', told: 'failed' }],
    ['failed, and no authenticator: the failure is what is told', { ...on, available: false }, { selectable: true, failed: true }, { use: 'usual', told: 'failed' }],
    ['not enabled overrides a failure', { ...on, enabled: false }, { selectable: true, failed: true }, { use: 'usual', told: null }],
  ];
  for (const [name, context, card, expected] of table) {
    it(name, () => assert.deepEqual(passkeyUse(context, card), expected));
  }
});

describe('offersPasskey: the success view offers one', () => {
  const none: PasskeyContext = { enabled: true, registered: false, available: true };
  const paid = { bySavedCard: true, dismissed: false };
  const table: [string, PasskeyContext, typeof paid, boolean][] = [
    ['paid by saved card, no passkey yet, authenticator', none, paid, true],
    ['paid by another instrument', none, { ...paid, bySavedCard: false }, false],
    ['the payer said 不用了', none, { ...paid, dismissed: true }, false],
    ['the payer has one already', { ...none, registered: true }, paid, false],
    ['no authenticator', { ...none, available: false }, paid, false],
    ['authenticator not known yet', { ...none, available: undefined }, paid, false],
    ['host did not enable it', { ...none, enabled: false }, paid, false],
  ];
  for (const [name, context, p, expected] of table) {
    it(name, () => assert.equal(offersPasskey(context, p), expected));
  }
});
