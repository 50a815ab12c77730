import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readLastUsed, rememberLastUsed } from '../../channels/last-used.js';
import { emit, type ChannelChangeReason } from '../../events/events.js';
import type { Messages } from '../../i18n/messages.js';
import { randomToken } from '../../protocol/base64url.js';
import { ErrorCode } from '../../protocol/codes.js';
import type { Channel, Environment, SavedCard } from '../../protocol/schemas.js';
// Module order, for size only (as in index.ts): the lazy loader, with what it shares with the
// chunks, stays here in the bundle; first imported later, by the card instruments, it cost 37 B gzip.
import { loadSavedCards } from '../../lazy/load.js';
import type { CardRemover } from '../../saved-cards/removal-controller.js';
import type { CardRemovalResult } from '../../transport/card-client.js';
import { fetchSession, parseSession, type SessionResult } from '../../transport/session-client.js';
import type { Effect } from '../core/effects.js';
import type { CheckoutEvent } from '../core/events.js';
import { Phase } from '../core/flow.js';
import { clockOffset } from '../core/intent.js';
import { reduce } from '../core/reduce.js';
import { initialCheckout, type CheckoutState } from '../core/state.js';
import { ActionController } from './action-controller.js';
import { AttemptRun } from './attempt-run.js';
import type { PrepareInstrument } from './instruments.js';
import { PageWaits } from './page-waits.js';
import { createResumeStore, pageSessionStorage } from './resume-store.js';
import { SessionLoad } from './session-load.js';
import { SessionTimers } from './session-timers.js';

export interface CheckoutDeps {
  messages(): Messages;
  locale(): string;
  /** The locale's catalog, while it loads (`undefined` once at hand); a load waits for it too. */
  catalog?: () => Promise<void> | undefined;
  env(): Environment;
  /** Opens a wallet's H5 page (a `redirect` action); the element's `navigate`. */
  navigate: (url: string) => void;
  /** Waits before each status check of a pending attempt, the last one repeating; default `POLL_DELAYS_MS`. */
  pollDelays?: () => readonly number[] | undefined;
  /** Drops the card data the inputs hold: all of it (`reset`), or the CVV. */
  clearCard?: (reset: boolean) => void;
}

export type SessionSource = { url: string } | { input: unknown };

/**
 * Preview mode's runner (src/preview/, a lazy chunk): it carries out locally the effects it
 * takes (`carryOut` gives `true`), and removes saved cards, with no backend.
 */
export interface LocalRunner {
  carryOut(effect: Effect): boolean;
  removeCard: CardRemover;
}

/**
 * Runs one cashier's checkout: its state is `reduce`'s (read-only here), its intents become
 * events, and the effects `reduce` asks for are carried out here: host events, an attempt's
 * run (send, poll, resume), the session's clocks, the resume record, card data cleared.
 *
 * Loading a session is a task of its own: each call has an id and an abort; the answer of an
 * older call changes nothing. A run's reports are tagged with their attempt: `reduce` drops
 * those of attempts this load did not start (the host still hears them).
 */
export class CheckoutController implements ReactiveController {
  private s: CheckoutState = initialCheckout;

  /** What the element renders; only `reduce` changes it. */
  get state(): CheckoutState {
    return this.s;
  }
  /** The session's selected channel, if one is. */
  get channel(): Channel | undefined {
    const { session, channelId } = this.s;
    return session?.channels.find((c) => c.id === channelId);
  }

  /** Carries out the backend's actions (redirect, super-app sheet) of a pending attempt. */
  private readonly actions: ActionController;
  /** The network, the payer's return to the page, and the next status check. */
  readonly waits: PageWaits;
  /** The latest attempt's run; a new attempt, a new session or leaving the page stops it. */
  private run: AttemptRun | undefined;
  /** In preview mode, what carries out effects instead of the network and storage. */
  private local: LocalRunner | undefined;
  /** What pays in the attempt a `run` effect starts during `pay` (see there). */
  private instrument: PrepareInstrument = wallet;

