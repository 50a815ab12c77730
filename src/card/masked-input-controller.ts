import type { ReactiveController, ReactiveControllerHost } from 'lit';
import MaskedRegExp from 'imask/masked/regexp';
import { caretForDigitIndex, deleteBackward, deleteForward } from './caret.js';
import type { MaskOptions, NumberFit } from './number-mask.js';

export interface MaskedInputOptions {
  /** The input to mask; queried after each render, since it lives in the host's shadow root. */
  input: () => HTMLInputElement | null | undefined;
  mask: MaskOptions;
  /**
   * Re-lays the value after each accepted change: the value before and after it and the
   * caret as a digit index in, the value and caret to keep out.
   */
  fit?: (previous: string, next: string, caret: number) => NumberFit;
  /** The accepted value as shown (the digits in groups, with separators); without it, as accepted. */
  format?: (value: string) => string;
  /** Called after the value changed: typing, paste, autofill, an IME commit, `clear()`, a CVV cut short by new options. */
  onAccept: () => void;
}

/** What a digit-only composition (an Android keyboard's, keyCode 229) may hold. */
const DIGITS = /^[0-9０-９]+$/;

/**
 * Binds one imask `MaskedRegExp` to one input. The model decides what the field accepts
 * (each character prepared, full-width digits as ASCII and separators dropped; the value
 * tested against the mask's RegExp, which holds the length); `format` lays the accepted digits
 * out with their separators. This controller carries each `input` event to the model and the
 * result back, in place of imask's InputMask layer (selection tracking, undo history) and of
 * its patterns (fixed characters, placeholders, lazy and eager display: 3.8 KB gzip more in
 * the script bundle).
 *
 * Every change is read from the input alone, its value and caret after the edit: the text
 * before the caret goes to the model, then the text after it, so the caret lands after as
 * many digits as the payer's edit left before it. Nothing depends on the selection before the
 * edit, so autofill, paste and IME commits, which come without keys, need no special case.
 * The one shortcut is a key typed at the end, the common case, which the model takes at
 * `beforeinput` (see `onBeforeInput`); its result is the same as the `input` path's.
 * Every separator is a non-digit; caret.ts maps digit counts back to offsets.
 *
 * The listeners go with the host's disconnect and come back with the next update; the model
 * stays, with its options, so the value survives a move in the page.
 */
export class MaskedInputController implements ReactiveController {
  private readonly options: MaskedInputOptions;
  private readonly masked: MaskedRegExp;
  /** The input the listeners are on. */
  private bound: HTMLInputElement | undefined;
  /** The model's value `fit` last left. */
  private fitted = '';
  /** The value last shown. */
  private shown = '';

  constructor(host: ReactiveControllerHost, options: MaskedInputOptions) {
    host.addController(this);
    this.options = options;
    this.masked = new MaskedRegExp(options.mask);
  }

  hostUpdated(): void {
    // Every keystroke updates the host: a bound input still in the page is the same one.
    if (this.bound?.isConnected) return;
    const input = this.options.input() ?? undefined;
    if (input === this.bound) return;
    this.unbind();
    if (!input) return;
    this.bound = input;
    input.addEventListener('beforeinput', this.onBeforeInput);
    input.addEventListener('input', this.onInput);
    input.addEventListener('compositionend', this.onCompositionEnd);
    // What the input already holds (the browser may restore it) is taken as typed.
    this.masked.value = input.value;
    this.fitted = this.masked.value;
    this.show(Infinity, false);
  }

  hostDisconnected(): void {
    this.unbind();
  }

