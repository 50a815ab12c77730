/**
 * The payer is never lost: after a change of state (a failure and its offer, success, a QR
 * code) focus and view move to what changed. The target takes focus (a `tabindex=-1` heading or
 * group with a name, so a screen reader says it) and is scrolled into view clear of the sticky
 * pay bar, whose height becomes its bottom scroll margin (the bar's height changes with its
 * buttons, so it is measured, not assumed). `nearest` scrolls as little as it can, both ways:
 * a message below the fold comes up, a success above it comes down.
 */
export function reveal(target: HTMLElement, bar: Element | null | undefined, focus = true): void {
  const sticky = bar && getComputedStyle(bar).position === 'sticky';
  target.style.scrollMarginBlockEnd = `${(sticky ? bar.getBoundingClientRect().height : 0) + 8}px`;
  if (focus) target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'nearest' });
}

/**
 * A field or button the payer moved to (Tab, a tap, a field focused for them) that sits under
 * the sticky bar comes up above it: a browser scrolls to a focused element only when it is out
 * of the viewport, and under the bar it is in it. (The page's `scroll-padding` would do this,
 * but the page is the host's.)
 */
export function keepClear(target: HTMLElement, bar: Element | null | undefined): void {
  if (bar && !bar.contains(target) && getComputedStyle(bar).position === 'sticky' && target.getBoundingClientRect().bottom > bar.getBoundingClientRect().top) {
    reveal(target, bar, false);
  }
}
