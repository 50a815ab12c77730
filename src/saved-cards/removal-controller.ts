import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events/events.js';
import type { SavedCardsMessages } from '../i18n/messages.js';
import { CardRemovalCode } from '../protocol/codes.js';
import type { SavedCard } from '../protocol/schemas.js';
import type { CardRemovalResult } from '../transport/card-client.js';

/** The host's last word before a card is removed, e.g. to verify the payer again. */
export type BeforeCardRemove = (card: SavedCard) => boolean | Promise<boolean>;
export type CardRemover = (card: SavedCard) => Promise<CardRemovalResult>;

export interface RemovalOptions {
  messages(): SavedCardsMessages;
  cardName(card: SavedCard): string;
  beforeCardRemove(): BeforeCardRemove | undefined;
  remover(): CardRemover | undefined;
  /** The backend removed the card: the host drops it from its lists before it re-renders. */
  removed(card: SavedCard): void;
}

/**
 * One card removal at a time: the confirmation dialog (focus into it, back to the remove
 * button after, Escape cancels), the host's veto, the backend, and what the payer is told.
 * The host renders `confirming`, `busy` and `notice`, and a `<dialog>` whose buttons call
 * `confirm()` and `cancel()` and whose `close` event calls `closed()`.
 */
export class RemovalController implements ReactiveController {
  /** The card the dialog asks about. */
  confirming: SavedCard | null = null;
  /** The id of the card being removed. */
  busy: string | null = null;
  notice: { text: string; alert: boolean } | null = null;

  private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
  private readonly options: RemovalOptions;
  private returnFocus: HTMLElement | null = null;
  private proceeding = false;

  constructor(host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment }, options: RemovalOptions) {
    (this.host = host).addController(this);
    this.options = options;
  }

  hostDisconnected(): void {
    this.dialog()?.close();
  }

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot?.querySelector('dialog') ?? null;
  }

  /** The payer pressed a card's remove button. */
  async ask(card: SavedCard, button: HTMLElement): Promise<void> {
    if (this.busy) return;
    this.returnFocus = button;
    this.confirming = card;
    this.notice = null;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const dialog = this.dialog();
    if (dialog && !dialog.open) dialog.showModal();
    // The safe choice first: Enter on a dialog that opened by accident removes nothing.
    dialog?.querySelector<HTMLButtonElement>('[data-cancel]')?.focus();
  }

  confirm(): void {
    this.proceeding = true;
    this.dialog()?.close();
  }

  cancel(): void {
    this.dialog()?.close();
  }

  /** The dialog closed (a button, Escape, or the page): remove, or put focus back. */
  closed(): void {
    const card = this.confirming;
    const proceed = this.proceeding && card !== null;
    this.confirming = null;
    this.proceeding = false;
    this.host.requestUpdate();
    if (proceed) void this.remove(card);
    else this.returnFocus?.focus();
  }

  /** After the payer confirmed: the host's hook (with our dialog closed, so its own UI works), then the backend. */
  private async remove(card: SavedCard): Promise<void> {
    const m = this.options.messages();
    this.set({ busy: card.id });
    this.returnFocus?.focus();
    if (!(await this.hostAllows(card))) return this.set({ busy: null, notice: { text: m.removeVetoed, alert: false } });
    const remover = this.options.remover();
    const result: CardRemovalResult = remover ? await remover(card) : { ok: false, code: CardRemovalCode.Unavailable };
    if (!result.ok) return this.set({ busy: null, notice: { text: m.removeErrors[result.code], alert: true } });
    this.options.removed(card);
    this.set({ busy: null, notice: { text: m.removed(this.options.cardName(card)), alert: false } });
    emit(this.host, 'shouyin-card-remove', { cardId: card.id, brand: card.brand, last4: card.last4 });
    await this.host.updateComplete;
    // The removed card's button is gone: focus goes to the selection (or the empty state), not to the page.
    this.host.renderRoot.querySelector<HTMLElement>('input[name="saved-card"]:checked, #empty')?.focus();
  }

  /** A hook that throws, or answers anything but `true`, keeps the card. */
  private async hostAllows(card: SavedCard): Promise<boolean> {
    const hook = this.options.beforeCardRemove();
    if (!hook) return true;
    try {
      return (await hook(card)) === true;
    } catch {
      return false;
    }
  }

  private set(patch: Partial<Pick<RemovalController, 'busy' | 'notice'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }
}