  private unbind(): void {
    this.bound?.removeEventListener('beforeinput', this.onBeforeInput);
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

  /**
   * A key typed at the end of the field (most keys of a card number) goes to the model before
   * the browser inserts it, and the model's result is written once. Left to the browser, the
   * insertion lays the page out, and a group's space then has the value written and laid out
   * again. Anything else (a caret inside the value, a selection, paste, IME) is left to the
   * browser and read back in the `input` event.
   */
  private readonly onBeforeInput = (event: InputEvent): void => {
    const input = this.bound;
    const data = event.data;
    if (!input || event.inputType !== 'insertText' || event.isComposing || !data) return;
    const end = input.value.length;
    if (input.value !== this.shown || input.selectionStart !== end || input.selectionEnd !== end) return;
    event.preventDefault();
    // Written at the end, the value leaves the caret there.
    this.replace(() => this.masked.append(data, { input: true }));
  };

  /** The model's value as shown. */
  private formatted(): string {
    return this.options.format?.(this.masked.value) ?? this.masked.value;
  }

  /** Gives the model the input's value and caret, and shows the result. */
  private take(inputType: string | undefined): void {
    const input = this.bound;
    if (!input) return;
    const { masked, shown: previous } = this;
    const raw = input.value;
    const at = Math.min(input.selectionStart ?? raw.length, raw.length);
    // Typing at the end only adds: appending it is a fraction of laying the whole value anew,
    // and gives the same value.
    if (at >= previous.length && raw.startsWith(previous)) masked.append(raw.slice(previous.length, at), { input: true });
    else masked.value = raw.slice(0, at);
    let caret = masked.value.replace(/\D/g, '').length;
    masked.append(raw.slice(at), { input: true });
    if (raw.length === previous.length - 1 && inputType?.startsWith('deleteContent') && this.formatted() === previous) {
      // The key took away a separator (a group's space, the expiry's slash) that the format
      // puts straight back, so the key would seem dead: it takes the digit on the other side
      // instead. (Android keyboards send no usable keydown, so this cannot wait for one.)
      const edit = inputType === 'deleteContentBackward' ? deleteBackward(previous, at + 1) : deleteForward(previous, at);
      masked.value = edit.digits;
      caret = edit.digitIndex;
    }
    this.show(at === raw.length ? Infinity : caret, true);
    if (this.shown !== previous) this.options.onAccept();
  }

  /**
   * Re-lays the model through `fit` (when given), then writes it, formatted, and the caret (a
   * digit index; Infinity for the end) to the input. The caret is set only while the input
   * has focus: setting a selection moves focus to the input in some browsers.
   */
  private show(caret: number, edited: boolean): void {
    const { masked, options } = this;
    const input = this.bound;
    const end = caret === Infinity;
    if (options.fit) {
      const next = masked.value;
      const fit = options.fit(this.fitted, next, end ? next.length : caret);
      if (fit.digits !== next) masked.value = fit.digits;
      this.fitted = fit.digits;
      if (!end || fit.digits !== next) caret = fit.caret;
    }
    const value = (this.shown = this.formatted());
    if (!input) return;
    const rewritten = input.value !== value;
    if (rewritten) input.value = value;
    if (!edited || (input.getRootNode() as Document | ShadowRoot).activeElement !== input) return;
    const position = caret === Infinity ? value.length : caretForDigitIndex(value, caret);
    // A new value puts the caret at its end (HTML's value setter does so): reading the
    // selection back now would cost a forced layout, the second of the key.
    if (rewritten && position === value.length) return;
    // Setting a selection costs Chromium a selection sync and a forced layout even when
    // nothing moves, and most keys leave the caret where the browser already put it.
    if (input.selectionStart !== position || input.selectionEnd !== position) input.setSelectionRange(position, position);
  }

  /** Changes the model by `change`, shows it, and calls `onAccept` when what is shown changed. */
  private replace(change: () => void): void {
    const before = this.shown;
    change();
    this.show(Infinity, false);
    if (this.shown !== before) this.options.onAccept();
  }

  /** What the payer sees, separators included. */
  get value(): string {
    return this.shown;
  }

  /** Empties the field and the model's copy of it. */
  clear(): void {
    this.replace(() => (this.masked.value = ''));
  }

  /** New mask options (a CVV length that follows the brand): the value is laid into them, cut short if need be. */
  updateOptions(options: MaskOptions): void {
    this.replace(() => this.masked.updateOptions(options));
  }
}
