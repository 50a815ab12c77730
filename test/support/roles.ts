/**
 * Finds elements as a screen reader would: by ARIA role and accessible name, looking through
 * shadow roots (the cashier's parts live in them). Names come from dom-accessibility-api,
 * which implements the W3C accessible name computation.
 */
import { computeAccessibleDescription, computeAccessibleName, getRole, isInaccessible } from 'dom-accessibility-api';

export interface RoleQuery {
  name?: string | RegExp;
  /** Include elements hidden from the accessibility tree. */
  hidden?: boolean;
}

function* deepElements(root: ParentNode): Generator<Element> {
  // Not `instanceof Element`: an element of an iframe's page is another realm's Element.
  if ('shadowRoot' in root && root.shadowRoot) yield* deepElements(root.shadowRoot as ShadowRoot);
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

function matches(text: string, expected: string | RegExp): boolean {
  return typeof expected === 'string' ? text === expected : expected.test(text);
}

export function accessibleName(element: Element): string {
  return computeAccessibleName(element);
}

export function accessibleDescription(element: Element): string {
  return computeAccessibleDescription(element);
}

export function queryAllByRole(root: ParentNode, role: string, { name, hidden = false }: RoleQuery = {}): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const element of deepElements(root)) {
    if (getRole(element) !== role) continue;
    if (!hidden && isInaccessible(element)) continue;
    if (name !== undefined && !matches(computeAccessibleName(element), name)) continue;
    found.push(element as HTMLElement);
  }
  return found;
}

function describeQuery(role: string, query: RoleQuery, root: ParentNode): string {
  const named = queryAllByRole(root, role).map((e) => JSON.stringify(computeAccessibleName(e)));
  return `role "${role}"${query.name ? ` named ${String(query.name)}` : ''} (present: ${named.join(', ') || 'none'})`;
}

/** Exactly one element with this role (and name), or an error that lists what is there. */
export function getByRole(root: ParentNode, role: string, query: RoleQuery = {}): HTMLElement {
  const found = queryAllByRole(root, role, query);
  if (found.length !== 1) {
    throw new Error(`Expected one ${describeQuery(role, query, root)}, found ${found.length}`);
  }
  return found[0]!;
}

/** Waits until exactly one element with this role (and name) is there. */
export async function findByRole(root: ParentNode, role: string, query: RoleQuery = {}, timeout = 5000): Promise<HTMLElement> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const found = queryAllByRole(root, role, query);
    if (found.length === 1) return found[0]!;
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${describeQuery(role, query, root)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The visible text of an element, whitespace folded. */
export function textOf(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}
