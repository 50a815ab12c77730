// dist/playground/: the designer playground (demo/index.html and its script and styles) as a
// static site next to the bundle it loads (../shouyin.min.js, ../lazy/, ../custom-elements.json).
// Served by any static file server, with no backend: the page has no `data-live`, so it runs in
// preview only, and the cashier starts as a preview rather than with a session URL.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';

/** Each rewrite must match once, so a change to demo/index.html cannot silently leave a live page in dist/. */
const REWRITES = [
  [' data-live="/api/"', ''],
  ['href="demo/demo.css"', 'href="demo.css"'],
  ['src="dist/shouyin.min.js"', 'src="../shouyin.min.js"'],
  ['src="demo/playground.js"', 'src="playground.js"'],
  ['session-url="/api/session?amount=12800"', 'preview preview-state="ready"'],
];

export async function buildPlayground() {
  let html = await readFile('demo/index.html', 'utf8');
  for (const [from, to] of REWRITES) {
    if (html.split(from).length !== 2) throw new Error(`playground: demo/index.html should contain ${from} once`);
    html = html.replace(from, to);
  }
  await mkdir('dist/playground', { recursive: true });
  await writeFile('dist/playground/index.html', html);
  await cp('demo/demo.css', 'dist/playground/demo.css');
  await cp('demo/playground.js', 'dist/playground/playground.js');
  await cp('demo/playground', 'dist/playground/playground', { recursive: true });
}
