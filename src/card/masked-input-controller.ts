import type { ReactiveController, ReactiveControllerHost } from 'lit';
import IMask from 'imask/holder';
import 'imask/masked/pattern';
import { caretForDigitIndex, digitIndexAt } from './caret.js';
import type { NumberFit } from './number-mask.js';

type Mask = ReturnType<typeof IMask>;
/** The mask options this controller is given: an imask pattern. */
export type MaskOptions = Parameters<typeof IMask>[1];

export interface MaskedInputOptions {
  /** The input to mask; queried after each render, since it lives in the host's shadow root. */
  input: () => HTMLInputElement | null | undefined;
  mask: MaskOptions;
  /**
   * Re-lays the value after each accepted change: the unmasked value before and after it
   * and the caret as a digit index in, the value, caret and pattern to show out.
   */
  fit?: (previous: string, next: string, caret: number) => NumberFit;
  /** Called after imask accepted a change (typing, paste, autofill, IME commit). */
  onAccept: () => void;
}

/**
 * Carries one imask instance for one input through the host's life: created after the first
 * render (the input must exist), destroyed on disconnect (so listeners and the value it holds
 * go with it), created again if the host comes back.
 */
export class MaskedInputController implements ReactiveController {
  private readonly options: MaskedInputOptions;
  private mask: Mask | undefined;
  /** The unmasked value `fit` last left, and whether it is re-laying the field now. */
  private fitted = '';
  private fitting = false;

  constructor(host: ReactiveControllerHost, options: MaskedInputOptions) {
    host.addController(this);
    this.options = options;
  }

  hostUpdated(): void {
    if (this.mask) return;
    const input = this.options.input();
    if (!input) return;
    this.fitted = '';
    this.mask = IMask(input, this.options.mask);
    this.mask.on('accept', this.onMaskAccept);
    input.addEventListener('input', this.onComposingInput);
  }

  private readonly onMaskAccept = (): void => {
    if (this.fitting) return;
    const { mask, options } = this;
    if (mask && options.fit) {
      this.fitting = true;
      try {
        const caret = digitIndexAt(mask.value, options.input()?.selectionStart ?? mask.value.length);
        const fit = options.fit(this.fitted, mask.unmaskedValue, caret);
        const moved = mask.unmaskedValue !== fit.digits || mask.masked.mask !== fit.mask;
        mask.updateOptions({ mask: fit.mask } as never);
        mask.unmaskedValue = fit.digits;
        // imask sets the caret only while the input has focus, as here.
        if (moved) mask.cursorPos = caretForDigitIndex(mask.value, fit.caret);
        this.fitted = fit.digits;
      } finally {
        this.fitting = false;
      }
    }
    options.onAccept();
  };

  hostDisconnected(): void {
    this.options.input()?.removeEventListener('input', this.onComposingInput);
    this.mask?.destroy();
    this.mask = undefined;
  }

  /**
   * imask leaves the value alone during an IME composition, as it must for pinyin. Many
   * Android keyboards, though, send plain digits as a composition (keyCode 229) that only
   * ends on blur: a composition of digits alone is formatted as it comes.
   */
  private readonly onComposingInput = (event: Event): void => {
    const { isComposing, data } = event as InputEvent;
    if (!isComposing || !this.mask || !/^[0-9０-９]+$/.test(data ?? '')) return;
    this.mask.updateValue();
    this.mask.updateControl('auto');
    this.options.onAccept();
  };

  /** What the payer sees, separators included. */
  get value(): string {
    return this.mask?.value ?? this.options.input()?.value ?? '';
  }

  /** The value without the mask's fixed characters. */
  get unmaskedValue(): string {
    return this.mask?.unmaskedValue ?? '';
  }

  set unmaskedValue(value: string) {
    if (this.mask) this.mask.unmaskedValue = value;
  }

  /** Empties the field and imask's copy of it. */
  clear(): void {
    if (this.mask) this.mask.value = '';
    const input = this.options.input();
    if (input) input.value = '';
  }

  updateOptions(options: Partial<MaskOptions>): void {
    this.mask?.updateOptions(options as never);
  }
}
