// puppeteer (pulled in by @web/test-runner-puppeteer, which drives Firefox ESR) downloads a
// Chrome build in its postinstall. No browser download can succeed on the machines this
// project targets, and the tests use the system's browsers (scripts/browsers.mjs), so the
// plain `npm install` of the README must never try: puppeteer reads this file at install.
/** @type {import('puppeteer').Configuration} */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
};
