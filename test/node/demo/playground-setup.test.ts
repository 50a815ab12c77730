/**
 * The playground's setup (demo/playground/setup.js): what a shared link means, what it may not
 * carry, and the snippet a designer copies.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain ES module the page loads as it is, without types.
import * as Setup from '../../../demo/playground/setup.js';
import { ENVIRONMENTS } from '../../../src/protocol/schemas.js';
import { PREVIEW_STATES } from '../../../src/preview/script.js';

interface PlaygroundSetup {
  mode: string;
  state: string;
  scheme: string;
  locale: string;
  env: string;
  width: string;
  tokens: Record<string, string>;
}
const { defaultSetup, editorValue, formatSetup, isTokenValue, parseSetup, snippet } = Setup as {
  defaultSetup: (live?: boolean) => PlaygroundSetup;
  editorValue: (name: string, value: string, dark: boolean) => string;
  formatSetup: (setup: PlaygroundSetup, live?: boolean) => string;
  isTokenValue: (value: string) => boolean;
  parseSetup: (hash: string, tokens: string[], live?: boolean) => PlaygroundSetup;
  snippet: (setup: PlaygroundSetup) => string;
};

const TOKENS = ['--shouyin-color-primary', '--shouyin-radius', '--shouyin-font-family'];

describe('playground setup in the URL', () => {
  it('round-trips every field, tokens included', () => {
    const setup: PlaygroundSetup = {
      mode: 'preview',
      state: 'removal-dialog',
      scheme: 'dark',
      locale: 'zh-TW',
      env: 'wechat-miniprogram',
      width: '390',
      tokens: { '--shouyin-color-primary': '#07c160', '--shouyin-font-family': "'Noto Serif SC', serif" },
    };
    assert.deepEqual(parseSetup(`#${formatSetup(setup)}`, TOKENS), setup);
    assert.deepEqual(parseSetup(`#${formatSetup({ ...setup, mode: 'live' }, true)}`, TOKENS, true), { ...setup, mode: 'live' });
  });

  it('writes only what differs from the defaults', () => {
    assert.equal(formatSetup(defaultSetup()), '');
    assert.equal(formatSetup(defaultSetup(true), true), '');
    assert.equal(formatSetup({ ...defaultSetup(), state: 'qr', tokens: { '--shouyin-radius': '4px' } }), 'state=qr&--shouyin-radius=4px');
  });

  const cases: Array<[string, string, Partial<PlaygroundSetup>]> = [
    ['unknown keys and values', '#state=bogus&scheme=sepia&width=1000&env=ios&locale=fr&colour=red', {}],
    ['an unknown token', '#--shouyin-shadow=red&--x=1', {}],
    ['a token that loads a resource', '#--shouyin-color-primary=url(https://example.com/a.png)', {}],
    ['a token with an image()', '#--shouyin-color-surface=image(red)', {}],
    ['a token that ends its declaration', '#--shouyin-radius=4px;background:red', {}],
    ['live asked for on a page with no backend', '#mode=live', {}],
  ];
  for (const [what, hash, expected] of cases) {
    it(`falls back to the defaults for ${what}`, () => {
      assert.deepEqual(parseSetup(hash, ['--shouyin-color-primary', '--shouyin-color-surface', '--shouyin-radius']), { ...defaultSetup(), ...expected });
    });
  }

  it('takes the values tokens take', () => {
    for (const value of ['#07c160', 'light-dark(#07c160, #3ddc84)', '12px', '1.5rem', "system-ui, 'PingFang SC', sans-serif", 'rgb(0 40 80 / 50%)']) {
      assert.equal(isTokenValue(value), true, value);
    }
    for (const value of ['', 'url(x)', 'URL (x)', 'a;b', 'a{b}', 'x'.repeat(201), 'a\\62 c', 'image-set("a.png" 1x)']) {
      assert.equal(isTokenValue(value), false, value);
    }
  });
});

describe('playground snippet', () => {
  it('is a preview element with the context attributes and the changed tokens', () => {
    const text = snippet({
      ...defaultSetup(),
      state: 'card',
      scheme: 'dark',
      locale: 'en',
      env: 'alipay',
      tokens: { '--shouyin-color-primary': '#07c160', '--shouyin-radius': '4px' },
    });
    assert.equal(
      text,
      `<script defer src="shouyin.min.js"></script>
<shouyin-checkout preview preview-state="card" color-scheme="dark" locale="en" env="alipay"></shouyin-checkout>
<style>
  shouyin-checkout {
    --shouyin-color-primary: #07c160;
    --shouyin-radius: 4px;
  }
</style>
`,
    );
  });

  it('takes a session URL and no style block for a live order with the defaults', () => {
    assert.equal(
      snippet(defaultSetup(true)),
      `<script defer src="shouyin.min.js"></script>
<shouyin-checkout session-url="/your/session/endpoint"></shouyin-checkout>
`,
    );
  });
});

describe('playground token editors', () => {
  const cases: Array<[string, string, boolean, string]> = [
    ['--shouyin-color-primary', 'light-dark(#c8102e, #f2555f)', false, '#c8102e'],
    ['--shouyin-color-primary', 'light-dark(#c8102e, #f2555f)', true, '#f2555f'],
    ['--shouyin-color-primary', '#07c160', true, '#07c160'],
    ['--shouyin-radius', '12px', false, '12'],
    ['--shouyin-radius', '1rem', false, ''],
    ['--shouyin-font-family', 'serif', false, 'serif'],
  ];
  for (const [name, value, dark, shown] of cases) {
    it(`shows ${name}: ${value} as ${shown || '(empty)'} in ${dark ? 'dark' : 'light'}`, () => {
      assert.equal(editorValue(name, value, dark), shown);
    });
  }
});

describe('the playground\'s lists', () => {
  // The static page cannot import the TypeScript source, so it keeps its own copies: they must not drift.
  it('offers exactly the screens preview mode has, and environments the cashier knows', () => {
    const lists = Setup as { PREVIEW_STATES: string[]; ENVIRONMENTS: string[] };
    assert.deepEqual(lists.PREVIEW_STATES, [...PREVIEW_STATES]);
    for (const env of lists.ENVIRONMENTS.filter(Boolean)) assert.ok((ENVIRONMENTS as readonly string[]).includes(env), env);
  });
});
