import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { reduceLink, type LinkEffect, type LinkEvent, type LinkPhase } from '../../../src/card-frame/link.js';

type Row = [string, LinkPhase, LinkEvent, LinkPhase, LinkEffect['type'][]];

const rows: Row[] = [
  ['connecting arms the time to answer', 'connecting', { type: 'connected' }, 'connecting', ['arm']],
  ['a load offers the channel', 'connecting', { type: 'loaded', reachable: true }, 'connecting', ['offer']],
  ['a load of a URL without an http(s) origin offers nothing', 'connecting', { type: 'loaded', reachable: false }, 'connecting', []],
  ['the frame\'s ready opens the link', 'connecting', { type: 'ready' }, 'open', ['disarm']],
  ['no answer in time: unavailable, once', 'connecting', { type: 'timeout' }, 'failed', ['close', 'unavailable']],
  ['a load once open (the frame navigated) offers nothing: it no longer answers', 'open', { type: 'loaded', reachable: true }, 'open', []],
  ['a late timer once open changes nothing', 'open', { type: 'timeout' }, 'open', []],
  ['a second ready changes nothing', 'open', { type: 'ready' }, 'open', []],
  ['leaving the page closes the channel', 'open', { type: 'disconnected' }, 'open', ['disarm', 'close']],
  ['added again: it connects anew', 'open', { type: 'connected' }, 'connecting', ['arm']],
  ['failed stays failed: no second error', 'failed', { type: 'timeout' }, 'failed', []],
  ['failed ignores a late ready', 'failed', { type: 'ready' }, 'failed', []],
  ['failed ignores a load', 'failed', { type: 'loaded', reachable: true }, 'failed', []],
];

describe('the card frame link', () => {
  for (const [name, from, event, to, effects] of rows) {
    it(name, () => {
      const next = reduceLink(from, event);
      assert.equal(next.phase, to);
      assert.deepEqual(next.effects.map((e) => e.type), effects);
    });
  }
});
