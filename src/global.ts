/**
 * The `Shouyin` global that shouyin.min.js defines, for hosts that load the script tag and write
 * TypeScript: `/// <reference types="shouyin/global" />`, or `"types": ["shouyin/global"]` in
 * tsconfig.json. It holds what the package's main entry exports. Types only: no build loads it.
 */
import type * as ShouyinApi from './index.js';

declare global {
  // A classic script's top-level name is a `var` of the page.
  var Shouyin: typeof ShouyinApi;
}
