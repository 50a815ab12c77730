import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryJweIdStore } from '../../../src/server/index.js';

describe('MemoryJweIdStore', () => {
  it('takes an id once until it expires, then again', () => {
    let now = 1_000_000;
    const store = new MemoryJweIdStore(() => now);
    assert.equal(store.useOnce('ses.a', now + 600_000), true);
    assert.equal(store.useOnce('ses.a', now + 600_000), false);
    assert.equal(store.useOnce('ses.b', now + 600_000), true, 'another id');
    now += 600_000;
    assert.equal(store.useOnce('ses.a', now + 600_000), false, 'still refused at its last moment');
    now += 1;
    assert.equal(store.useOnce('ses.a', now + 600_000), true, 'free once it could no longer verify');
  });

  it('forgets expired ids, so it holds only the last minutes of them', () => {
    let now = 0;
    const store = new MemoryJweIdStore(() => now);
    for (let i = 0; i < 1000; i++) {
      now += 1000;
      store.useOnce(`ses.${i}`, now + 10_000);
    }
    // Ten seconds' worth, give or take the second between sweeps.
    assert.ok(store.size <= 12, `holds ${store.size}`);
    now += 20_000;
    store.useOnce('ses.last', now + 10_000);
    assert.equal(store.size, 1);
  });
});
