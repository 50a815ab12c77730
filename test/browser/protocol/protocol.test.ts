import { expect } from '@open-wc/testing';
import { canonicalize } from '../../../src/protocol/canonical-json.js';
import { hmacSha256 } from '../../../src/protocol/signature.js';

/** The same vectors the Node tests read, fetched from the test server. */
async function vector<T>(name: string): Promise<T> {
  return (await (await fetch(`/test/vectors/${name}`)).json()) as T;
}

const hex = (text: string): Uint8Array => new Uint8Array(text.match(/../g)!.map((byte) => parseInt(byte, 16)));
const toHex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

describe('protocol in this browser', () => {
  it('canonicalizes the RFC 8785 examples and numbers', async () => {
    const v = await vector<{
      documents: { input: string; expected: string }[];
      numbers: { bits: string; expected: string }[];
    }>('canonical-json.json');
    for (const { input, expected } of v.documents) expect(canonicalize(JSON.parse(input))).to.equal(expected);
    for (const { bits, expected } of v.numbers) {
      const view = new DataView(new ArrayBuffer(8));
      view.setBigUint64(0, BigInt(`0x${bits}`));
      expect(canonicalize(view.getFloat64(0)), bits).to.equal(expected);
    }
  });

  it('computes HMAC-SHA256 as RFC 4231 says, through this browser’s WebCrypto', async () => {
    const { cases } = await vector<{ cases: { key: string; data: string; mac: string; truncate?: number }[] }>(
      'hmac-sha256.json',
    );
    for (const c of cases) {
      const mac = await hmacSha256(hex(c.key), hex(c.data));
      expect(toHex(mac.slice(0, c.truncate ?? 32))).to.equal(c.mac);
    }
  });
});
