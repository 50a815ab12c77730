/** The binding form's state machine as tables: events in, states and effects out. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BindingStep, initialBinding, reduceBinding, resendIn, type BindingEvent, type BindingState } from '../../../src/binding/flow.js';
import { bindingFields } from '../../../src/binding/layout.js';
import type { Binding, CardInfo } from '../../../src/protocol/binding.js';

const T0 = Date.parse('2026-12-07T03:00:00Z');
const PSBC: CardInfo = { known: true, bank: { id: 'PSBC', name: '中国邮政储蓄银行' }, type: 'debit', brand: 'unionpay' };
const CREDIT: CardInfo = { known: true, bank: { id: 'CMB', name: '招商银行' }, type: 'credit', brand: 'visa' };
const binding = (patch: Partial<Binding> = {}): Binding => ({
  id: 'bd_1',
  status: 'code_sent',
  attemptsLeft: 5,
  resendAt: new Date(T0 + 60_000).toISOString(),
  expiresAt: new Date(T0 + 300_000).toISOString(),
  ...patch,
});

/** Runs `events` from `from`, giving the last state and every effect in order. */
function run(events: BindingEvent[], from: BindingState = initialBinding) {
  let state = from;
  const effects = [];
  for (const event of events) {
    const reduced = reduceBinding(state, event);
    state = reduced.state;
    effects.push(...reduced.effects);
  }
  return { state, effects };
}

const codeStep = run([{ type: 'send' }, { type: 'sent', result: { ok: true, binding: binding() } }]).state;

describe('card info as the number is typed', () => {
  const table: { name: string; events: BindingEvent[]; lookup: BindingState['lookup']; effects: unknown[] }[] = [
    { name: 'five digits ask nothing', events: [{ type: 'number', iin: '62179' }], lookup: undefined, effects: [] },
    { name: 'six digits ask their prefix', events: [{ type: 'number', iin: '621799' }], lookup: { iin: '621799' }, effects: [{ type: 'lookup', iin: '621799' }] },
    {
      name: 'more digits of the same prefix ask nothing again',
      events: [{ type: 'number', iin: '621799' }, { type: 'number', iin: '6217990' }, { type: 'info', iin: '621799', info: PSBC }, { type: 'number', iin: '62179900' }],
      lookup: { iin: '621799', info: PSBC },
      effects: [{ type: 'lookup', iin: '621799' }],
    },
    {
      name: 'an unknown 6-digit prefix is asked again with 8',
      events: [{ type: 'number', iin: '999999' }, { type: 'info', iin: '999999', info: { known: false } }, { type: 'number', iin: '9999990' }, { type: 'number', iin: '99999901' }],
      lookup: { iin: '99999901' },
      effects: [{ type: 'lookup', iin: '999999' }, { type: 'lookup', iin: '99999901' }],
    },
    {
      name: 'another prefix asks anew; a late answer for the old one is dropped',
      events: [{ type: 'number', iin: '621799' }, { type: 'number', iin: '622202' }, { type: 'info', iin: '621799', info: PSBC }],
      lookup: { iin: '622202' },
      effects: [{ type: 'lookup', iin: '621799' }, { type: 'lookup', iin: '622202' }],
    },
    {
      name: 'deleting below six digits forgets the bank',
      events: [{ type: 'number', iin: '621799' }, { type: 'info', iin: '621799', info: PSBC }, { type: 'number', iin: '6217' }],
      lookup: undefined,
      effects: [{ type: 'lookup', iin: '621799' }],
    },
  ];
  for (const { name, events, lookup, effects } of table) {
    it(name, () => {
      const result = run(events);
      assert.deepEqual(result.state.lookup, lookup);
      assert.deepEqual(result.effects, effects);
    });
  }
});

