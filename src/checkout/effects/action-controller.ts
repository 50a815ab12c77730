import { BridgeOutcome } from '../../env/bridge-result.js';
import { loadPayment } from '../../lazy/load.js';
import { ErrorCode, FailureCode } from '../../protocol/codes.js';
import type { Action } from '../../protocol/schemas.js';

export interface ActionDeps {
  /** Leaves the page for a wallet's H5 page; injectable so a host app (or a test) can take it over. */
  navigate(url: string): void;
  /** Asks the backend about the attempt now. */
  checkNow(): void;
  /** Tells the host of a page that cannot carry out its action (`shouyin-error`). */
  report(code: ErrorCode): void;
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
 * the wallet, the mini-program's payment page, or the super-app's payment sheet (what the page shows meanwhile, a QR code
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
    if (action?.type !== 'bridge' && action?.type !== 'miniprogram') return;
    // The bridges are in the payment chunk (only super-app payers need them).
    const options = { timeoutMs: this.deps.bridgeTimeoutMs ?? 5000 };
    loadPayment()
      .then((chunk) =>
        action.type === 'bridge' ? chunk.callBridge(action.bridge, action.params, options) : chunk.openMiniProgram(action.path, action.params, options),
      )
      .then(
        (outcome) => {
          // The sheet of an attempt that has since been replaced says nothing about the current one.
          if (run !== this.runs || outcome === BridgeOutcome.Away) return;
          // A mini-program page that cannot open is the host page's set-up (no JSSDK): the host hears it.
          if (action.type === 'miniprogram' && outcome === BridgeOutcome.Unavailable) {
            this.deps.report(ErrorCode.MiniprogramUnavailable);
            return giveUp(FailureCode.MiniprogramUnavailable);
          }
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
