/**
 * The card keys a frame seals to. A script of the host page could post the frame a key of its
 * own and read the card from the JWE; so the frame page names the thumbprints (RFC 7638, SHA-256)
 * of the card platform's keys, and the frame seals to no other.
 */
import { toBase64Url } from '../protocol/base64url.js';

/** The RFC 7638 thumbprint of an RSA public key: SHA-256 over its required members, in lexical order. */
export async function rsaThumbprint({ e, n }: { e: string; n: string }, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<string> {
  const canonical = JSON.stringify({ e, kty: 'RSA', n });
  return toBase64Url(new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(canonical))));
}

/** Whether `key` is one of `pinned` (thumbprints); an empty list pins nothing, so nothing is sealed. */
export async function isPinnedKey(key: { e: string; n: string }, pinned: readonly string[], subtle?: SubtleCrypto): Promise<boolean> {
  return pinned.length > 0 && pinned.includes(await rsaThumbprint(key, subtle));
}
