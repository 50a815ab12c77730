import { LitElement, css, html, nothing } from 'lit';
import type { ChannelMessages } from '../i18n/messages.js';
import { base, tokens } from '../theme/tokens.js';
import { announceStage, formatRemaining, remainingMs, untilNextSecond } from './remaining-time.js';

/**
 * The time left to pay. It reads the clock it is given (the checkout passes the
 * server-corrected one, so a wrong client clock neither shortens nor stretches the order)
 * and ticks once a second. The visible clock is a `timer`, which screen readers leave alone;
 * a polite live region speaks only at 60, 30 and 10 seconds left and at the end. (A plain
 * `aria-live` region, not `role=status`: the checkout's own status messages keep that role.)
 *
 * @tagname shouyin-countdown
 * @csspart countdown - The clock.
 * @csspart announcement - The visually hidden text read to screen readers in the last minute.
 */
export class ShouyinCountdown extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: block;
        text-align: center;
        font-size: var(--_font-size-small);
        color: var(--_color-text-muted);
      }
      .clock {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      :host([urgent]) .clock {
        color: var(--_color-danger);
      }
    `,
  ];

  static override properties = {
    expiresAt: { attribute: false },
    now: { attribute: false },
    messages: { attribute: false },
    urgent: { type: Boolean, reflect: true },
  };

  /** When the order expires, milliseconds since the epoch (server time). */
  declare expiresAt: number;
  /** The clock to count with, milliseconds since the epoch. */
  declare now: () => number;
  /** The words (the checkout's catalog). */
  declare messages: ChannelMessages | undefined;
  /** Reflects the last minute, for styling. */
  declare urgent: boolean;

  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.expiresAt = 0;
    this.now = Date.now;
    this.urgent = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private readonly tick = (): void => {
    clearTimeout(this.timer);
    const left = remainingMs(this.expiresAt, this.now());
    this.urgent = left <= 60_000;
    this.requestUpdate();
    if (left > 0) this.timer = setTimeout(this.tick, untilNextSecond(left));
  };

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // A new expiry after the first (the first ticks on connection): re-armed at once.
    if (changed.get('expiresAt') !== undefined) this.tick();
  }

  override render() {
    const m = this.messages;
    if (!m) return nothing;
    const left = remainingMs(this.expiresAt, this.now());
    const stage = announceStage(left);
    return html`
      <span id="label" .textContent=${m.countdownLabel}></span>
      <span
        class="clock"
        part="countdown"
        role="timer"
        aria-labelledby="label"
        .textContent=${formatRemaining(left)}
      ></span>
      <span class="visually-hidden" aria-live="polite" aria-atomic="true" part="announcement">${stage === undefined ? '' : m.countdownAnnounce(stage)}</span>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-countdown': ShouyinCountdown;
  }
}
