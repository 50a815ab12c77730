/**
 * A host's checkout page for one order, loaded in an iframe by tests that reload it for real:
 * every load asks the backend for the order's session (`?order=`), as a host's page does, and
 * knows only what the frame's sessionStorage kept. `?poll=ms` paces the status checks.
 */
import '../../src/index.js';

const params = new URLSearchParams(location.search);
const el = document.createElement('shouyin-checkout');
el.pollDelays = [Number(params.get('poll') ?? '2000')];
el.setAttribute('session-url', `/api/session?order=${encodeURIComponent(params.get('order') ?? '')}`);
document.body.append(el);
