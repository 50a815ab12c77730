import { VERSION } from '../version.js';

/**
 * Where the script-tag bundle publishes `./shared.ts` for its lazy chunks: a global symbol, so
 * a chunk finds it without a global name, and versioned, so two versions of the bundle on one
 * page each give their chunks their own Lit and modules.
 */
export const RUNTIME_KEY: unique symbol = Symbol.for(`shouyin.runtime/${VERSION}`) as never;
