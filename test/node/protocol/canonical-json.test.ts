import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalize } from '../../../src/protocol/canonical-json.js';
import { readVector } from '../helpers.js';

interface Vectors {
  documents: { name: string; input: string; expected: string }[];
  numbers: { bits: string; expected: string }[];
  invalidNumbers: string[];
}
const vectors = readVector<Vectors>('canonical-json.json');

function fromBits(bits: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${bits}`));
  return view.getFloat64(0);
}

describe('canonical JSON (RFC 8785)', () => {
  for (const { name, input, expected } of vectors.documents) {
    it(`canonicalizes the ${name} example`, () => {
      assert.equal(canonicalize(JSON.parse(input)), expected);
    });
  }

  for (const { bits, expected } of vectors.numbers) {
    it(`prints the IEEE 754 value 0x${bits} as ${expected}`, () => {
      assert.equal(canonicalize(fromBits(bits)), expected);
    });
  }

  for (const bits of vectors.invalidNumbers) {
    it(`refuses the non-finite value 0x${bits}`, () => {
      assert.throws(() => canonicalize(fromBits(bits)), TypeError);
    });
  }

  it('gives the same text whatever the member order', () => {
    assert.equal(canonicalize({ b: 1, a: { d: [1, 'x'], c: null } }), canonicalize({ a: { c: null, d: [1, 'x'] }, b: 1 }));
  });

  it('leaves out undefined members but refuses undefined in arrays and lone surrogates', () => {
    assert.equal(canonicalize({ a: undefined, b: 2 }), '{"b":2}');
    assert.throws(() => canonicalize([undefined]), TypeError);
    assert.throws(() => canonicalize({ s: '\ud800' }), TypeError);
    assert.throws(() => canonicalize(() => 1), TypeError);
  });
});
