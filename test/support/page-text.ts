/**
 * All the text a host script can reach: every node's text, attribute and input value, through
 * every open shadow root; without white space, so a number shown in groups is found whole.
 * Scripts and style sheets are left out: they hold the test runner's code and its source maps,
 * nothing the cashier renders.
 */
export function pageText(root: Node = document): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node instanceof HTMLScriptElement || node instanceof HTMLStyleElement) return;
    if (node instanceof Element) {
      for (const attr of node.attributes) parts.push(attr.value);
      if (node instanceof HTMLInputElement) parts.push(node.value);
      if (node.shadowRoot) walk(node.shadowRoot);
    } else if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join('\n').replace(/\s/g, '');
}

/** `digits` on their own, not inside a longer number (a port, a timestamp): a CVV shown or leaked. */
export const alone = (digits: string): RegExp => new RegExp(`(?<!\\d)${digits}(?!\\d)`);