describe('the SMS code step', () => {
  const table: { name: string; from?: BindingState; events: BindingEvent[]; expect: Partial<BindingState>; effects: unknown[] }[] = [
    { name: 'get code sends once, a second click while sending does nothing', events: [{ type: 'send' }, { type: 'send' }], expect: { step: BindingStep.Sending }, effects: [{ type: 'send' }] },
    { name: 'the answer opens the code step', events: [{ type: 'send' }, { type: 'sent', result: { ok: true, binding: binding() } }], expect: { step: BindingStep.Code, binding: binding(), notice: undefined }, effects: [{ type: 'send' }] },
    {
      name: 'a refusal goes back to the form and says why',
      events: [{ type: 'send' }, { type: 'sent', result: { ok: false, code: 'mobile_mismatch' } }],
      expect: { step: BindingStep.Form, binding: undefined, notice: { code: 'mobile_mismatch' } },
      effects: [{ type: 'send' }],
    },
    { name: 'resend before the countdown ends does nothing', from: codeStep, events: [{ type: 'resend', now: T0 + 59_999 }], expect: { resending: false }, effects: [] },
    {
      name: 'resend after 60 s asks once, and the new clocks restart the countdown',
      from: codeStep,
      events: [{ type: 'resend', now: T0 + 60_000 }, { type: 'resend', now: T0 + 60_500 }, { type: 'resent', result: { ok: true, binding: binding({ resendAt: new Date(T0 + 120_000).toISOString() }) } }],
      expect: { resending: false, binding: binding({ resendAt: new Date(T0 + 120_000).toISOString() }) },
      effects: [{ type: 'resend', bindingId: 'bd_1' }],
    },
    {
      name: 'a failed confirm asks where the binding stands; a wrong code says the tries left',
      from: codeStep,
      events: [{ type: 'confirm-failed' }, { type: 'status', result: { ok: true, binding: binding({ attemptsLeft: 4 }) } }],
      expect: { step: BindingStep.Code, notice: { code: 'sms_code_invalid', attemptsLeft: 4 } },
      effects: [{ type: 'status', bindingId: 'bd_1' }],
    },
    {
      name: 'an expired code stays on the code step, to ask for another',
      from: codeStep,
      events: [{ type: 'confirm-failed' }, { type: 'status', result: { ok: true, binding: binding({ status: 'expired' }) } }],
      expect: { step: BindingStep.Code, notice: { code: 'sms_code_expired' } },
      effects: [{ type: 'status', bindingId: 'bd_1' }],
    },
    {
      name: 'a locked binding starts again from the form',
      from: codeStep,
      events: [{ type: 'confirm-failed' }, { type: 'status', result: { ok: true, binding: binding({ status: 'locked', attemptsLeft: 0 }) } }],
      expect: { step: BindingStep.Form, binding: undefined, notice: { code: 'binding_locked' } },
      effects: [{ type: 'status', bindingId: 'bd_1' }],
    },
    { name: 'editing a detail drops the binding', from: codeStep, events: [{ type: 'edit' }], expect: { step: BindingStep.Form, binding: undefined }, effects: [] },
    { name: 'reset forgets everything', from: codeStep, events: [{ type: 'reset' }], expect: initialBinding, effects: [] },
    { name: 'a failed confirm in the form step asks nothing', events: [{ type: 'confirm-failed' }], expect: { step: BindingStep.Form }, effects: [] },
    { name: 'after a reload, a kept binding whose code is out comes back to the code step', events: [{ type: 'resume', binding: binding() }], expect: { step: BindingStep.Code, binding: binding() }, effects: [] },
    {
      name: 'after a reload, a kept binding whose code expired comes back saying so',
      events: [{ type: 'resume', binding: binding({ status: 'expired' }) }],
      expect: { step: BindingStep.Code, notice: { code: 'sms_code_expired' } },
      effects: [],
    },
    { name: 'a bound or locked binding does not come back', events: [{ type: 'resume', binding: binding({ status: 'bound' }) }, { type: 'resume', binding: binding({ status: 'locked' }) }], expect: { step: BindingStep.Form, binding: undefined }, effects: [] },
    { name: 'a resume never replaces a code step under way', from: codeStep, events: [{ type: 'resume', binding: binding({ id: 'bd_2' }) }], expect: { binding: binding() }, effects: [] },
  ];
  for (const { name, from, events, expect, effects } of table) {
    it(name, () => {
      const result = run(events, from);
      for (const [key, value] of Object.entries(expect)) assert.deepEqual(result.state[key as keyof BindingState], value, key);
      assert.deepEqual(result.effects, effects);
    });
  }

  it('counts the resend countdown down in whole seconds', () => {
    assert.deepEqual([T0, T0 + 1, T0 + 59_001, T0 + 60_000, T0 + 90_000].map((t) => resendIn(codeStep, t)), [60, 60, 1, 0, 0]);
  });

  it("never says more than 60 seconds, even when the cashier's clock is a little behind the backend's", () => {
    assert.deepEqual([T0 - 1, T0 - 900, T0 - 5_000].map((t) => resendIn(codeStep, t)), [60, 60, 60]);
  });
});

describe('which fields the form asks for', () => {
  it('a debit card: name, ID and bank phone, no expiry or CVV', () => {
    assert.deepEqual(bindingFields(PSBC), ['name', 'idNumber', 'mobile']);
  });
  it('a payer the host verified: no holder fields, a credit card still its expiry and CVV', () => {
    assert.deepEqual(bindingFields(PSBC, true), []);
    assert.deepEqual(bindingFields(CREDIT, true), ['expiry', 'cvv']);
  });
  it('a credit card, or one whose bank is not known: expiry and CVV too', () => {
    for (const info of [CREDIT, { known: false } as const, undefined]) assert.deepEqual(bindingFields(info), ['name', 'idNumber', 'mobile', 'expiry', 'cvv']);
  });
});
