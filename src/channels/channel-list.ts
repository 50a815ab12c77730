import { LitElement, html, nothing } from 'lit';
import { base, tokens } from '../theme/tokens.js';
import { channelIcon } from './channel-icon.js';
import { channelListStyles } from './channel-list.styles.js';
import type { ChannelView } from './describe.js';

/**
 * The payment channels as one radio group. It renders views computed elsewhere and reports
 * the payer's choice; it never decides eligibility itself.
 *
 * @tagname shouyin-channel-list
 * @fires shouyin-channel-select - The payer selected a channel; read `value`. Bubbles, not composed.
 * @fires shouyin-channel-guide - The payer asked how to open the page where a blocked wallet pays; `detail` is its id. Bubbles, not composed.
 * @csspart channel - One channel row.
 * @csspart channel-name - A channel's name.
 * @csspart channel-details - A channel's limits, settlement and fee.
 * @csspart guide-button - The "how to open" button of a wallet the super-app blocks.
 * @csspart more-button - With `more` (care mode): a row's button that shows its limits, fees and arrival time.
 */
export class ShouyinChannelList extends LitElement {
  static override styles = [tokens, base, channelListStyles];

  static override properties = {
    channels: { attribute: false },
    value: { reflect: true },
    label: {},
    disabled: { type: Boolean, reflect: true },
    hostLang: { attribute: 'host-lang' },
    more: {},
  };

  /** The channels to offer, already described in the payer's language. */
  declare channels: ChannelView[];
  /** The selected channel id. */
  declare value: string | null;
  /** The group's visible and accessible label. */
  declare label: string;
  /** Disables every option (while paying). */
  declare disabled: boolean;
  /** The language of the host's words (a channel's own label, its promotion), when it is not the list's. */
  declare hostLang: string | null;
  /**
   * Compact rows (care mode): a row shows its name and at most one short line, and a button of
   * these words shows the rest (limits, fees, arrival time) in the row. Unset: rows show all.
   */
  declare more: string | null;

  /** The rows whose details the payer opened. */
  private readonly opened = new Set<string>();

  constructor() {
    super();
    this.channels = [];
    this.value = null;
    this.label = '';
    this.disabled = false;
    this.hostLang = null;
    this.more = null;
  }

  private onMore(event: Event): void {
    const { value } = event.currentTarget as HTMLButtonElement;
    if (!this.opened.delete(value)) this.opened.add(value);
    this.requestUpdate();
  }

  private onChange(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
    this.dispatchEvent(new Event('shouyin-channel-select', { bubbles: true }));
  }

  private onGuide(event: Event): void {
    const button = event.currentTarget as HTMLButtonElement;
    // Safari does not focus a tapped button; the guide gives focus back to what had it.
    button.focus();
    this.dispatchEvent(new CustomEvent('shouyin-channel-guide', { bubbles: true, detail: button.value }));
  }

  /** Home and End complete the arrow keys native radios already have. */
  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Home' && event.key !== 'End') return;
    const radios = [...this.renderRoot.querySelectorAll<HTMLInputElement>('input:not(:disabled)')];
    const target = event.key === 'Home' ? radios[0] : radios.at(-1);
    if (!target) return;
    event.preventDefault();
    target.focus();
    if (!target.checked) target.click();
  }

  override render() {
    // One `change` listener for every radio: the event bubbles to the group.
    return html`
      <fieldset ?disabled=${this.disabled} @change=${this.onChange} @keydown=${this.onKeyDown}>
        <legend .textContent=${this.label}></legend>
        <div class=${this.more ? 'options compact' : 'options'}>${this.channels.map((channel, index) => this.renderOption(channel, index))}</div>
      </fieldset>
    `;
  }

  private renderOption(channel: ChannelView, index: number) {
    // The name alone labels the radio; reasons, limits and badges describe it.
    const describedBy = [
      !channel.available && `c${index}-reason`,
      channel.warning && `c${index}-warning`,
      channel.badge && `c${index}-badge`,
      `c${index}-details`,
      channel.maintenance && `c${index}-maintenance`,
      channel.promo && `c${index}-promo`,
    ]
      .filter(Boolean)
      .join(' ');
    const checked = channel.id === this.value;
    // `selected` mirrors the radio's checked state as a class: a `:has(input:checked)` rule
    // has style matching look through every row's descendants.
    const open = this.opened.has(channel.id);
    const classes = ['option', !channel.available && 'unavailable', checked && 'selected', open && 'open'].filter(Boolean).join(' ');
    // What only some rows have: one part for all of it, and no node for what a row lacks.
    const notes = [
      ['reason', 'reason', !channel.available && channel.unavailableText],
      ['reason', 'warning', channel.warning],
      ['details', 'maintenance', channel.maintenance],
      ['promo', 'promo', channel.promo],
    ].filter((note) => note[2]);
    return html`
      <label class=${classes} part="channel">
        <input
          type="radio"
          name="channel"
          .value=${channel.id}
          .checked=${checked}
          ?disabled=${!channel.available}
          aria-labelledby="c${index}-name"
          aria-describedby=${describedBy}
        />
        ${channelIcon(channel.kind)}
        <span class="text">
          <span class="title">
            <span class="name" part="channel-name" id="c${index}-name" lang=${(channel.hostName && this.hostLang) || nothing} .textContent=${channel.name}></span>
            ${channel.badge ? html`<span class="badge" id="c${index}-badge">${channel.badge}</span>` : nothing}
          </span>
          <span class="details" part="channel-details" id="c${index}-details" .textContent=${channel.details.join(this.more ? '\n' : ' · ')}></span>
          ${notes.map(
            ([kind, key, text]) =>
              html`<span class=${kind} id="c${index}-${key}" lang=${(key === 'promo' && this.hostLang) || nothing}>${text}</span>`,
          )}
        </span>
        ${this.more
          ? html`<button
              type="button"
              class="more"
              part="more-button"
              id="c${index}-more"
              aria-labelledby="c${index}-more c${index}-name"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls="c${index}-details"
              .value=${channel.id}
              @click=${this.onMore}
            >
              ${this.more}
            </button>`
          : nothing}
        ${channel.guide
          ? html`<button
              type="button"
              class="guide"
              part="guide-button"
              id="c${index}-guide"
              aria-labelledby="c${index}-guide c${index}-name"
              .value=${channel.id}
              @click=${this.onGuide}
            >
              ${channel.guide}
            </button>`
          : nothing}
      </label>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'shouyin-channel-list': ShouyinChannelList;
  }
  interface HTMLElementEventMap {
    'shouyin-channel-select': Event;
    'shouyin-channel-guide': CustomEvent<string>;
  }
}