  /** The element it drives; the events go there. */
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly deps: CheckoutDeps;
  /** The session load under way: the latest call wins, and a new one aborts the last. */
  private readonly loading = new SessionLoad();
  /** Backend clock minus client clock. */
  private offset = 0;
  /** The URL the session's relative endpoints resolve against. */
  private base = '';
  private readonly timers = new SessionTimers();
  /** The cashier left the page mid-payment and dropped its attempt; back on a page, it resumes from storage. */
  private detached = false;
  private source: SessionSource | undefined;
  /** Where an open attempt is kept for a reload to resume. */
  private readonly resume = createResumeStore(pageSessionStorage);

  constructor(host: ReactiveControllerHost & HTMLElement, deps: CheckoutDeps) {
    this.host = host;
    this.deps = deps;
    this.waits = new PageWaits(host);
    host.addController(this);
    this.actions = new ActionController({
      navigate: deps.navigate,
      checkNow: () => this.checkNow(),
    });
  }

  hostConnected(): void {
    this.startTimers();
    if (this.detached && this.source) void this.load(this.source);
    this.detached = false;
  }

  hostDisconnected(): void {
    this.timers.stop();
    // Moved (taken off and put back in one task), the payment goes on; taken off, it stops as on
    // a reload, and sessionStorage holds where it stood.
    setTimeout(() => {
      const { phase } = this.s.flow;
      const busy = phase === Phase.Paying || phase === Phase.Pending;
      if (this.host.isConnected || !busy || !this.run) return;
      this.run.stop.abort();
      this.run.cut.abort();
      this.detached = true;
    });
  }

  /** Backend time now, corrected by the session's `serverTime`. */
  serverNow(): number {
    return Date.now() + this.offset;
  }

  /**
   * Forgets the current session at once, before the new one is loaded: from this moment no
   * click can pay the old order, and no answer about it can change the screen.
   */
  invalidate(): void {
    this.loading.cancel();
    this.timers.stop();
    this.detached = false;
    this.dispatch({ type: 'load' });
  }

  async load(source: SessionSource): Promise<void> {
    this.invalidate();
    this.source = source;
    const call = this.loading.start();
    // Fetched side by side with the session; the cashier is ready when both are here.
    const catalog = this.deps.catalog?.();
    let result: SessionResult;
    if ('url' in source) {
      const url = parseUrl(source.url, document.baseURI);
      if (!url || !/^https?:$/.test(url.protocol)) return this.fail(ErrorCode.AttributeInvalid);
      this.base = url.href;
      result = await fetchSession(this.base, { signal: call.signal });
    } else {
      this.base = document.baseURI;
      result = parseSession(source.input);
    }
    if (catalog) await catalog;
    if (!call.current() || (!result.ok && result.aborted)) return;
    if (!result.ok) return this.fail(result.code, result.status);
    const { session } = result;
    this.offset = clockOffset(session, Date.now());
    this.dispatch({ type: 'loaded', session, open: this.resume.load(session.order.id) });
  }

  /** Reports a problem that keeps the cashier from working (session, attributes, crypto). */
  fail(code: ErrorCode, status?: number): void {
    this.dispatch({ type: 'error', code, status });
  }

  /** Tells the host of a mistake the cashier works around (`shouyin-error`), and nothing else. */
  report(code: ErrorCode): void {
    this.dispatch({ type: 'report', code });
  }

  select(channel: string, reason?: ChannelChangeReason): void {
    this.dispatch({ type: 'select', channel, ...(reason ? { reason } : {}) });
  }

  /**
   * Pays with the selected channel. `instrument` prepares what pays (a card is encrypted once
   * `shouyin-submit` was not vetoed, while the checkout already refuses a second click);
   * wallets need none. A cashier taken off the page starts nothing (its fallback included).
   */
  pay(instrument: PrepareInstrument = wallet): void {
    if (!this.host.isConnected) return;
    this.instrument = instrument;
    this.dispatch({ type: 'pay', crypto: !!globalThis.crypto?.subtle });
    // The run took it (or the host vetoed): a card's data is not kept here past the click.
    this.instrument = wallet;
  }

  /** The payer gives up waiting on a pending attempt ("use another channel"). */
  abandon(): void {
    this.dispatch({ type: 'abandon' });
  }

