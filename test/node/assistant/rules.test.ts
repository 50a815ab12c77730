import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assist, initialAssistant, type AssistantEvent, type AssistantOptions } from '../../../src/assistant/rules.js';

const options: AssistantOptions = { hintDelay: 20_000, slowAfter: 5_000 };

/** Runs the events from a fresh session at t=0; each row says what was offered (`code:topic`), in order, and when it wants the next tick. */
function run(events: AssistantEvent[], o = options): { offered: string[]; shown: string | null; wakeAt: number | null } {
  let state = initialAssistant(0);
  let wakeAt: number | null = null;
  const offered: string[] = [];
  for (const event of events) {
    const step = assist(state, event, o);
    state = step.state;
    wakeAt = step.wakeAt;
    if (step.hint) offered.push(step.hint.topic ? `${step.hint.code}:${step.hint.topic}` : step.hint.code);
  }
  const { shown } = state;
  return { offered, shown: shown && (shown.topic ? `${shown.code}:${shown.topic}` : shown.code), wakeAt };
}

const focus = (at: number, field: string): AssistantEvent => ({ type: 'focus', at, field });
const tick = (at: number): AssistantEvent => ({ type: 'tick', at });
const step = (at: number, missing: string | null): AssistantEvent => ({ type: 'step', at, missing });
const channel = (at: number, id: string): AssistantEvent => ({ type: 'channel', at, channel: id });

