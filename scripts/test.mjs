#!/usr/bin/env node
// `npm test`: browser tests (web-test-runner, in every engine) then node tests (node:test).
//
//   node scripts/test.mjs                 both
//   node scripts/test.mjs --only browser  web-test-runner only
//   node scripts/test.mjs --only node     node:test only
//
// Env: SHOUYIN_BROWSERS=chromium,firefox,webkit,chromium-phone (default all four),
//      SHOUYIN_TEST_FILES=<globs> (browser test files, default test/browser/**/*.test.ts).
//
// Ends with one line `N passed, N failed[, N skipped]` summing both runners. Exits non-zero
// when a test failed, a runner failed, no test ran at all, or (CI=true) an engine is missing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { enginesFor, findBrowsers, GROUP_ENGINE, selectedGroups, startXvfb } from './browsers.mjs';
import { ensureRedisServer } from './redis.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

function parseArgs(argv) {
  let only;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') only = argv[++i];
    else if (a.startsWith('--only=')) only = a.slice('--only='.length);
    else throw new Error(`unknown argument: ${a} (use --only browser|node)`);
  }
  if (only !== undefined && only !== 'browser' && only !== 'node') {
    throw new Error(`--only must be "browser" or "node", got ${JSON.stringify(only)}`);
  }
  return { browser: only !== 'node', node: only !== 'browser' };
}

const CI = process.env.CI === 'true' || process.env.CI === '1';
/** The seeded fault-injection suite, run once more against two backend instances. */
const FAULT_SUITE = 'test/browser/checkout/resilience-faults.chromium.test.ts';
const run = parseArgs(process.argv.slice(2));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'shouyin-test-'));
const problems = [];
/** children to stop on SIGINT/SIGTERM */
const children = new Set();
let xvfb;

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Spawns a command, inheriting stdio; resolves with its exit code (signals map to 128+n). */
function runChild(cmd, args, { env = process.env, group = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env, detached: group });
    const entry = { child, group };
    children.add(entry);
    child.on('error', (err) => {
      console.error(`[test] could not start ${cmd}: ${err.message}`);
      children.delete(entry);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      children.delete(entry);
      if (group) killGroup(child.pid, 'SIGKILL'); // leftovers (browsers) of that run
      resolve(code ?? 128 + (os.constants.signals[signal] ?? 0));
    });
  });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // group already gone
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** test/node/**\/*.test.ts, sorted (Node 20's --test does not expand globs). */
function nodeTestFiles(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...nodeTestFiles(p));
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const { child, group } of children) {
      if (group) killGroup(child.pid, signal);
      else child.kill(signal);
    }
    xvfb?.stop();
    rmSync(tmp, { recursive: true, force: true });
    process.exit(128 + os.constants.signals[signal]);
  });
}

const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

// The reference backend on Redis (node tests, and the browser fault suite against two
// instances): each test starts its own redis-server; here it is only installed when missing.
const redisServer = ensureRedisServer();
if (!redisServer) {
  const msg = 'redis-server is not available: the tests of the backend on Redis will not run';
  if (CI) problems.push(`CI requires redis-server, which is missing`);
  console.warn(`[test] ${CI ? 'ERROR (CI)' : 'WARNING'}: ${msg}`);
}

// ---------------------------------------------------------------------------------------
// Browser tests