  acceptFallback(): void {
    this.dispatch({ type: 'accept-fallback' });
  }

  undoFallback(): void {
    this.dispatch({ type: 'undo-fallback' });
  }

  /** Asks the backend about a pending attempt now, instead of at the next scheduled check. */
  checkNow(): void {
    this.waits.wake();
  }

  /** Preview mode: `local` runs the effects it takes from now on; `undefined` ends it. */
  preview(local: LocalRunner | undefined): void {
    this.local = local;
  }

  /** Removes a saved card with a signed `DELETE`; once the backend agrees, it leaves this session's list. */
  readonly removeCard = async (card: SavedCard): Promise<CardRemovalResult> => {
    const { base, local, s: { session } } = this;
    if (!session) return { ok: false, code: 'removal_unavailable' };
    // The saved cards chunk: loaded already, since its list asked.
    const result = local ? await local.removeCard(card) : await (await loadSavedCards()).removeCard({ session, cardId: card.id, base, now: this.serverNow() });
    if (result.ok) this.dispatch({ type: 'card-removed', cardId: card.id });
    return result;
  };

  /** Runs `reduce`, shows its state, carries out its effects (preview mode drives it with its script too). */
  readonly dispatch = (event: CheckoutEvent): void => {
    const { state, effects } = reduce(this.s, event, {
      now: this.serverNow(),
      env: this.deps.env(),
      messages: this.deps.messages(),
      lastUsed: readLastUsed,
      token: randomToken,
    });
    if (state !== this.s) {
      this.s = state;
      this.host.requestUpdate();
    }
    for (const effect of effects) this.carryOut(effect);
  };

  private carryOut(effect: Effect): void {
    const { run, resume } = this;
    if (this.local?.carryOut(effect)) return;
    switch (effect.type) {
      case 'emit':
        emit(this.host, effect.name, effect.detail as never);
        break;
      case 'submit':
        if (emit(this.host, 'shouyin-submit', effect.detail)) {
          this.dispatch({ type: 'submitted', ref: effect.ref, previousAttempt: effect.detail.previousAttempt });
        }
        break;
      case 'run': {
        run?.stop.abort();
        const { open } = effect;
        const next = (this.run = new AttemptRun(
          {
            base: this.base,
            serverNow: () => this.serverNow(),
            pollDelays: () => this.deps.pollDelays?.(),
            waits: this.waits,
            resume,
            env: this.deps.env,
            locale: this.deps.locale,
          },
          effect.session,
          effect.ref,
          this.dispatch,
        ));
        void (open ? next.resume(open) : next.pay(this.instrument, effect.previousAttempt));
        break;
      }
      case 'stop':
        run?.stop.abort();
        break;
      case 'action':
        this.actions.start(effect.action, (code) => run?.giveUp(code));
        break;
      case 'pay':
        this.pay();
        break;
      case 'forget': {
        const stored = effect.attempt && resume.load(effect.orderId);
        if (!stored || stored.attempt === effect.attempt) resume.clear(effect.orderId);
        break;
      }
      case 'remember':
        rememberLastUsed(effect.merchantId, effect.channel);
        break;
      case 'card':
        this.deps.clearCard?.(effect.reset);
        break;
      case 'timers':
        this.startTimers();
    }
  }

  /** Re-armed on every (re)connection: a cashier moved in the page keeps watching its windows. */
  private startTimers(): void {
    const { host, s: { session } } = this;
    // A paid order has no time left to count and no window to watch.
    if (!session || session.paid) return;
    const events = {
      expire: () => this.dispatch({ type: 'expire' }),
      // A maintenance window opened or closed: the list shows it at once.
      boundary: () => {
        host.requestUpdate();
        this.dispatch({ type: 'boundary' });
      },
    };
    this.timers.start(session, () => this.serverNow(), events, host.isConnected);
  }
}

/** What pays with a wallet: nothing more than the channel. */
const wallet: PrepareInstrument = async () => ({ type: 'wallet' });

/** `URL.canParse` is missing from the older WebViews super-apps still ship. */
function parseUrl(text: string, base: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}
