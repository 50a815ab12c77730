// The main-thread time each keystroke costs, read from a Chromium trace (CDP Tracing, the
// `toplevel` and `devtools.timeline` categories). bench/run.mjs types into a field while
// tracing; `keystrokeCosts` then sums, for each keystroke, the renderer main thread's
// top-level tasks (RunTask) that the keystroke causes:
//
//   input   every task that dispatches one of the key's events (keydown, keypress, textInput,
//           beforeinput, input, keyup, selectionchange), with all it runs: listeners, the
//           browser's editing, forced style and layout, and the microtasks at its end, where
//           Lit's updates run;
//   frame   the first task after the keydown task that renders a frame (animation frame
//           callbacks, style, layout, pre-paint, paint, layerize, commit), less the animation
//           frame callbacks requested by tasks that are not the key's (the bench's own wait);
//   caused  timer and idle callbacks requested from one of those tasks.
//
// Everything else on the thread is left out: idle time, the bench's CDP calls (DevTools
// session messages), and tasks nothing of the key's requested.
//
// A key's `ms` is those tasks' thread CPU time (the trace's `tdur`): the time the main thread
// spent running them. `wallMs` is their wall time, what the DevTools Performance panel draws;
// it also holds the time the OS ran other processes while a task was on the thread (on a
// loaded 2-core machine about as much again) and the commit's wait for the compositor thread.
// CPU throttling (CDP) slows the thread's own running, so it shows in both.

// What bench/run.mjs asks Chromium to record: `toplevel` gives the tasks, `devtools.timeline`
// what runs in them. (Its disabled-by-default twin adds instrumentation of its own: stack
// traces, layer dumps.) A leaner trace (toplevel, input, cc) gave the same figures within noise.
export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing'];

/** User timing marks around keys that are not timed (emptying the field between numbers). */
export const UNTIMED_START = 'shouyin-bench:untimed-start';
export const UNTIMED_END = 'shouyin-bench:untimed-end';

const KEY_EVENTS = new Set(['keydown', 'keypress', 'textInput', 'beforeinput', 'input', 'keyup', 'selectionchange']);
const FRAME_EVENTS = new Set(['PrePaint', 'Paint', 'Layerize', 'Commit', 'FireAnimationFrame']);
/** The only events `keystrokeCosts` reads; the rest is dropped as it arrives. */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const KEPT = new Set([
  ...TASKS,
  'EventDispatch',
  ...FRAME_EVENTS,
  'RequestAnimationFrame',
  'TimerInstall',
  'TimerFire',
  'RequestIdleCallback',
  'FireIdleCallback',
  'thread_name',
  UNTIMED_START,
  UNTIMED_END,
]);

/**
 * Starts tracing on `cdp`; `stop()` resolves with the (filtered) events. Rejects when Chromium
 * reports lost events, since a keystroke could then be missing tasks.
 * @param {import('playwright-core').CDPSession} cdp
 */
export async function startTrace(cdp) {
  /** @type {any[]} */
  const events = [];
  const onData = (/** @type {{ value: any[] }} */ { value }) => {
    for (const event of value) if (KEPT.has(event.name)) events.push(event);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      const { dataLossOccurred } = /** @type {{ dataLossOccurred?: boolean }} */ (await complete);
      cdp.off('Tracing.dataCollected', onData);
      if (dataLossOccurred) throw new Error('keystroke: the trace buffer overflowed; trace fewer keys at a time');
      return events;
    },
  };
}

/**
 * @typedef {{ ms: number, wallMs: number, inputMs: number, frameMs: number, tasks: number }} KeyCost
 * @typedef {{ ts: number, end: number, dur: number, tdur: number, types: Set<string>, renders: boolean,
 *   requests: string[], callbacks: string[], rafs: { id: number, dur: number, tdur: number }[], counted?: boolean }} Task
 */

/**
 * Per keystroke (each keydown outside the untimed marks, in order), the main-thread time it
 * costs. Reads the renderer main thread that dispatched the most keydowns.
 * @param {any[]} events trace events (as `startTrace` returns them)
 * @returns {KeyCost[]}
 */