describe('the assistant’s rules', () => {
  const cases: { name: string; events: AssistantEvent[]; offered: string[]; shown?: string | null; wakeAt?: number | null; options?: AssistantOptions }[] = [
    { name: 'nothing happens, nothing is said', events: [tick(60_000)], offered: [], wakeAt: null },
    { name: 'a half-typed card number asks to be woken at hintDelay', events: [step(1000, 'number')], offered: [], wakeAt: 21_000 },
    { name: 'a tick before hintDelay says nothing', events: [step(1000, 'number'), tick(20_999)], offered: [], wakeAt: 21_000 },
    { name: 'dwell: an unfinished step untouched for hintDelay says what is missing', events: [step(1000, 'number'), tick(21_000)], offered: ['dwell:number'], shown: 'dwell:number', wakeAt: null },
    { name: 'typing restarts the dwell clock', events: [step(1000, 'cvv'), { type: 'progress', at: 15_000 }, tick(21_000)], offered: [], wakeAt: 35_000 },
    { name: 'a step that moves on restarts the clock on the new field', events: [step(0, 'number'), step(15_000, 'cvv'), tick(20_000), tick(35_000)], offered: ['dwell:cvv'] },
    { name: 'a complete step never dwells', events: [step(0, 'number'), step(3000, null), tick(60_000)], offered: [], wakeAt: null },
    { name: 'a shorter hintDelay (care mode) hints sooner', events: [step(0, 'sms'), tick(10_000)], offered: ['dwell:sms'], options: { hintDelay: 10_000, slowAfter: 5_000 } },
    {
      name: 'dwell is never said twice in a session',
      events: [step(0, 'number'), tick(20_000), { type: 'dismiss', at: 21_000 }, step(22_000, 'cvv'), tick(42_000), tick(90_000)],
      offered: ['dwell:number'],
      shown: null,
      wakeAt: null,
    },
    {
      name: 'back-and-forth: four channel switches recommend one',
      events: [channel(1000, 'alipay'), channel(2000, 'card'), channel(3000, 'wechat'), channel(4000, 'card')],
      offered: ['back-and-forth:channel'],
    },
    { name: 'three channel switches are not trouble', events: [channel(1000, 'alipay'), channel(2000, 'card'), channel(3000, 'wechat')], offered: [] },
    {
      name: 'back-and-forth: focus moving between the same two fields four times',
      events: [step(0, 'cvv'), focus(100, 'number'), focus(200, 'cvv'), focus(300, 'number'), focus(400, 'cvv'), focus(500, 'number')],
      offered: ['back-and-forth:cvv'],
    },
    {
      name: 'filling the fields in order is not back-and-forth',
      events: [focus(100, 'number'), focus(200, 'expiry'), focus(300, 'cvv'), focus(400, 'number'), focus(500, 'expiry'), focus(600, 'cvv')],
      offered: [],
    },
    {
      name: 'a third field breaks an alternation',
      events: [focus(100, 'number'), focus(200, 'cvv'), focus(300, 'number'), focus(400, 'expiry'), focus(500, 'number')],
      offered: [],
    },
    { name: 'repeated-error: the same field error twice says how to fix it', events: [{ type: 'error', at: 1, field: 'cvv' }, { type: 'error', at: 2, field: 'cvv' }], offered: ['repeated-error:cvv'] },
    { name: 'errors on two different fields are not repeated', events: [{ type: 'error', at: 1, field: 'cvv' }, { type: 'error', at: 2, field: 'number' }], offered: [] },
    { name: 'offline: said at once', events: [{ type: 'offline', at: 5 }], offered: ['offline'], shown: 'offline' },
    { name: 'back online, the offline hint goes', events: [{ type: 'offline', at: 5 }, { type: 'online', at: 9 }], offered: ['offline'], shown: null },
    { name: 'offline twice is said once', events: [{ type: 'offline', at: 5 }, { type: 'online', at: 9 }, { type: 'offline', at: 20 }], offered: ['offline'], shown: null },
    { name: 'slow-network: a request over 5 s', events: [{ type: 'request', at: 1000 }, tick(6000)], offered: ['slow-network'], shown: 'slow-network' },
    { name: 'a request answered in time says nothing', events: [{ type: 'request', at: 1000 }, { type: 'settled', at: 3000 }, tick(6000)], offered: [], wakeAt: null },
    {
      name: 'a request heard after its answer (the path replayed out of order) is answered: no slow-network',
      events: [{ type: 'settled', at: 3000 }, { type: 'request', at: 1000 }, tick(6000)],
      offered: [],
      shown: null,
      wakeAt: null,
    },
    { name: 'a new request after an answer may be slow again', events: [{ type: 'request', at: 1000 }, { type: 'settled', at: 2000 }, { type: 'request', at: 4000 }, tick(9000)], offered: ['slow-network'], shown: 'slow-network' },
    { name: 'the answer clears the slow-network hint', events: [{ type: 'request', at: 1000 }, tick(6000), { type: 'settled', at: 9000 }], offered: ['slow-network'], shown: null },
    {
      name: 'no dwell while a request is on its way',
      events: [step(0, 'cvv'), { type: 'request', at: 1000 }, tick(6000), tick(40_000)],
      offered: ['slow-network'],
      wakeAt: null,
    },
    {
      name: 'declined-again: two declines on one card suggest another channel',
      events: [{ type: 'declined', at: 1, instrument: 'card' }, { type: 'declined', at: 2, instrument: 'card' }],
      offered: ['declined-again:card'],
    },
    { name: 'declines on two instruments are not declined-again', events: [{ type: 'declined', at: 1, instrument: 'card' }, { type: 'declined', at: 2, instrument: 'wechat' }], offered: [] },
    {
      name: 'one hint at a time: a new one replaces the one shown',
      events: [{ type: 'offline', at: 1 }, { type: 'error', at: 2, field: 'cvv' }, { type: 'error', at: 3, field: 'cvv' }],
      offered: ['offline', 'repeated-error:cvv'],
      shown: 'repeated-error:cvv',
    },
    {
      name: 'done: after success nothing more is said',
      events: [step(0, 'number'), { type: 'done', at: 1000 }, tick(30_000), { type: 'offline', at: 31_000 }],
      offered: [],
      shown: null,
      wakeAt: null,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = run(c.events, c.options);
      assert.deepEqual(got.offered, c.offered);
      if (c.shown !== undefined) assert.equal(got.shown, c.shown);
      if (c.wakeAt !== undefined) assert.equal(got.wakeAt, c.wakeAt);
    });
  }
});
