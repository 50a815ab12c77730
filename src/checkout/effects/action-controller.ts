import { BridgeOutcome } from '../../env/bridge-result.js';
import { loadPayment } from '../../lazy/load.js';
import { FailureCode } from '../../protocol/codes.js';
import type { Action } from '../../protocol/schemas.js';

export interface ActionDeps {
  /** Leaves the page for a wallet's H5 page; injectable so a host app (or a test) can take it over. */
  navigate(url: string): void;
  /** Asks the backend about the attempt now. */
  checkNow(): void;
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
 * the wallet, or the super-app's payment sheet (what the page shows meanwhile, a QR code
 * included, is the state's `action`). It never decides that a payment succeeded: a sheet that
 * says "paid" only makes the checkout ask the backend at once.
 */
export class ActionController {
  private runs = 0;

  constructor(private readonly deps: ActionDeps) {}

  /**
   * Starts the action of an attempt's first pending answer (none: a sheet still open is
   * forgotten). `giveUp` ends the attempt when the payer closed the sheet or it failed, so they can retry.
   */
  start(action: Action | undefined, giveUp: (code: FailureCode) => void): void {
    const run = ++this.runs;
    if (action?.type === 'redirect') this.deps.navigate(action.url);
    if (action?.type !== 'bridge') return;
    // The bridges are in the payment chunk (only super-app payers need them).
    const timeoutMs = this.deps.bridgeTimeoutMs ?? 5000;
    loadPayment()
      .then(({ callBridge }) => callBridge(action.bridge, action.params, { timeoutMs }))
      .then(
        (outcome) => {
          // The sheet of an attempt that has since been replaced says nothing about the current one.
          if (run !== this.runs) return;
          const code = GIVE_UP[outcome];
          if (code) giveUp(code);
          else this.deps.checkNow();
        },
        // The chunk did not load: no sheet opened, so nothing was paid through it. The network,
        // not the channel, failed: the payer may try again, which loads it again.
        () => {
          if (run === this.runs) giveUp(FailureCode.NetworkError);
        },
      );
  }
}
