import type { ReactiveController, ReactiveControllerHost } from 'lit';
import MaskedPattern, { type MaskedPatternOptions } from 'imask/masked/pattern';
import { caretForDigitIndex, deleteBackward, deleteForward } from './caret.js';
import type { NumberFit } from './number-mask.js';

/** The mask options this controller is given: an imask pattern. */
export type MaskOptions = MaskedPatternOptions;

export interface MaskedInputOptions {
  /** The input to mask; queried after each render, since it lives in the host's shadow root. */
  input: () => HTMLInputElement | null | undefined;
  mask: MaskOptions;
  /**
   * Re-lays the value after each accepted change: the unmasked value before and after it
   * and the caret as a digit index in, the value, caret and pattern to show out.
   */
  fit?: (previous: string, next: string, caret: number) => NumberFit;
  /** Called after the value changed: typing, paste, autofill, an IME commit, `clear()`, a CVV cut short by new options. */
  onAccept: () => void;
}

/** What a digit-only composition (an Android keyboard's, keyCode 229) may hold. */
const DIGITS = /^[0-9０-９]+$/;

/**
 * Binds one imask `MaskedPattern` to one input. The pattern does the masking (which character
 * goes where, what the fixed characters are); this controller only carries each `input` event
 * to it and the result back, in place of imask's own InputMask layer, which the script bundle
 * does not need (selection tracking, undo history, contenteditable support: 2.4 KB gzip).
 *
 * Every change is read from the input alone, its value and caret after the edit: the text
 * before the caret is laid into the pattern, then the text after it, so the caret lands
 * after as many digits as the payer's edit left before it. Nothing depends on the selection
 * before the edit, so autofill, paste and IME commits, which come without keys, need no
 * special case. The unmasked value holds digits only, and every fixed character of the
 * patterns used here is a non-digit; caret.ts maps digit counts back to offsets.
 *
 * The listeners go with the host's disconnect and come back with the next update; the model
 * stays, with its options, so the value survives a move in the page.
 */
export class MaskedInputController implements ReactiveController {
  private readonly options: MaskedInputOptions;
  private readonly masked: MaskedPattern;
  /** The input the listeners are on. */
  private bound: HTMLInputElement | undefined;
  /** The unmasked value `fit` last left. */
  private fitted = '';

  constructor(host: ReactiveControllerHost, options: MaskedInputOptions) {
    host.addController(this);
    this.options = options;
    this.masked = new MaskedPattern(options.mask);
  }

  hostUpdated(): void {
    // Every keystroke updates the host: a bound input still in the page is the same one.
    if (this.bound?.isConnected) return;
    const input = this.options.input() ?? undefined;
    if (input === this.bound) return;
    this.unbind();
    if (!input) return;
    this.bound = input;
    input.addEventListener('input', this.onInput);
    input.addEventListener('compositionend', this.onCompositionEnd);
    // What the input already holds (the browser may restore it) is taken as typed.
    this.masked.value = input.value;
    this.fitted = this.masked.unmaskedValue;
    this.show(Infinity, false);
  }

  hostDisconnected(): void {
    this.unbind();
  }

  private unbind(): void {
    this.bound?.removeEventListener('input', this.onInput);
    this.bound?.removeEventListener('compositionend', this.onCompositionEnd);
    this.bound = undefined;
  }

  /**
   * A composition is left alone while it runs, as pinyin needs: its letters are not digits
   * yet. Many Android keyboards, though, send plain digits as a composition that only ends on
   * blur: a composition of digits alone is formatted as it comes.
   */
  private readonly onInput = (event: Event): void => {
    const { isComposing, data, inputType } = event as InputEvent;
    if (isComposing && !DIGITS.test(data ?? '')) return;
    this.take(inputType);
  };

  private readonly onCompositionEnd = (): void => this.take('');

  /** Lays the input's value and caret into the pattern and shows the result. */
  private take(inputType: string | undefined): void {
    const input = this.bound;
    if (!input) return;
    const { masked } = this;
    const previous = masked.value;
    const raw = input.value;
    const at = Math.min(input.selectionStart ?? raw.length, raw.length);
    // Typing at the end only adds: appending it is a twentieth of laying the whole value anew
    // (about 10 µs a key against 200 in Node), and gives the same value.
    if (at >= previous.length && raw.startsWith(previous)) masked.append(raw.slice(previous.length, at), { input: true });
    else masked.value = raw.slice(0, at);
    let caret = masked.unmaskedValue.length;
    masked.append(raw.slice(at), { input: true });
    const removedOne = raw.length === previous.length - 1 && inputType?.startsWith('deleteContent');
    if (removedOne && masked.value === previous) {
      // The key took away a fixed character (a group's space, the expiry's slash) that the
      // pattern puts straight back, so the key would seem dead: it takes the digit on the
      // other side instead. (Android keyboards send no usable keydown, so this cannot wait
      // for one.)
      const edit = inputType === 'deleteContentBackward' ? deleteBackward(previous, at + 1) : deleteForward(previous, at);
      masked.unmaskedValue = edit.digits;
      caret = edit.digitIndex;
    }
    this.show(at === raw.length ? Infinity : caret, true);
    if (masked.value !== previous) this.options.onAccept();
  }

  /**
   * Re-lays the model through `fit` (when given), then writes it and the caret (a digit index;
   * Infinity for the end) to the input. The caret is set only while the input has focus:
   * setting a selection moves focus to the input in some browsers.
   */
  private show(caret: number, edited: boolean): void {
    const { masked, options } = this;
    const input = this.bound;
    const end = caret === Infinity;
    if (options.fit) {
      const next = masked.unmaskedValue;
      const fit = options.fit(this.fitted, next, end ? next.length : caret);
      if (masked.mask !== fit.mask) masked.updateOptions({ mask: fit.mask });
      if (masked.unmaskedValue !== fit.digits) masked.unmaskedValue = fit.digits;
      this.fitted = fit.digits;
      if (!end || fit.digits !== next) caret = fit.caret;
    }
    if (!input) return;
    const value = masked.value;
    if (input.value !== value) input.value = value;
    if (!edited || (input.getRootNode() as Document | ShadowRoot).activeElement !== input) return;
    const position = caret === Infinity ? value.length : caretForDigitIndex(value, caret);
    // Setting a selection costs Chromium a selection sync and a forced layout even when
    // nothing moves, and most keys leave the caret where the browser already put it.
    if (input.selectionStart !== position || input.selectionEnd !== position) input.setSelectionRange(position, position);
  }

  /** What the payer sees, separators included. */
  get value(): string {
    return this.masked.value;
  }

  /** The value without the mask's fixed characters. */
  get unmaskedValue(): string {
    return this.masked.unmaskedValue;
  }

  /** Replaces the value (calling `onAccept` when it changed); the caret is the caller's to place. */
  set unmaskedValue(value: string) {
    const before = this.masked.value;
    this.masked.unmaskedValue = value;
    this.show(Infinity, false);
    if (this.masked.value !== before) this.options.onAccept();
  }

  /** Empties the field and the model's copy of it. */
  clear(): void {
    this.unmaskedValue = '';
  }

  /** New pattern options (a CVV length that follows the brand): the value is laid into them, cut short if need be. */
  updateOptions(options: Partial<MaskOptions>): void {
    const before = this.masked.value;
    this.masked.updateOptions(options);
    this.show(Infinity, false);
    if (this.masked.value !== before) this.options.onAccept();
  }
}
