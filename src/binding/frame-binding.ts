import { css, html, nothing } from 'lit';
import type { ShouyinCardFrame } from '../card-frame/card-frame.js';
import type { FrameChange } from '../card-frame/messages.js';
import type { Messages } from '../i18n/messages.js';
import { ShouyinCardBinding, type Problems } from './card-binding.js';
import type { BindingMessages } from './messages.js';
import { BindingStep } from './flow.js';

/**
 * The 快捷支付 binding form with its card and identity fields in the card platform's frame
 * (`card-frame` on the checkout, docs/card-frame.md): the same form, steps and requests as
 * `<shouyin-card-binding>`, but the card number, holder name, resident ID, bank phone, expiry and
 * CVV are typed in `<shouyin-card-frame>` on the card platform's origin, which seals them to the
 * session's key for the binding request. This page keeps what holds no card or identity data:
 * the bank line (it asks `endpoints.cardInfo`, signed with the session's key, with the issuer
 * prefix the frame reports, and tells the frame which fields that card needs), the agreement,
 * "获取验证码" and the SMS code step (sealed by the seal chunk, as without the frame).
 *
 * @tagname shouyin-frame-binding
 * @fires shouyin-card-change - Whether the code is there to confirm. Bubbles, not composed.
 * @csspart frame - The card platform's iframe.
 * @csspart bank - The bank and card type.
 * @csspart payer - The host's verified payer, masked (one-click binding).
 * @csspart get-code - The "get code" and resend button.
 * @csspart code - The SMS code input.
 */
export class ShouyinFrameBinding extends ShouyinCardBinding {
  static override styles = [
    ...ShouyinCardBinding.styles,
    // The frame takes the form's whole width, as the fields it replaces did.
    css`
      shouyin-card-frame {
        flex: 1 1 100%;
        min-inline-size: 0;
      }
    `,
  ];

  static override properties = {
    ...ShouyinCardBinding.properties,
    src: {},
    messages: { attribute: false },
    scheme: {},
  };

  /** The card platform's frame page (the checkout's `card-frame`). */
  declare src: string;
  /** The checkout's catalog: the frame's name, and the words when it is unavailable. */
  declare messages: Messages | undefined;
  /** The checkout's `color-scheme`, passed on to the frame. */
  declare scheme: 'auto' | 'light' | 'dark';

  /** What the frame last said. */
  private said: FrameChange = { complete: false, missing: 'number', problem: null, brand: null, field: null };

  constructor() {
    super();
    this.src = '';
    this.messages = undefined;
    this.scheme = 'auto';
  }

  private get frame(): ShouyinCardFrame | null | undefined {
    return this.renderRoot?.querySelector('shouyin-card-frame');
  }

  /** The page's own checks (the agreement, the code) and, while the frame says its fields are not complete, the first it misses. */
  protected override problems(): Problems {
    const { agree, code } = super.problems();
    return { ...(agree ? { agree } : {}), ...(code ? { code } : {}), ...(this.said.complete ? {} : { number: this.said.problem ?? 'missing' }) };
  }

  protected override focusFirstProblem(): void {
    // The frame shows its own problems and takes focus to the first.
    if (this.binding.state.step !== BindingStep.Code && !this.said.complete) this.frame?.takeBinding();
    else super.focusFirstProblem();
  }

  protected override numberMissing(): boolean {
    return this.said.missing === 'number';
  }

  protected override sealDetails(): Promise<string> {
    const session = this.session;
    const seal = this.frame?.takeBinding();
    if (!session || !seal) return Promise.reject(new Error('the frame has no details to seal'));
    return seal(session, this.now());
  }

  override reset(): void {
    super.reset();
    this.frame?.clear(true);
  }

  private readonly onFrameChange = (event: Event): void => {
    event.stopPropagation();
    const frame = event.currentTarget as ShouyinCardFrame;
    this.said = frame.said as FrameChange;
    this.binding.dispatch({ type: 'number', iin: this.said.iin ?? '' });
    // A detail changed: a code sent for the old ones no longer counts.
    if (this.said.field !== null && this.binding.state.step === BindingStep.Code) this.binding.dispatch({ type: 'edit' });
    this.requestUpdate();
    this.announce();
  };

  protected override renderDetails(m: BindingMessages) {
    const fields = this.fields;
    // The bank line stands just above the frame, whose first field is the number it names.
    return html`${this.renderBank()}
      <shouyin-card-frame
        part="frame"
        src=${this.src}
        .messages=${this.messages}
        .locale=${this.locale}
        .scheme=${this.scheme}
        .now=${this.now()}
        .binding=${fields}
        .label=${m.frameTitle}
        .disabled=${this.disabled}
        @shouyin-card-change=${this.onFrameChange}
      ></shouyin-card-frame>
      ${fields.includes('name') ? nothing : this.renderKnownPayer(m)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-frame-binding': ShouyinFrameBinding;
  }
}
