// A node:test reporter that counts tests (not suites) and emits one JSON object at the end:
// {"passed":N,"failed":N,"skipped":N,"failedTests":[{file,test}]}. Use with --test-reporter-destination=<file>.
// skip and todo tests count as skipped. A test file that fails to load is reported by
// node as a failed test named after the file, so it counts as one failure.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failedTests: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const data = event.data;
    if (data.details?.type === 'suite') continue;
    if (data.skip !== undefined && data.skip !== false) counts.skipped += 1;
    else if (data.todo !== undefined && data.todo !== false) counts.skipped += 1;
    else if (event.type === 'test:pass') counts.passed += 1;
    else {
      counts.failed += 1;
      // named in the closing summary, so the tail of a CI log says which test failed
      const why = data.details?.error?.cause?.message ?? data.details?.error?.message;
      counts.failedTests.push({
        file: data.file ?? '',
        test: `${data.name}${why ? `: ${String(why).split('\n')[0].slice(0, 200)}` : ''}`,
      });
    }
  }
  yield `${JSON.stringify(counts)}\n`;
}
