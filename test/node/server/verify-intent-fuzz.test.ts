import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzVerifyIntent } from './intent-fuzz.js';

describe('verifyIntent under 10,000 seeded mutations of signed intents', () => {
  it('accepts nothing whose meaning differs from what the MAC covered', async () => {
    const figures = await fuzzVerifyIntent({ count: 10_000, seed: 20261122 });
    console.log(`tried ${figures.tried}, accepted ${figures.accepted}, accepted-with-changed-meaning ${figures.acceptedWithChangedMeaning}`);
    assert.equal(figures.tried, 10_000);
    assert.deepEqual(figures.examples, []);
    assert.equal(figures.acceptedWithChangedMeaning, 0);
    // The mutations are not all refused: unmutated intents and harmless header changes still pass.
    assert.ok(figures.accepted > 0);
  });
});