if (run.browser) {
  const t0 = Date.now();
  const groups = selectedGroups();
  const engines = enginesFor(groups);
  const info = findBrowsers({ engines, install: true });
  const missing = engines.filter((e) => !info[e].available);
  for (const e of missing) {
    const msg = `engine ${e} is not available (${info[e].label}); its group(s) will not run`;
    if (CI) {
      console.error(`\n[test] ERROR (CI): ${msg}\n`);
      problems.push(`CI requires engine ${e}, which is missing`);
    } else {
      console.warn(`[test] WARNING: ${msg}`);
    }
  }
  const runGroups = groups.filter((g) => info[GROUP_ENGINE[g]].available);
  const tBrowsers = Date.now();

  let display = process.env.DISPLAY;
  if (runGroups.includes('webkit') && info.webkit.needsDisplay && !display) {
    try {
      xvfb = await startXvfb();
      display = xvfb.display;
      console.log(`[test] started Xvfb on ${display} (pid ${xvfb.pid}) for WebKitGTK`);
    } catch (err) {
      problems.push(`could not start Xvfb: ${err.message}`);
      console.error(`[test] could not start Xvfb: ${err.message}`);
    }
  }

  if (runGroups.length > 0) {
    const countsFile = path.join(tmp, 'wtr-counts.json');
    const env = {
      ...process.env,
      SHOUYIN_BROWSERS: runGroups.join(','),
      SHOUYIN_COUNTS_FILE: countsFile,
      ...(display ? { DISPLAY: display } : {}),
    };
    const wtr = path.join(root, 'node_modules', '.bin', 'wtr');
    const code = await runChild(wtr, ['--config', 'web-test-runner.config.mjs'], { env, group: true });
    const counts = readJson(countsFile);
    if (!counts) {
      problems.push(`web-test-runner wrote no counts (exit ${code})`);
      total.failed += 1; // the run itself broke: never report it as zero tests
    } else {
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
      for (const [name, g] of Object.entries(counts.groups ?? {})) {
        lines.push(
          `  browser ${name.padEnd(15)} ${g.passed} passed, ${g.failed} failed, ${g.skipped} skipped (${g.files} file${g.files === 1 ? '' : 's'})`,
        );
      }
      for (const s of counts.brokenSessions ?? []) {
        lines.push(`  broken: ${s.group} ${s.file}: ${s.errors.join(' | ') || 'failed outside any test'}`);
      }
      for (const f of counts.failedTests ?? []) lines.push(`  failed: ${f.group} ${f.file}: ${f.test}`);
    }
    if (code !== 0) problems.push(`web-test-runner exited with ${code}`);
    // The fault suite once more, in Chromium, against two backend instances on one Redis with
    // requests alternating between them (not when SHOUYIN_TEST_FILES picks other files).
    if (runGroups.includes('chromium') && !process.env.SHOUYIN_TEST_FILES && redisServer) {
      const twoFile = path.join(tmp, 'wtr-two-instances.json');
      const twoEnv = {
        ...env,
        SHOUYIN_BROWSERS: 'chromium',
        SHOUYIN_TEST_FILES: FAULT_SUITE,
        SHOUYIN_WTR_INSTANCES: '2',
        SHOUYIN_COUNTS_FILE: twoFile,
      };
      const twoCode = await runChild(wtr, ['--config', 'web-test-runner.config.mjs'], { env: twoEnv, group: true });
      const two = readJson(twoFile);
      if (!two) {
        problems.push(`web-test-runner (two instances) wrote no counts (exit ${twoCode})`);
        total.failed += 1;
      } else {
        total.passed += two.passed;
        total.failed += two.failed;
        total.skipped += two.skipped;
        for (const f of two.failedTests ?? []) lines.push(`  failed: ${f.group} ${f.file}: ${f.test}`);
        if (counts) counts.groups = { ...counts.groups, ...two.groups };
        for (const [name, g] of Object.entries(two.groups ?? {})) {
          lines.push(
            `  browser ${name.padEnd(15)} ${g.passed} passed, ${g.failed} failed, ${g.skipped} skipped (${g.files} file${g.files === 1 ? '' : 's'})`,
          );
        }
      }
      if (twoCode !== 0) problems.push(`web-test-runner (two instances) exited with ${twoCode}`);
    }
    const ran = counts ? Object.keys(counts.groups ?? {}) : runGroups;
    const describe = (g) =>
      g === 'chromium-phone'
        ? 'chromium-phone (Pixel 7 emulation)'
        : g === 'chromium-two-instances'
          ? 'chromium-two-instances (the fault suite, two backends on Redis)'
          : `${g} (${info[GROUP_ENGINE[g]].label})`;
    lines.unshift(`engines: ${ran.map(describe).join(', ') || 'none'}`);
  } else {
    problems.push('no browser group could run');
    lines.unshift('engines: none');
  }
  if (xvfb) {
    await xvfb.stop();
    xvfb = undefined;
  }
  lines.push(
    `  browser tests: ${seconds(Date.now() - t0)} (finding/installing browsers ${seconds(tBrowsers - t0)})`,
  );
}

// ---------------------------------------------------------------------------------------
// Node tests

if (run.node) {
  const t0 = Date.now();
  const files = nodeTestFiles(path.join(root, 'test', 'node')).map((f) => path.relative(root, f));
  if (files.length === 0) {
    console.log('[test] no node tests (test/node/**/*.test.ts)');
    lines.push('  node tests: none found');
  } else {
    const countsFile = path.join(tmp, 'node-counts.json');
    const reporter = pathToFileURL(path.join(root, 'scripts', 'node-count-reporter.mjs')).href;
    const code = await runChild(process.execPath, [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${reporter}`,
      `--test-reporter-destination=${countsFile}`,
      ...files,
    ], {
      // tsx transpiles through esbuild's synchronous API, which by default talks to esbuild from a
      // worker thread over Atomics; now and then a test process stuck there forever (main thread
      // in a futex wait, esbuild waiting to read), and the run with it. esbuild's other
      // synchronous path, a child process per call, has no such wait (tsx caches what it made).
      env: { ...process.env, ESBUILD_WORKER_THREADS: '0' },
    });
    const counts = readJson(countsFile);
    if (!counts) {
      problems.push(`node --test wrote no counts (exit ${code})`);
      total.failed += 1;
    } else {
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
      lines.push(
        `  node ${files.length} file${files.length === 1 ? '' : 's'}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ${seconds(Date.now() - t0)}`,
      );
      for (const f of counts.failedTests ?? []) {
        lines.push(`  failed: node ${path.relative(root, f.file) || f.file}: ${f.test}`);
      }
    }
    if (code !== 0) problems.push(`node --test exited with ${code}`);
  }
}

// ---------------------------------------------------------------------------------------
// Summary

rmSync(tmp, { recursive: true, force: true });
if (total.passed + total.failed === 0) problems.push('no test ran');
if (total.failed > 0) problems.push(`${total.failed} test(s) failed`);

const out = ['', ...lines];
for (const p of problems) out.push(`FAILED: ${p}`);
let closing = `${total.passed} passed, ${total.failed} failed`;
if (total.skipped > 0) closing += `, ${total.skipped} skipped`;
out.push(closing);
writeSync(1, `${out.join('\n')}\n`);
process.exitCode = problems.length > 0 ? 1 : 0;