export function keystrokeCosts(events) {
  const main = mainThreadEvents(events);
  const tasks = topLevelTasks(main);
  const untimed = untimedSpans(main);
  const isUntimed = (/** @type {number} */ ts) => untimed.some(([from, to]) => ts >= from && ts <= to);
  const keydowns = tasks.filter((task) => task.types.has('keydown') && !isUntimed(task.ts));
  const rafRequested = new Map(); // animation frame id → the task that requested it

  for (const task of tasks) for (const id of task.requests) if (id.startsWith('raf:')) rafRequested.set(id, task);

  return keydowns.map((keydown, i) => {
    const next = keydowns[i + 1]?.ts ?? Infinity;
    const untimedAfter = untimed.find(([from]) => from > keydown.ts)?.[0] ?? Infinity;
    const until = Math.min(next, untimedAfter);
    const window = tasks.filter((task) => task.ts >= keydown.ts && task.ts < until);
    let inputMs = 0;
    let frameMs = 0;
    let wallMs = 0;
    let count = 0;
    /** @type {Set<string>} */
    const requested = new Set();
    /** Counts `task` (less `less` µs of wall and CPU time); returns its CPU time in ms. */
    const take = (/** @type {Task} */ task, less = { dur: 0, tdur: 0 }) => {
      task.counted = true;
      for (const id of task.requests) requested.add(id);
      wallMs += (task.dur - less.dur) / 1000;
      count++;
      return (task.tdur - less.tdur) / 1000;
    };
    for (const task of window) {
      if ([...task.types].some((type) => KEY_EVENTS.has(type))) inputMs += take(task);
    }
    const frame = window.find((task) => task.renders && task.ts >= keydown.end);
    if (frame) {
      // Animation frame callbacks that none of the key's tasks asked for are the bench's own.
      const foreign = frame.rafs.filter((raf) => !rafRequested.get(`raf:${raf.id}`)?.counted);
      frameMs += take(frame, {
        dur: foreign.reduce((sum, raf) => sum + raf.dur, 0),
        tdur: foreign.reduce((sum, raf) => sum + raf.tdur, 0),
      });
    }
    for (const task of window) {
      if (!task.counted && task.callbacks.some((id) => requested.has(id))) inputMs += take(task);
    }
    for (const task of window) task.counted = false;
    return { ms: inputMs + frameMs, wallMs, inputMs, frameMs, tasks: count };
  });
}

/**
 * Types `numbers` digit by digit into the focused field while Chromium traces, until `keys`
 * keys are typed, and returns each key's cost. After each key it waits until the next frame
 * is painted (`bench.painted()` on the page), so no two keys share a frame; between numbers
 * it empties the field (select all, Backspace) inside the untimed marks (`bench.mark`).
 * @param {import('playwright-core').Page} page @param {string[]} numbers @param {number} keys
 * @returns {Promise<KeyCost[]>}
 */
export async function traceTyping(page, numbers, keys) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const trace = await startTrace(cdp);
    let count = 0;
    for (let n = 0; count < keys; n++) {
      for (const digit of numbers[n % numbers.length]) {
        if (count >= keys) break;
        await page.keyboard.press(digit);
        await page.evaluate(() => globalThis.bench.painted());
        count++;
      }
      await page.evaluate((mark) => globalThis.bench.mark(mark), UNTIMED_START);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      await page.evaluate((mark) => globalThis.bench.painted(mark), UNTIMED_END);
    }
    const costs = keystrokeCosts(await trace.stop());
    if (costs.length !== count) throw new Error(`keystroke: typed ${count} keys, the trace shows ${costs.length} keydowns`);
    return costs;
  } finally {
    await cdp.detach();
  }
}

/** The events of the renderer main thread that dispatched the most keydowns, by start time. */
function mainThreadEvents(/** @type {any[]} */ events) {
  const threads = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
  }
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.name === 'EventDispatch' && e.args?.data?.type === 'keydown' && threads.has(key)) threads.set(key, threads.get(key) + 1);
  }
  const [best] = [...threads.entries()].sort((a, b) => b[1] - a[1]);
  if (!best || best[1] === 0) throw new Error('keystroke: the trace holds no keydown on a renderer main thread');
  return events
    .filter((e) => `${e.pid}:${e.tid}` === best[0] && e.ph !== 'M')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
}

/** [start, end] of each span between the untimed marks. */
function untimedSpans(/** @type {any[]} */ main) {
  /** @type {[number, number][]} */
  const spans = [];
  let from = null;
  for (const e of main) {
    if (e.name === UNTIMED_START) from = e.ts;
    else if (e.name === UNTIMED_END && from !== null) {
      spans.push([from, e.ts]);
      from = null;
    }
  }
  if (from !== null) spans.push([from, Infinity]);
  return spans;
}

/** The thread's outermost RunTask events, each with what ran inside it. */
function topLevelTasks(/** @type {any[]} */ main) {
  /** @type {Task[]} */
  const tasks = [];
  /** @type {Task | undefined} */
  let current;
  for (const e of main) {
    if (TASKS.has(e.name) && e.ph === 'X') {
      if (current && e.ts < current.end) continue; // a nested run loop's task: inside `current`
      current = {
        ts: e.ts,
        end: e.ts + e.dur,
        dur: e.dur,
        tdur: e.tdur ?? e.dur,
        types: new Set(),
        renders: false,
        requests: [],
        callbacks: [],
        rafs: [],
      };
      tasks.push(current);
      continue;
    }
    if (!current || e.ts > current.end) continue;
    const data = e.args?.data ?? {};
    if (e.name === 'EventDispatch') current.types.add(data.type);
    if (FRAME_EVENTS.has(e.name)) current.renders = true;
    if (e.name === 'FireAnimationFrame') current.rafs.push({ id: data.id, dur: e.dur ?? 0, tdur: e.tdur ?? e.dur ?? 0 });
    if (e.name === 'RequestAnimationFrame') current.requests.push(`raf:${data.id}`);
    if (e.name === 'TimerInstall') current.requests.push(`timer:${data.timerId}`);
    if (e.name === 'TimerFire') current.callbacks.push(`timer:${data.timerId}`);
    if (e.name === 'RequestIdleCallback') current.requests.push(`idle:${data.id}`);
    if (e.name === 'FireIdleCallback') current.callbacks.push(`idle:${data.id}`);
  }
  return tasks;
}
