import type { ReactiveController, ReactiveControllerHost } from 'lit';
import IMask from 'imask/holder';
import 'imask/masked/pattern';
import 'imask/masked/dynamic';

type Mask = ReturnType<typeof IMask>;
/** The mask options this controller is given: a pattern, or dynamic patterns with a dispatch. */
export type MaskOptions = Parameters<typeof IMask>[1];

export interface MaskedInputOptions {
  /** The input to mask; queried after each render, since it lives in the host's shadow root. */
  input: () => HTMLInputElement | null | undefined;
  mask: MaskOptions;
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

  constructor(host: ReactiveControllerHost, options: MaskedInputOptions) {
    host.addController(this);
    this.options = options;
  }

  hostUpdated(): void {
    if (this.mask) return;
    const input = this.options.input();
    if (!input) return;
    this.mask = IMask(input, this.options.mask);
    this.mask.on('accept', () => this.options.onAccept());
    input.addEventListener('input', this.onComposingInput);
  }

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
