import type { ReactiveController, ReactiveElement } from 'lit';
import { bringsUpChoice, clearance, revealKey, underBar, type RevealInput } from './reveal.js';

/** Where a chosen card channel's area starts: its saved cards, else its form (in the page or the frame). */
const CARD_AREA = '[part=saved-cards], [part=card-binding], [part=card-form]';
/** What a payer types or picks first in it. */
const FIELD = 'input:not([type=hidden]), select, textarea, iframe, [role=radio]';

/**
 * The payer is never lost: after a change of state (a failure and its offer, success, a QR
 * code) focus and view move to what changed, and a field the payer moves to does not sit under
 * the sticky pay bar. `revealKey` (reveal.ts) decides what changed; this moves focus and view.
 * The target takes focus (a `tabindex=-1` heading or group with a name, so a screen reader says
 * it) and is scrolled into view clear of the bar, whose height becomes its bottom scroll margin
 * (the bar's height changes with its buttons, so it is measured, not assumed). `nearest`
 * scrolls as little as it can, both ways: a message below the fold comes up, a success above
 * it comes down. (The page's `scroll-padding` would do this, but the page is the host's.) When
 * the payer chooses the card channel, its first field comes up above the bar too, while focus
 * stays on the choice: on a phone the form opens below the fold, under the bar.
 */
export class RevealController implements ReactiveController {
  /** The last change of state focus and view moved to. */
  private revealed = '';
  /** The bar whose size is watched: a hint that comes into it later must not cover what has focus. */
  private watched: Element | null = null;
  private resized: ResizeObserver | undefined;
  /** The payer just chose the card channel: its first field is to come up once its area is there. */
  private cardChosen = false;

  constructor(
    private readonly host: ReactiveElement,
    /** The state `revealKey` decides from, less what this controller keeps. */
    private readonly input: () => Omit<RevealInput, 'revealed' | 'binding'>,
  ) {
    host.addController(this);
  }

  /** The payer chose a channel (`card`: the card channel), by tap, click or arrow key. */
  chose(card: boolean): void {
    this.cardChosen = card;
  }

  hostUpdated(): void {
    const root = this.host.renderRoot;
    if (this.cardChosen) this.showCardArea(root);
    const bar = root.querySelector('.actions');
    if (bar !== this.watched) {
      this.resized ??= new ResizeObserver(() => this.keepClear());
      this.resized.disconnect();
      if (bar) this.resized.observe(bar);
      this.watched = bar;
    }
    const key = revealKey({ ...this.input(), binding: !!root.querySelector('[part=card-binding]'), revealed: this.revealed });
    if (key === this.revealed) return;
    // Not there yet (the offer and the QR code come with their chunk): the next update finds it.
    const target = key && root.querySelector<HTMLElement>(`[data-reveal="${key[0]}"]`);
    if (key && !target) return;
    this.revealed = key;
    if (!target) return;
    // An element of a chunk (the QR code) has its size once it is defined and has rendered.
    const sized = target.localName.includes('-')
      ? customElements.whenDefined(target.localName).then(() => (target as Partial<ReactiveElement>).updateComplete)
      : undefined;
    void Promise.resolve(sized).then(() => target.isConnected && this.reveal(target));
  }

  /** Focus on `target`, and it in view above the sticky bar. */
  reveal(target: HTMLElement, focus = true): void {
    const bar = this.stickyBar();
    const size = bar && { height: bar.getBoundingClientRect().height, fade: fadeOf(bar) };
    target.style.scrollMarginBlockEnd = `${clearance(size)}px`;
    if (focus) target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest' });
  }

  /** The chosen card channel's first field above the bar, once its area's element is on the page. */
  private showCardArea(root: ParentNode): void {
    const area = root.querySelector<HTMLElement>(CARD_AREA);
    // A skeleton (a plain element with the part) stands in while the chunk comes: the next update finds the element.
    if (!area?.localName.includes('-')) return;
    this.cardChosen = false;
    void customElements
      .whenDefined(area.localName)
      .then(() => (area as Partial<ReactiveElement>).updateComplete)
      .then(() => {
        const field = area.isConnected && firstField(area);
        const bar = this.stickyBar();
        // Where `reveal` puts the field's bottom: above the bar and its fade (clearance's air at least).
        const edge = bar && { top: bar.getBoundingClientRect().top - clearance({ height: 0, fade: fadeOf(bar) }) };
        const choice = this.focused();
        if (field && bringsUpChoice(field.getBoundingClientRect(), edge, choice?.getBoundingClientRect() ?? null)) {
          this.reveal(field, false);
        }
      });
  }

  hostDisconnected(): void {
    this.resized?.disconnect();
    this.watched = null;
  }

  /** On `focusin` in the cashier: a field or button the payer moved to (Tab, a tap, a field focused for them) under the sticky bar comes up above it. */
  readonly onFocusIn = (event: FocusEvent): void => this.keepClear(event.composedPath()[0] as HTMLElement);

  /** What has focus (by default), if under the sticky bar, comes up above it. */
  private keepClear(target = this.focused()): void {
    const bar = this.stickyBar();
    if (target && underBar(target.getBoundingClientRect(), bar?.getBoundingClientRect() ?? null, !!bar?.contains(target))) this.reveal(target, false);
  }

  /** The element with focus in the cashier, inside its parts' shadow roots too. */
  private focused(): HTMLElement | null {
    let active = (this.host.renderRoot as ShadowRoot).activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active as HTMLElement | null;
  }

  /** The pay bar while it sticks to the viewport's bottom (it steps aside in some states, then covers nothing). */
  private stickyBar(): Element | null {
    const bar = this.host.renderRoot.querySelector('.actions');
    return bar && getComputedStyle(bar).position === 'sticky' ? bar : null;
  }
}

/** The height of the fade above the sticky bar (its `::before`). */
function fadeOf(bar: Element): number {
  return parseFloat(getComputedStyle(bar, '::before').height) || 0;
}

/** The first field in `root`'s composed tree that is laid out (shadow roots of parts included). */
function firstField(root: Element | ShadowRoot): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el.matches(FIELD) && el.getClientRects().length > 0) return el;
    const inner = el.shadowRoot && firstField(el.shadowRoot);
    if (inner) return inner;
  }
  return root instanceof Element && root.shadowRoot ? firstField(root.shadowRoot) : null;
}
