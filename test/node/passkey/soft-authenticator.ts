/**
 * A software WebAuthn authenticator for Node tests: a real P-256 key made with WebCrypto, and
 * the bytes a platform authenticator and a browser would produce (CBOR attestation object with
 * `none` attestation, authenticator data, client data, a DER ECDSA signature), so the reference
 * backend's real @simplewebauthn/server verifies them as it would a phone's.
 */
import { createHash, webcrypto } from 'node:crypto';
import { fromBase64Url, toBase64Url } from '../../../src/protocol/base64url.js';

const subtle = webcrypto.subtle;

/** Minimal CBOR (RFC 8949) for what WebAuthn needs: unsigned/negative ints, byte and text strings, maps. */
type Cbor = number | string | Uint8Array | Map<Cbor, Cbor>;
function head(major: number, n: number): number[] {
  if (n < 24) return [(major << 5) | n];
  if (n < 0x100) return [(major << 5) | 24, n];
  if (n < 0x10000) return [(major << 5) | 25, n >> 8, n & 0xff];
  return [(major << 5) | 26, (n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}
function cbor(value: Cbor): number[] {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value);
    return [...head(3, bytes.length), ...bytes];
  }
  if (value instanceof Uint8Array) return [...head(2, value.length), ...value];
  const out = head(5, value.size);
  for (const [k, v] of value) out.push(...cbor(k), ...cbor(v));
  return out;
}

const sha256 = (bytes: Uint8Array | string): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());

/** A raw (r||s) ECDSA signature as the DER sequence WebAuthn carries. */
function toDer(raw: Uint8Array): Uint8Array {
  const int = (bytes: Uint8Array): number[] => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    const trimmed = [...bytes.subarray(i)];
    if (trimmed[0]! & 0x80) trimmed.unshift(0);
    return [0x02, trimmed.length, ...trimmed];
  };
  const body = [...int(raw.subarray(0, 32)), ...int(raw.subarray(32))];
  return new Uint8Array([0x30, body.length, ...body]);
}

export interface SoftOptions {
  origin: string;
  rpId: string;
  /** The UV flag the authenticator sets (a fingerprint checked). */
  userVerified?: boolean;
}

export class SoftAuthenticator {
  private keys: CryptoKeyPair | undefined;
  readonly credentialId = webcrypto.getRandomValues(new Uint8Array(32));
  counter = 0;

  constructor(private readonly options: SoftOptions) {}

  private clientData(type: string, challenge: string, origin = this.options.origin): Uint8Array {
    return new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  private flags(attested: boolean): number {
    // UP (0x01), UV (0x04), AT (0x40)
    return 0x01 | (this.options.userVerified === false ? 0 : 0x04) | (attested ? 0x40 : 0);
  }

  private authData(rpId: string, attested: Uint8Array | undefined): Uint8Array {
    const count = [(this.counter >>> 24) & 0xff, (this.counter >> 16) & 0xff, (this.counter >> 8) & 0xff, this.counter & 0xff];
    return new Uint8Array([...sha256(rpId), this.flags(!!attested), ...count, ...(attested ?? [])]);
  }

  /** What `navigator.credentials.create` would answer, in JSON form. */
  async create(options: { challenge: string; rp: { id: string } }): Promise<Record<string, unknown>> {
    this.keys = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    const jwk = await subtle.exportKey('jwk', this.keys.publicKey);
    const cose = new Map<Cbor, Cbor>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, fromBase64Url(jwk.x!)!],
      [-3, fromBase64Url(jwk.y!)!],
    ]);
    const id = this.credentialId;
    const attested = new Uint8Array([...new Uint8Array(16), id.length >> 8, id.length & 0xff, ...id, ...cbor(cose)]);
    const authData = this.authData(options.rp.id, attested);
    const attestationObject = new Uint8Array(cbor(new Map<Cbor, Cbor>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]])));
    return {
      id: toBase64Url(id),
      rawId: toBase64Url(id),
      type: 'public-key',
      response: { clientDataJSON: toBase64Url(this.clientData('webauthn.create', options.challenge)), attestationObject: toBase64Url(attestationObject), transports: ['internal'] },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /** What `navigator.credentials.get` would answer, in JSON form; `origin` as a phishing page would have it. */
  async get(options: { challenge: string; rpId: string }, { origin, counter }: { origin?: string; counter?: number } = {}): Promise<Record<string, unknown>> {
    if (!this.keys) throw new Error('create first');
    this.counter = counter ?? this.counter + 1;
    const authData = this.authData(options.rpId, undefined);
    const clientData = this.clientData('webauthn.get', options.challenge, origin);
    const signed = new Uint8Array([...authData, ...sha256(clientData)]);
    const raw = new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.keys.privateKey, signed));
    return {
      id: toBase64Url(this.credentialId),
      rawId: toBase64Url(this.credentialId),
      type: 'public-key',
      response: { clientDataJSON: toBase64Url(clientData), authenticatorData: toBase64Url(authData), signature: toBase64Url(toDer(raw)) },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}
