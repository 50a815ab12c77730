import { BridgeOutcome } from '../../env/bridge-result.js';
import { loadPayment } from '../../lazy/load.js';
import { FailureCode } from '../../protocol/codes.js';
import type { Action } from '../../protocol/schemas.js';
import type { AttemptRef } from '../core/flow.js';

export interface ActionDeps {
  /** Leaves the page for a wallet's H5 page; injectable so a host app (or a test) can take it over. */
  navigate(url: string): void;
  /**
   * What the sheet of attempt `ref` said: `null` when it says paid (only the backend can tell),
   * else why it closed. The checkout drops what a replaced attempt's sheet says.
   */
  sheet(ref: AttemptRef, outcome: FailureCode | null): void;
  /** How long to wait for a super-app's JS bridge to appear. */
  bridgeTimeoutMs?: number;
}

const GIVE_UP: Partial<Record<BridgeOutcome, FailureCode>> = {
  [BridgeOutcome.Canceled]: FailureCode.Canceled,
  [BridgeOutcome.Failed]: FailureCode.Unknown,
  [BridgeOutcome.Unavailable]: FailureCode.ChannelUnavailable,
};

/**
 * Carries out what the backend asks for a pending attempt that leaves the page: a redirect to
 * the wallet, the mini-program's payment page, or the super-app's payment sheet (what the page
 * shows meanwhile, a QR code included, is the state's `action`). It never decides that a
 * payment succeeded: a sheet that says "paid" only makes the checkout ask the backend at once.
 */
export class ActionController {
  constructor(private readonly deps: ActionDeps) {}

  start(ref: AttemptRef, action: Action | undefined): void {
    const { deps } = this;
    if (action?.type === 'redirect') deps.navigate(action.url);
    if (action?.type !== 'bridge' && action?.type !== 'miniprogram') return;
    // The bridges are in the payment chunk (only super-app payers need them).
    const options = { timeoutMs: deps.bridgeTimeoutMs ?? 5000 };
    loadPayment()
      .then((chunk) =>
        action.type === 'bridge' ? chunk.callBridge(action.bridge, action.params, options) : chunk.openMiniProgram(action.path, action.params, options),
      )
      .then(
        (outcome) => {
          // The payer is on the mini-program's page: the status is checked when they come back.
          if (outcome === BridgeOutcome.Away) return;
          // A mini-program page that cannot open is the host page's set-up (no JSSDK), not the channel.
          const unavailable = action.type === 'miniprogram' ? FailureCode.MiniprogramUnavailable : FailureCode.ChannelUnavailable;
          deps.sheet(ref, outcome === BridgeOutcome.Unavailable ? unavailable : (GIVE_UP[outcome] ?? null));
        },
        // The chunk did not load: no sheet opened, so nothing was paid through it. The network,
        // not the channel, failed: the payer may try again, which loads it again.
        () => deps.sheet(ref, FailureCode.NetworkError),
      );
  }
}
