import { canonicalize } from '../../src/protocol/canonical-json.js';

/**
 * An intent's body as the ledger keeps and serves it: as received, except that a card JWE
 * (`instrument.encrypted`, `instrument.encryptedCvv`) is replaced by a short description of it.
 * A JWE is single-use and bound to its order, but one in the ledger would still be a card
 * payment anyone reading the ledger could try to post first; its shape is all a reader needs to
 * see that only ciphertext crossed the wire.
 */
export function ledgerBody(canonicalBody: string): string {
  const body = JSON.parse(canonicalBody) as { instrument?: Record<string, unknown> };
  const { instrument } = body;
  if (!instrument) return canonicalBody;
  for (const member of ['encrypted', 'encryptedCvv']) {
    const jwe = instrument[member];
    if (typeof jwe === 'string') instrument[member] = `[jwe: ${jwe.split('.').length} parts, ${jwe.length} chars]`;
  }
  return canonicalize(body);
}
