import { expect } from '@open-wc/testing';
import { canonicalize } from '../../../src/protocol/canonical-json.js';
import { hmacSha256 } from '../../../src/protocol/signature.js';

/** The same vectors the Node tests read, fetched from the test server. */
async function vector<T>(name: string): Promise<T> {
  return (await (await fetch(`/test/vectors/${name}`)).json()) as T;
}

const hex = (text: string): Uint8Array => new Uint8Array(text.match(/../g)!.map((byte) => parseInt(byte, 16)));
const toHex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

type CanonicalVectors = { documents: { input: string; expected: string }[]; numbers: { bits: string; expected: string }[] };

/** The vector's number, from its exact bits. */
function fromBits(bits: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${bits}`));
  return view.getFloat64(0);
}

/** Subnormal: exponent bits all zero, mantissa not. */
const subnormal = (bits: string): boolean => (BigInt(`0x${bits}`) & 0x7fffffffffffffffn) > 0n && (BigInt(`0x${bits}`) & 0x7ff0000000000000n) === 0n;

describe('protocol in this browser', () => {
  it('canonicalizes the RFC 8785 examples and numbers', async () => {
    const v = await vector<CanonicalVectors>('canonical-json.json');
    for (const { input, expected } of v.documents) expect(canonicalize(JSON.parse(input))).to.equal(expected);
    for (const { bits, expected } of v.numbers.filter((n) => !subnormal(n.bits))) {
      expect(canonicalize(fromBits(bits)), bits).to.equal(expected);
    }
  });

  it('canonicalizes subnormal numbers', async function () {
    // WebKitGTK's web process under Xvfb sometimes runs with the CPU's denormals-are-zero flag
    // set by something in that process (seen only after other files' tests ran): then the engine
    // itself reads 5e-324 as 0 (Number.MIN_VALUE > 0 is false) and no serializer can print
    // what the engine no longer holds. Skipped there, and counted as skipped; Node checks the
    // same vectors on every run. Amounts are integers, so a payer's intent never holds one.
    if (!(Number.MIN_VALUE > 0)) this.skip();
    const v = await vector<CanonicalVectors>('canonical-json.json');
    const subnormals = v.numbers.filter((n) => subnormal(n.bits));
    expect(subnormals.length).to.be.greaterThan(0);
    for (const { bits, expected } of subnormals) expect(canonicalize(fromBits(bits)), bits).to.equal(expected);
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
