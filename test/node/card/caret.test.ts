import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brandById, detectBrand } from '../../../src/card/brands.js';
import { caretForDigitIndex, deleteBackward, deleteForward, digitIndexAt } from '../../../src/card/caret.js';
import { formatPan } from '../../../src/card/pan-display.js';

// Carets are drawn with '|' in the names: '4111 |1111' is caret 5.
const number = '4111 1111 1111 1111';

describe('digitIndexAt', () => {
  const cases: [string, number, number][] = [
    ['|4111', 0, 0],
    ['41|11', 2, 2],
    ['4111| 1111', 4, 4],
    ['4111 |1111', 5, 4],
    ['4111 1|111', 6, 5],
    ['…1111|', 19, 16],
    ['past the end', 40, 16],
    ['before the start', -3, 0],
  ];
  for (const [name, caret, expected] of cases) {
    it(`counts ${expected} digits before ${name}`, () => {
      assert.equal(digitIndexAt(number, caret), expected);
    });
  }

  it('counts digits in an Amex layout', () => {
    assert.equal(digitIndexAt('3782 822463 10005', 11), 10);
    assert.equal(digitIndexAt('3782 822463 10005', 12), 10);
  });
});

describe('caretForDigitIndex', () => {
  const cases: [number, number, string][] = [
    [0, 0, '|4111'],
    [3, 3, '411|1'],
    [4, 5, '4111 |1111: after the space, where the next digit appears'],
    [5, 6, '4111 1|111'],
    [8, 10, '4111 1111 |1111'],
    [16, 19, '…1111| at the end'],
    [30, 19, 'a digit index past the end gives the end'],
  ];
  for (const [digitIndex, expected, name] of cases) {
    it(`puts digit index ${digitIndex} at ${name}`, () => {
      assert.equal(caretForDigitIndex(number, digitIndex), expected);
    });
  }

  it('stays after the last digit when no digit follows the group', () => {
    assert.equal(caretForDigitIndex('4111', 4), 4);
    assert.equal(caretForDigitIndex('', 0), 0);
    assert.equal(caretForDigitIndex('4111 ', 4), 4);
  });

  it('follows the brand layout (Amex 4-6-5, Diners 4-6-4)', () => {
    assert.equal(caretForDigitIndex('3782 822463 10005', 10), 12);
    assert.equal(caretForDigitIndex('3622 720627 1667', 4), 5);
    assert.equal(caretForDigitIndex('3622 720627 1667', 9), 10);
  });

  it('round-trips every caret that sits next to a digit', () => {
    for (let caret = 0; caret <= number.length; caret++) {
      const back = caretForDigitIndex(number, digitIndexAt(number, caret));
      // A caret just before a space moves past it; every other caret stays put.
      assert.equal(back, number[caret] === ' ' ? caret + 1 : caret, `caret ${caret}`);
    }
  });

  it('leaves the caret after the space when the 4th digit of a group is typed mid-number', () => {
    // '4111 1111' with the caret at 411|1 and '2' typed: the browser gives '4112|1 1111'.
    const typed = '41121 1111';
    const digitIndex = digitIndexAt(typed, 4);
    const digits = typed.replace(/ /g, '');
    const formatted = formatPan(digits, detectBrand(digits));
    assert.equal(formatted, '4112 1111 1');
    assert.equal(caretForDigitIndex(formatted, digitIndex), 5);
  });
});

describe('deleteBackward', () => {
  it('removes the digit before a separator when the caret is just after it', () => {
    assert.deepEqual(deleteBackward('4111 1111', 5), { digits: '4111111', digitIndex: 3 });
    assert.deepEqual(deleteBackward('3782 822463 10005', 12), { digits: '37828224610005', digitIndex: 9 });
  });

  it('removes the digit before the caret elsewhere', () => {
    assert.deepEqual(deleteBackward('4111 1234', 7), { digits: '4111134', digitIndex: 5 });
    assert.deepEqual(deleteBackward('4111 1234', 9), { digits: '4111123', digitIndex: 7 });
    assert.deepEqual(deleteBackward('4111 1234', 4), { digits: '4111234', digitIndex: 3 });
  });

  it('does nothing at the start', () => {
    assert.deepEqual(deleteBackward('4111 1111', 0), { digits: '41111111', digitIndex: 0 });
  });

  it('with formatPan and caretForDigitIndex, leaves the caret where the browser would', () => {
    // '4111 1|234' → Backspace removes the first digit of the group; the caret stays after the space.
    const { digits, digitIndex } = deleteBackward('4111 1234', 6);
    const formatted = formatPan(digits, brandById('visa'));
    assert.equal(formatted, '4111 234');
    assert.equal(caretForDigitIndex(formatted, digitIndex), 5);
    // Backspace again, now right after the space, removes the 4th digit.
    const again = deleteBackward(formatted, 5);
    const reformatted = formatPan(again.digits, brandById('visa'));
    assert.equal(reformatted, '4112 34');
    assert.equal(caretForDigitIndex(reformatted, again.digitIndex), 3);
  });
});

describe('deleteForward', () => {
  it('removes the digit after a separator when the caret is just before it', () => {
    assert.deepEqual(deleteForward('4111 2345', 4), { digits: '4111345', digitIndex: 4 });
  });

  it('removes the digit after the caret elsewhere, and nothing at the end', () => {
    assert.deepEqual(deleteForward('4111 2345', 0), { digits: '1112345', digitIndex: 0 });
    assert.deepEqual(deleteForward('4111 2345', 9), { digits: '41112345', digitIndex: 8 });
  });
});
