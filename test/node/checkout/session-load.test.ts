import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SessionLoad } from '../../../src/checkout/effects/session-load.js';

describe('session load (call id and abort, as @lit/task)', () => {
  it('the latest call is current, and its request is not aborted', () => {
    const call = new SessionLoad().start();
    assert.equal(call.current(), true);
    assert.equal(call.signal.aborted, false);
  });

  it('a newer call aborts the one under way, which is no longer current', () => {
    const task = new SessionLoad();
    const first = task.start();
    const second = task.start();
    assert.deepEqual([first.signal.aborted, first.current()], [true, false]);
    assert.deepEqual([second.signal.aborted, second.current()], [false, true]);
  });

  it('cancel() aborts the call and leaves none current (a new session was set)', () => {
    const task = new SessionLoad();
    const call = task.start();
    task.cancel();
    assert.deepEqual([call.signal.aborted, call.current()], [true, false]);
  });
});
