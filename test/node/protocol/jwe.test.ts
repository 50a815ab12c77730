/**
 * JWE compact serialization, RSA-OAEP-256 + A256GCM (RFC 7516, RFC 7518). The interop cases
 * check the module against an independent implementation built from node:crypto (OpenSSL), in
 * both directions, so a mistake that encryptJwe and decryptJwe would share (the AAD, the tag
 * split, the OAEP hash) cannot pass unnoticed.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  constants,
  createCipheriv,
  createDecipheriv,
  generateKeyPairSync,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { JweProblem, decryptJwe, encryptJwe, readJweHeader } from '../../../src/protocol/jwe.js';

const subtle = globalThis.crypto.subtle;
const RSA_OAEP_256 = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;
const KID = 'enc_test';

/** One key pair made by OpenSSL (node:crypto), used through both APIs. */
let nodePublic: KeyObject;
let nodePrivate: KeyObject;
let publicJwk: JsonWebKey;
let privateKey: CryptoKey;
/** Another pair, made by WebCrypto: the wrong key for everything above. */
let otherPrivateKey: CryptoKey;

before(async () => {
  ({ publicKey: nodePublic, privateKey: nodePrivate } = generateKeyPairSync('rsa', { modulusLength: 2048 }));
  publicJwk = nodePublic.export({ format: 'jwk' }) as JsonWebKey;
  privateKey = await subtle.importKey('jwk', nodePrivate.export({ format: 'jwk' }) as JsonWebKey, RSA_OAEP_256, false, [
    'decrypt',
  ]);
  const other = await subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    false,
    ['encrypt', 'decrypt'],
  );
  otherPrivateKey = other.privateKey;
});

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const bytes = (value: string): Uint8Array => new TextEncoder().encode(value);
const b64u = (value: Uint8Array | string): string => Buffer.from(value).toString('base64url');
const unb64u = (value: string): Buffer => Buffer.from(value, 'base64url');

function encrypt(plaintext: string, kid = KID): Promise<string> {
  return encryptJwe(bytes(plaintext), { kid, jwk: publicJwk });
}

/** The compact JWE with part `index` replaced. */
function withPart(jwe: string, index: number, part: string): string {
  const parts = jwe.split('.');
  parts[index] = part;
  return parts.join('.');
}

/** The compact JWE with one bit of part `index` flipped (its length unchanged). */
function flipBit(jwe: string, index: number, byte = 0): string {
  const raw = unb64u(jwe.split('.')[index]!);
  raw[byte] = raw[byte]! ^ 0x01;
  return withPart(jwe, index, b64u(raw));
}

/** A header of our choice on an otherwise genuine JWE. */
function withHeader(jwe: string, header: object): string {
  return withPart(jwe, 0, b64u(JSON.stringify(header)));
}

