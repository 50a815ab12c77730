/**
 * The keystroke figure's method (bench/keystroke-trace.mjs): which main-thread tasks a key is
 * charged with, on a made-up trace; and, in Chromium, that a 2 ms busy key listener shows up
 * in it while a plain <input> stays small.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../chromium.js';
// @ts-expect-error: a plain .mjs of the bench, typed by its JSDoc only
import { keystrokeCosts, traceTyping, UNTIMED_END, UNTIMED_START } from '../../../bench/keystroke-trace.mjs';

type KeyCost = { ms: number; wallMs: number; inputMs: number; frameMs: number; tasks: number };
type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; args?: object };

const PID = 7;
const MAIN = 1;

/** A made-up renderer main thread: tasks (start and wall length in ms, CPU = half) with what runs inside. */
function thread(tasks: [number, number, ...[string, object?][]][], marks: [number, string][] = []): TraceEvent[] {
  const at = (ms: number) => Math.round(ms * 1000);
  const events: TraceEvent[] = [
    { name: 'thread_name', ph: 'M', ts: 0, pid: PID, tid: MAIN, args: { name: 'CrRendererMain' } },
    { name: 'thread_name', ph: 'M', ts: 0, pid: PID, tid: 2, args: { name: 'Compositor' } },
  ];
  for (const [start, length, ...inside] of tasks) {
    events.push({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts: at(start), dur: at(length), tdur: at(length / 2), pid: PID, tid: MAIN });
    inside.forEach(([name, data], i) =>
      events.push({ name, ph: name.startsWith('Request') || name.startsWith('Timer') ? 'I' : 'X', ts: at(start) + i + 1, dur: 1, tdur: 1, pid: PID, tid: MAIN, args: { data } }),
    );
  }
  for (const [ts, name] of marks) events.push({ name, ph: 'R', ts: at(ts), pid: PID, tid: MAIN });
  // A compositor task that overlaps everything: another thread, never counted.
  events.push({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts: 0, dur: at(1000), tdur: at(1000), pid: PID, tid: 2 });
  return events;
}

const keydown: [string, object] = ['EventDispatch', { type: 'keydown' }];

describe('bench: the main-thread time of a keystroke', () => {
  it('charges a key with its input tasks, its next frame and what they scheduled, and nothing else', () => {
    const costs = keystrokeCosts(
      thread([
        [10, 2, keydown, ['EventDispatch', { type: 'keypress' }], ['EventDispatch', { type: 'input' }], ['RequestIdleCallback', { id: 1 }]],
        [13, 1, ['EventDispatch', { type: 'keyup' }], ['TimerInstall', { timerId: 5 }]],
        [15, 8], // nothing of the key's: not counted
        [24, 4, ['FireAnimationFrame', { id: 9 }], ['PrePaint'], ['Paint'], ['Commit']], // the frame, less the bench's rAF
        [29, 6, ['PrePaint'], ['Paint']], // a later frame: not the key's
        [36, 0.5, ['FireIdleCallback', { id: 1 }]],
        [37, 0.5, ['TimerFire', { timerId: 5 }]],
        [38, 3, ['TimerFire', { timerId: 6 }]], // someone else's timer
        [40, 1, ['RequestAnimationFrame', { id: 9 }]], // the bench's wait (its DevTools message)
        [42, 3, keydown],
        [46, 2, ['PrePaint'], ['Commit']],
      ]),
    ) as KeyCost[];
    assert.equal(costs.length, 2);
    // Wall: 2 + 1 + (4 − 0.001 for the bench's rAF) + 0.5 + 0.5; CPU is half of each task.
    assert.equal(costs[0].tasks, 5);
    assert.ok(Math.abs(costs[0].wallMs - 7.999) < 1e-9, `wall ${costs[0].wallMs}`);
    assert.ok(Math.abs(costs[0].frameMs - 1.999) < 1e-9, `frame ${costs[0].frameMs}`);
    assert.ok(Math.abs(costs[0].inputMs - 2) < 1e-9, `input ${costs[0].inputMs}`);
    assert.ok(Math.abs(costs[0].ms - 3.999) < 1e-9, `cpu ${costs[0].ms}`);
    assert.equal(costs[1].tasks, 2);
    assert.equal(costs[1].wallMs, 5);
  });

  it('skips the keys between the untimed marks, and ends a key where they start', () => {
    const costs = keystrokeCosts(
      thread(
        [
          [10, 1, keydown],
          [12, 1, ['Paint']],
          [20, 5, keydown], // Ctrl+A: untimed
          [26, 5, ['Paint']],
          [40, 2, keydown],
        ],
        [
          [15, UNTIMED_START],
          [35, UNTIMED_END],
        ],
      ),
    ) as KeyCost[];
    assert.deepEqual(
      costs.map((c) => c.wallMs),
      [2, 2],
    );
  });

  it('refuses a trace without a keydown on a renderer main thread', () => {
    assert.throws(() => keystrokeCosts(thread([[10, 1, ['Paint']]])), /no keydown/);
  });
});

describe('bench: the keystroke figure in Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  /** Least wall time and p50 of CPU time over `keys` keys into a plain input, with a key listener spinning `busyMs`. */
  async function typeInto(busyMs: number, keys = 32): Promise<{ leastWall: number; cpu: number }> {
    const page = await browser.newPage();
    try {
      // A script in the page, not a function handed to page.evaluate: tsx would wrap it in helpers the page lacks.
      await page.setContent(`<input id="field" inputmode="numeric"><script>
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        const paint = () => new Promise((resolve) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(null);
        });
        window.bench = {
          async painted(mark) { await frame(); await paint(); if (mark) performance.mark(mark); },
          mark: (name) => performance.mark(name),
        };
        const field = document.getElementById('field');
        if (${busyMs} > 0) {
          field.addEventListener('keydown', () => {
            const until = performance.now() + ${busyMs};
            while (performance.now() < until);
          });
        }
        field.focus();
      </script>`);
      const costs = (await traceTyping(page, ['4242424242424242'], keys)) as KeyCost[];
      assert.equal(costs.length, keys);
      const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
      return { leastWall: Math.min(...costs.map((c) => c.wallMs)), cpu: p50(costs.map((c) => c.ms)) };
    } finally {
      await page.close();
    }
  }

  it('sees a 2 ms busy key listener, and little in a plain <input>', async () => {
    const plain = await typeInto(0);
    const busy = await typeInto(2);
    // The listener spins 2 ms of wall clock inside the keydown task: every key must hold it.
    assert.ok(busy.leastWall >= 2, `least wall time of a key with the busy listener: ${busy.leastWall} ms`);
    // Its CPU time is what the OS left the thread of those 2 ms: less on a loaded machine.
    assert.ok(busy.cpu - plain.cpu >= 0.5, `CPU p50: plain ${plain.cpu} ms, busy ${busy.cpu} ms`);
    assert.ok(plain.cpu > 0 && plain.cpu < 8, `a plain <input> costs ${plain.cpu} ms of CPU a key`);
  });
});
