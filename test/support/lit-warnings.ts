/**
 * Loaded by the test page itself (web-test-runner.config.mjs), before the test framework and
 * any test file, so every browser test gets it without importing it.
 *
 * Lit's dev build warns when an element schedules an update after an update completed
 * (https://lit.dev/msg/change-in-update); the shipped bundle says nothing and renders twice.
 * For our own elements the warning becomes an uncaught error, which mocha charges to the test
 * (or hook) that is running, and the warning itself is still printed. Lit gives each warning
 * once a page: it is forgotten again, so the next test that causes it fails too.
 */
const OURS = /^Element shouyin-[\w-]+ scheduled an update .*change-in-update/s;

const warn = console.warn;
console.warn = function (...args: unknown[]): void {
  warn.apply(this, args);
  const [text] = args;
  if (typeof text !== 'string' || !OURS.test(text)) return;
  // Outside Lit's update, which must finish as it would in the shipped bundle (and after Lit
  // has noted the warning as given).
  queueMicrotask(() => {
    (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings?.delete(text);
    throw new Error(text);
  });
};