/** Encrypts as RFC 7516 §5.1 says, with node:crypto only: the independent implementation. */
function nodeEncrypt(plaintext: string, header: object): string {
  const protectedText = b64u(JSON.stringify(header));
  const cek = randomBytes(32);
  const iv = randomBytes(12);
  const encryptedKey = publicEncrypt({ key: nodePublic, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, cek);
  const cipher = createCipheriv('aes-256-gcm', cek, iv);
  cipher.setAAD(Buffer.from(protectedText, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [protectedText, b64u(encryptedKey), b64u(iv), b64u(ciphertext), b64u(cipher.getAuthTag())].join('.');
}

/** Decrypts as RFC 7516 §5.2 says, with node:crypto only. Throws when anything does not check. */
function nodeDecrypt(jwe: string): { header: unknown; plaintext: string } {
  const [protectedText, encryptedKey, iv, ciphertext, tag] = jwe.split('.') as [string, string, string, string, string];
  const header = JSON.parse(unb64u(protectedText).toString('utf8')) as { alg: string; enc: string };
  assert.equal(header.alg, 'RSA-OAEP-256');
  assert.equal(header.enc, 'A256GCM');
  const cek = privateDecrypt({ key: nodePrivate, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, unb64u(encryptedKey));
  const decipher = createDecipheriv('aes-256-gcm', cek, unb64u(iv));
  decipher.setAAD(Buffer.from(protectedText, 'ascii'));
  decipher.setAuthTag(unb64u(tag));
  const plaintext = Buffer.concat([decipher.update(unb64u(ciphertext)), decipher.final()]).toString('utf8');
  return { header, plaintext };
}

describe('encryptJwe / decryptJwe', () => {
  it('round-trips, and reports the header it authenticated', async () => {
    for (const plaintext of ['{"number":"4242424242424242","cvv":"123"}', '', '银联 ✓ '.repeat(500)]) {
      const result = await decryptJwe(await encrypt(plaintext), privateKey);
      assert.ok(result.ok);
      assert.equal(text(result.plaintext), plaintext);
      assert.deepEqual(result.header, { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: KID });
    }
  });

  it('writes the compact form: five unpadded base64url parts, a header of exactly alg/enc/kid, a 12-byte IV, a 16-byte tag', async () => {
    const jwe = await encrypt('hello');
    const parts = jwe.split('.');
    assert.equal(parts.length, 5);
    for (const part of parts) assert.match(part, /^[A-Za-z0-9_-]+$/);
    assert.equal(unb64u(parts[0]!).toString('utf8'), '{"alg":"RSA-OAEP-256","enc":"A256GCM","kid":"enc_test"}');
    assert.deepEqual(Object.keys(JSON.parse(unb64u(parts[0]!).toString('utf8')) as object), ['alg', 'enc', 'kid']);
    assert.equal(unb64u(parts[1]!).length, 256, 'the CEK wrapped to a 2048-bit modulus');
    assert.equal(unb64u(parts[2]!).length, 12);
    assert.equal(unb64u(parts[3]!).length, 5, 'GCM ciphertext is as long as the plaintext');
    assert.equal(unb64u(parts[4]!).length, 16);
  });

  it('puts claims in the protected header after alg/enc/kid, authenticated, and never lets one replace those three', async () => {
    const jwe = await encryptJwe(bytes('x'), { kid: KID, jwk: publicJwk }, { claims: { oid: 'ord_1', amt: 12800, alg: 'none', kid: 'evil' } });
    assert.equal(unb64u(jwe.split('.')[0]!).toString('utf8'), '{"alg":"RSA-OAEP-256","enc":"A256GCM","kid":"enc_test","oid":"ord_1","amt":12800}');
    const result = await decryptJwe(jwe, privateKey);
    assert.ok(result.ok);
    assert.equal(result.header.oid, 'ord_1');
    assert.deepEqual(await decryptJwe(withHeader(jwe, { ...result.header, amt: 1 }), privateKey), { ok: false, reason: 'decrypt' });
  });

  it('uses a fresh CEK and IV every time', async () => {
    const [a, b] = [await encrypt('same'), await encrypt('same')];
    const [pa, pb] = [a.split('.'), b.split('.')];
    assert.equal(pa[0], pb[0]);
    for (const i of [1, 2, 3, 4]) assert.notEqual(pa[i], pb[i]);
  });

  it('uses only kty, n and e of the JWK, and refuses a key that is not RSA', async () => {
    const decorated = { ...publicJwk, alg: 'RSA-OAEP-256', use: 'enc', key_ops: ['wrapKey'], ext: false };
    const result = await decryptJwe(await encryptJwe(bytes('x'), { kid: KID, jwk: decorated }), privateKey);
    assert.equal(result.ok, true);
    await assert.rejects(encryptJwe(bytes('x'), { kid: KID, jwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' } }), TypeError);
    await assert.rejects(encryptJwe(bytes('x'), { kid: KID, jwk: { kty: 'RSA' } }), TypeError);
  });
});

describe('interop with node:crypto', () => {
  it('node:crypto (privateDecrypt + aes-256-gcm) decrypts what encryptJwe wrote', async () => {
    const plaintext = '{"number":"6212345678901265","expMonth":12,"expYear":2030,"cvv":"123","holderName":"张三"}';
    const { header, plaintext: decrypted } = nodeDecrypt(await encrypt(plaintext));
    assert.equal(decrypted, plaintext);
    assert.deepEqual(header, { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: KID });
  });

  it('decryptJwe decrypts a JWE assembled by hand with node:crypto', async () => {
    const plaintext = '{"number":"5555555555554444","expMonth":1,"expYear":2031}';
    // Member order and extra members are the sender's business: the AAD is the text as sent.
    const header = { kid: 'enc_other_order', enc: 'A256GCM', cty: 'card+json', alg: 'RSA-OAEP-256' };
    const result = await decryptJwe(nodeEncrypt(plaintext, header), privateKey);
    assert.ok(result.ok);
    assert.equal(text(result.plaintext), plaintext);
    assert.equal(result.header.kid, 'enc_other_order');
    assert.equal(result.header.cty, 'card+json');
    const empty = await decryptJwe(nodeEncrypt('', { alg: 'RSA-OAEP-256', enc: 'A256GCM' }), privateKey);
    assert.ok(empty.ok);
    assert.equal(empty.plaintext.length, 0);
    assert.equal(empty.header.kid, undefined);
  });
});

describe('decryptJwe refuses', () => {
  it('a changed ciphertext, tag, IV or wrapped key, as `decrypt`', async () => {
    const jwe = await encrypt('{"number":"4242424242424242"}');
    for (const [index, name] of [[3, 'ciphertext'], [4, 'tag'], [2, 'IV'], [1, 'wrapped CEK']] as const) {
      for (const byte of [0, 5, 11]) {
        const result = await decryptJwe(flipBit(jwe, index, byte), privateKey);
        assert.deepEqual(result, { ok: false, reason: JweProblem.Decrypt }, `${name}, byte ${byte}`);
      }
    }
  });

  it('a changed header: `decrypt` when it still parses (it is the AAD), `malformed` when not', async () => {
    const jwe = await encrypt('x');
    assert.deepEqual(await decryptJwe(withHeader(jwe, { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc_evil' }), privateKey), {
      ok: false,
      reason: 'decrypt',
    });
    // Same JSON, other bytes: whitespace.
    assert.equal(
      ((await decryptJwe(withPart(jwe, 0, b64u('{"alg":"RSA-OAEP-256", "enc":"A256GCM","kid":"enc_test"}')), privateKey)) as { reason: string })
        .reason,
      'decrypt',
    );
    // A header with its kid dropped.
    assert.equal(((await decryptJwe(withHeader(jwe, { alg: 'RSA-OAEP-256', enc: 'A256GCM' }), privateKey)) as { reason: string }).reason, 'decrypt');
    assert.deepEqual(await decryptJwe(flipBit(jwe, 0, 0), privateKey), { ok: false, reason: 'malformed' });
  });

  it('another alg or enc, zip or crit, as `unsupported`', async () => {
    const jwe = await encrypt('x');
    const headers = [
      { alg: 'RSA1_5', enc: 'A256GCM', kid: KID },
      { alg: 'RSA-OAEP', enc: 'A256GCM', kid: KID },
      { alg: 'dir', enc: 'A256GCM' },
      { alg: 'none', enc: 'A256GCM' },
      { alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256', kid: KID },
      { alg: 'RSA-OAEP-256', enc: 'A128GCM', kid: KID },
      { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: KID, zip: 'DEF' },
      { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: KID, crit: ['exp'], exp: 1 },
    ];
    for (const header of headers) {
      assert.deepEqual(await decryptJwe(withHeader(jwe, header), privateKey), { ok: false, reason: 'unsupported' }, JSON.stringify(header));
      assert.deepEqual(readJweHeader(withHeader(jwe, header)), { ok: false, reason: 'unsupported' });
    }
    // An A128CBC-HS256 JWE has a 16-byte IV: still `unsupported`, the header is read first.
    const cbc = withPart(withHeader(jwe, { alg: 'RSA-OAEP-256', enc: 'A128CBC-HS256' }), 2, b64u(randomBytes(16)));
    assert.deepEqual(await decryptJwe(cbc, privateKey), { ok: false, reason: 'unsupported' });
  });

  it('anything that is not five well-formed parts, as `malformed`', async () => {
    const jwe = await encrypt('x');
    const parts = jwe.split('.');
    const cases: Record<string, unknown> = {
      empty: '',
      'four parts': parts.slice(0, 4).join('.'),
      'six parts': [...parts, parts[4]].join('.'),
      'JWS-looking': parts.slice(0, 3).join('.'),
      'bad base64url': withPart(jwe, 3, `${parts[3]!.slice(1)}*`),
      'standard base64': withPart(jwe, 1, Buffer.from(unb64u(parts[1]!)).toString('base64')),
      padded: withPart(jwe, 2, `${parts[2]}=`),
      // 4n+1 characters cannot be base64 of anything.
      'impossible length': withPart(jwe, 3, 'AAAAA'),
      'header not JSON': withPart(jwe, 0, b64u('alg=RSA-OAEP-256')),
      'header not UTF-8': withPart(jwe, 0, b64u(Buffer.from([0xff, 0xfe, 0x7b, 0x7d]))),
      'header an array': withHeader(jwe, ['RSA-OAEP-256', 'A256GCM']),
      'header null': withPart(jwe, 0, b64u('null')),
      'header without enc': withHeader(jwe, { alg: 'RSA-OAEP-256' }),
      'alg not a string': withHeader(jwe, { alg: 1, enc: 'A256GCM' }),
      'kid not a string': withHeader(jwe, { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 7 }),
      'empty header': withPart(jwe, 0, ''),
      'no wrapped CEK': withPart(jwe, 1, ''),
      'IV of 16 bytes': withPart(jwe, 2, b64u(randomBytes(16))),
      'tag of 15 bytes': withPart(jwe, 4, b64u(unb64u(parts[4]!).subarray(1))),
      'no tag': withPart(jwe, 4, ''),
      'not a string': 42,
      undefined: undefined,
    };
    for (const [name, value] of Object.entries(cases)) {
      assert.deepEqual(await decryptJwe(value as string, privateKey), { ok: false, reason: 'malformed' }, name);
    }
  });

  it('a JWE for another key, as `decrypt`, and never throws on an unusable key', async () => {
    const jwe = await encrypt('x');
    assert.deepEqual(await decryptJwe(jwe, otherPrivateKey), { ok: false, reason: 'decrypt' });
    const hmac = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    assert.deepEqual(await decryptJwe(jwe, hmac), { ok: false, reason: 'decrypt' });
    const publicOnly = await subtle.importKey('jwk', publicJwk, RSA_OAEP_256, false, ['encrypt']);
    assert.deepEqual(await decryptJwe(jwe, publicOnly), { ok: false, reason: 'decrypt' });
  });
});

describe('readJweHeader', () => {
  it('reads the header without decrypting', async () => {
    const jwe = await encrypt('x', 'enc_abc');
    assert.deepEqual(readJweHeader(jwe), { ok: true, header: { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc_abc' } });
    assert.deepEqual(readJweHeader('a.b.c'), { ok: false, reason: 'malformed' });
  });
});
