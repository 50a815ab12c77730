/**
 * A host's page for one cashier, loaded in an iframe whose size is the viewport a test needs
 * (cashier-frame.html). With `?session=` (a session URL) it puts the cashier on the page itself;
 * without, the test does (the element is defined here).
 */
import '../../src/index.js';

const session = new URLSearchParams(location.search).get('session');
if (session) {
  const el = document.createElement('shouyin-checkout');
  el.setAttribute('session-url', session);
  document.body.append(el);
}
