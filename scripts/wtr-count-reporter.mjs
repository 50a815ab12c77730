// A web-test-runner reporter that counts passed / failed / skipped tests across all
// browsers and groups and, at the end, writes them as JSON to $SHOUYIN_COUNTS_FILE.
//
// A session (one test file in one browser) that failed without any failing test in it
// (the file did not load, the browser did not launch, an error outside any test, a
// timeout) counts as one failed test, so such a run can never look like "0 tests, all fine".
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {import('@web/test-runner-core').TestSuiteResult | undefined} suite
 * @param {{ passed: number, failed: number, skipped: number, failedTests: string[] }} acc
 * @param {string[]} [names] the enclosing suites' names
 */
function walk(suite, acc, names = []) {
  if (!suite) return;
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped += 1;
    else if (t.passed) acc.passed += 1;
    else {
      acc.failed += 1;
      const why = t.error?.message ? `: ${String(t.error.message).split('\n')[0].slice(0, 200)}` : '';
      acc.failedTests.push(`${[...names, t.name].join(' > ')}${why}`);
    }
  }
  for (const s of suite.suites ?? []) walk(s, acc, s.name ? [...names, s.name] : names);
}

/**
 * @param {{ file?: string }} [options]
 * @returns {import('@web/test-runner').Reporter}
 */
export function countReporter({ file = process.env.SHOUYIN_COUNTS_FILE } = {}) {
  return {
    stop({ sessions }) {
      const total = { passed: 0, failed: 0, skipped: 0 };
      /** @type {Record<string, { browser: string, passed: number, failed: number, skipped: number, files: number }>} */
      const groups = {};
      /** @type {{ group: string, browser: string, file: string, errors: string[] }[]} */
      const brokenSessions = [];
      // named in the closing summary, so the tail of a CI log says which test failed where
      /** @type {{ group: string, file: string, test: string }[]} */
      const failedTests = [];
      for (const session of sessions) {
        const acc = { passed: 0, failed: 0, skipped: 0, failedTests: /** @type {string[]} */ ([]) };
        walk(session.testResults, acc);
        const groupName = session.group?.name ?? 'default';
        for (const test of acc.failedTests) {
          failedTests.push({ group: groupName, file: path.relative(process.cwd(), session.testFile), test });
        }
        if (session.passed !== true && acc.failed === 0) {
          // failed outside of any test: load error, launch failure, timeout, uncaught error
          acc.failed += 1;
          brokenSessions.push({
            group: groupName,
            browser: session.browser.name,
            file: path.relative(process.cwd(), session.testFile),
            // first line of each error; the default reporter has already printed them in full
            errors: (session.errors ?? []).map((e) => String(e.message).split('\n')[0].slice(0, 300)),
          });
        }
        const g = (groups[groupName] ??= {
          browser: session.browser.name,
          passed: 0,
          failed: 0,
          skipped: 0,
          files: 0,
        });
        g.files += 1;
        for (const k of /** @type {const} */ (['passed', 'failed', 'skipped'])) {
          g[k] += acc[k];
          total[k] += acc[k];
        }
      }
      if (file) {
        writeFileSync(
          file,
          JSON.stringify({ ...total, sessions: sessions.length, groups, brokenSessions, failedTests }, null, 2),
        );
      }
    },
  };
}

export default countReporter;
