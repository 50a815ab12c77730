// A wallet intent for a session, built by the cashier's own `buildIntent`, for the bench's
// backend figures.
import { tsImport } from 'tsx/esm/api';

/** @type {Promise<{ buildIntent: Function }> | undefined} */
let intentModule;

/**
 * @param {unknown} session
 * @param {(bytes: number) => string} randomToken
 */
export async function intentFor(session, randomToken) {
  // Loaded once: tsImport compiles and registers the module anew on every call (~0.1 s).
  intentModule ??= tsImport('../src/checkout/core/intent.ts', import.meta.url);
  const { buildIntent } = await intentModule;
  return buildIntent({
    session,
    channel: 'wechat',
    instrument: { type: 'wallet' },
    attempt: randomToken(12),
    env: 'desktop',
    locale: 'zh-CN',
    nonce: randomToken(18),
    now: Date.now(),
  });
}
