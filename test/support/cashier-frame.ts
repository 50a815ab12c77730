/**
 * A host's page with one cashier, loaded in an iframe whose size is the viewport a test needs
 * (cashier-frame.html). `?session=` is the session URL.
 */
import '../../src/index.js';

const el = document.createElement('shouyin-checkout');
el.setAttribute('session-url', new URLSearchParams(location.search).get('session') ?? '');
document.body.append(el);
