/**
 * A host that loads shouyin.min.js with a script tag and declares its `Shouyin` global
 * (test/node/build/types.test.ts).
 */
/// <reference types="shouyin/global" />

const version: string = Shouyin.VERSION;
Shouyin.defineElements();
const element: typeof HTMLElement = Shouyin.ShouyinCheckout;
// @ts-expect-error: not something the bundle exports
Shouyin.createSession();
console.log(version, element);

export {};
