/**
 * The whole checkout as one pure state machine: a state and an event give the next state and
 * the effects to carry out, as data. No DOM, no I/O; the time, the environment, the catalog
 * and the payer's last channel come in `context`, the attempt ids from `context.token`. An event
 * that does not apply gives back the very same state and no effects: a second pay click
 * while paying, a report of an attempt this load did not start.
 */
import { channelAvailability, type AvailabilityContext } from '../../channels/availability.js';
import { rankChannels, recommendChannel } from '../../channels/ranking.js';
import type { ChannelChangeReason, ShouyinEventDetails, ShouyinEventName } from '../../events/events.js';
import type { Messages } from '../../i18n/messages.js';
import { ErrorCode, FailureCode } from '../../protocol/codes.js';
import type { Channel, Environment, Session } from '../../protocol/schemas.js';
import { chunksFor } from './chunks.js';
import type { Effect, Emit } from './effects.js';
import type { CheckoutEvent, RunReport } from './events.js';
import { blockingFailure, decideFallback, loadFallback, triggerCode, triggersFallback, type FallbackTrigger } from './fallback.js';
import { Phase, type ActionView, type AttemptRef } from './flow.js';
import { failureText } from '../failure-text.js';
import { attemptDetail, orderDetail } from './order-detail.js';
import { repeatsAsIs } from './repeats.js';
import { initialCheckout, type CheckoutState, type FallbackNotice } from './state.js';

export interface CheckoutContext {
  /** Backend time now (the session's `serverTime` corrects the client's clock). */
  now: number;
  env: Environment;
  messages: Messages;
  /** The channel this merchant's payer last paid with, if any. */
  lastUsed(merchantId: string): string | null;
  /** A random base64url token of `count` bytes: an attempt's ids. */
  token(count: number): string;
  /** Card data is typed in the card platform's frame (`card-frame`), not in this page. */
  cardFrame?: boolean;
}

/** What decides whether a channel can pay this session's order: the amount, the backend's time, the environment. */
export function availability(session: Session, now: number, env: Environment): AvailabilityContext {
  return { amount: session.order.amount, now, env };
}

export interface Reduced {
  state: CheckoutState;
  effects: Effect[];
}

export function reduce(state: CheckoutState, event: CheckoutEvent, context: CheckoutContext): Reduced {
  const { now, messages: m } = context;
  const effects: Effect[] = [];
  let s = state;
  const set = (patch: Partial<CheckoutState>): void => void (s = { ...s, ...patch });
  const emit = <K extends ShouyinEventName>(name: K, detail: ShouyinEventDetails[K]): void =>
    void effects.push({ type: 'emit', name, detail } as Emit);
  const available = (session: Session): AvailabilityContext => availability(session, now, context.env);
  const ranking = (session: Session) => ({ ...available(session), lastUsed: context.lastUsed(session.order.merchant.id) });
  const canPay = (session: Session) => (c: Channel) => channelAvailability(c, available(session)).available;
  const payable = (session: Session, id: string | null): boolean => {
    const channel = session.channels.find((c) => c.id === id);
    return !!channel && canPay(session)(channel);
  };
  const current = (ref: AttemptRef): boolean =>
    (s.flow.phase === Phase.Paying || s.flow.phase === Phase.Pending) && s.flow.attempt.attempt === ref.attempt;

  /** The session could not be loaded or used: nothing can be paid until a new one comes (a paid order stays paid). */
  const fail = (code: ErrorCode, status?: number): void => {
    if (s.flow.phase !== Phase.Succeeded) set({ flow: { phase: Phase.Error, code } });
    emit('shouyin-error', { code, message: m.errors[code], ...(status === undefined ? {} : { status }) });
  };

  const select = (id: string, reason: ChannelChangeReason = 'user'): void => {
    const { session, channelId } = s;
    if (!session || id === channelId || s.flow.phase !== Phase.Ready || !payable(session, id)) return;
    // A new choice clears the last failure; the payer's own one also the fallback notice.
    set({ channelId: id, flow: { phase: Phase.Ready }, notice: reason === 'user' ? undefined : s.notice });
    emit('shouyin-channel-change', { channel: id, previous: channelId, reason });
  };

  const expire = (): void => {
    const { session, flow } = s;
    if (!session || flow.phase === Phase.Succeeded || flow.phase === Phase.Expired) return;
    set({ flow: { phase: Phase.Expired } });
    emit('shouyin-expire', orderDetail(session));
    effects.push({ type: 'card', reset: true });
  };

  const announce = (session: Session, { from, to, code }: Pick<FallbackNotice, 'from' | 'to' | 'code'>): void =>
    emit('shouyin-fallback', { ...orderDetail(session), from, to, reason: code, previousAttempt: s.lastAttempt });

  /** Moves the payment to the fallback's channel, tells the host, and pays at once when nothing more is needed. */
  const moveTo = (session: Session, notice: FallbackNotice, automatic: boolean): void => {
    select(notice.to, 'fallback');
    if (s.channelId !== notice.to) return;
    set({ notice: automatic ? { ...notice, kind: 'moved' } : undefined });
    announce(session, notice);
    if (notice.immediate) effects.push({ type: 'pay' });
  };

  /** Offers, makes or skips the fallback the session's mode asks for after an attempt ended badly. */
  const afterFailure = (session: Session, from: string, trigger: FallbackTrigger): void => {
    if (!triggersFallback(trigger)) return;
    const givenUp = [...s.givenUp, from];
    set({ givenUp });
    const decision = decideFallback({ session, from, trigger, available: canPay(session), exclude: new Set(givenUp), ranked: rankChannels(session.channels, ranking(session)) });
    if (decision.kind === 'none') return;
    const notice: FallbackNotice = { kind: 'offer', from, to: decision.to, code: triggerCode(trigger), immediate: decision.immediate };
    if (decision.kind === 'offer') set({ notice });
    else moveTo(session, notice, true);
  };

  /** An attempt ended without paying. Only the attempt on screen changes the screen; the host hears of any. */
  const finish = (
    { session, ref }: RunReport,
    code: FailureCode,
    retryable: boolean,
    paymentId: string | null,
    trigger: FallbackTrigger | null,
    unknown?: boolean,
  ): void => {
    // A newer attempt's record stays, and so does this one's while its outcome is unknown.
    if (!unknown) effects.push({ type: 'forget', orderId: session.order.id, attempt: ref.attempt });
    const mine = current(ref);
    // Back to ready with the failure shown, so the payer can retry or choose another channel.
    if (mine) set({ lastAttempt: ref.attempt, notice: undefined, flow: { phase: Phase.Ready, failure: { code, retryable, attempt: ref.attempt, channel: ref.channel, repeats: repeatsAsIs(code, retryable) } } });
    emit('shouyin-failure', { ...attemptDetail(session, ref), paymentId, code, retryable, message: failureText(m, session, code, ref.channel) });
    effects.push({ type: 'card', reset: false });
    if (mine && trigger && s.flow.phase === Phase.Ready) afterFailure(session, ref.channel, trigger);
  };

  switch (event.type) {
    case 'load':
      // A new session is a new order: it replaces whatever was on screen, success included.
      s = { ...initialCheckout, flow: { phase: Phase.Loading } };
      effects.push({ type: 'stop' });
      break;
    case 'loaded': {
      if (s.flow.phase !== Phase.Loading) break;
      const { session, open } = event;
      const orderId = session.order.id;
      if (session.paid) {
        // Paid is paid, however late the page comes back: a try this tab kept is over, and named.
        const { paymentId } = session.paid;
        set({ session, flow: { phase: Phase.Succeeded, attempt: { paymentId }, earlier: true } });
        effects.push({ type: 'forget', orderId });
        emit('shouyin-success', { ...orderDetail(session), channel: open?.channel ?? null, attempt: open?.attempt ?? null, paymentId, alreadyPaid: true });
        effects.push({ type: 'card', reset: true });
        break;
      }
      if (Date.parse(session.expiresAt) <= now) {
        fail(ErrorCode.SessionExpired);
        break;
      }
      const resumed = open && session.channels.find((c) => c.id === open.channel);
      // A channel the host no longer offers cannot be asked about through this session.
      if (open && !resumed) effects.push({ type: 'forget', orderId });
      // The host's first channel cannot pay: the payment starts on its fallback, and the host hears so.
      const moved = resumed
        ? undefined
        : loadFallback(
            session,
            canPay(session),
            (c) => blockingFailure(channelAvailability(c, available(session))),
            rankChannels(session.channels, ranking(session)),
          );
      const chosen = resumed ?? (moved ? session.channels.find((c) => c.id === moved.to) : recommendChannel(session.channels, ranking(session)));
      const ready = { ...orderDetail(session), channels: session.channels.map((c) => c.id), channel: chosen?.id ?? null };
      set({ session, ready, flow: { phase: Phase.Ready } });
      emit('shouyin-ready', ready);
      if (open && resumed) {
        // Shown as it was when the page went away, even if the channel could not take a new payment now.
        const ref: AttemptRef = { attempt: open.attempt, idempotencyKey: open.idempotencyKey, channel: open.channel };
        set({ channelId: ref.channel, tried: [ref.attempt], flow: { phase: Phase.Paying, attempt: ref } });
        emit('shouyin-channel-change', { channel: ref.channel, previous: null, reason: 'recommendation' });
        effects.push({ type: 'run', session, ref, previousAttempt: null, open });
      } else if (chosen) {
        select(chosen.id, moved ? 'fallback' : 'recommendation');
        if (moved) {
          set({ notice: { kind: 'preselected', ...moved, immediate: false } });
          announce(session, moved);
        }
      }
      effects.push({ type: 'timers' });
      break;
    }
    case 'error':
      fail(event.code, event.status);
      break;
    case 'report':
      emit('shouyin-error', { code: event.code, message: m.errors[event.code] });
      break;
    case 'select':
      select(event.channel, event.reason);
      break;
    case 'pay': {
      const { session, channelId } = s;
      if (s.flow.phase !== Phase.Ready || !session || !channelId) break;
      if (Date.parse(session.expiresAt) <= now) {
        expire();
        break;
      }
      // The payer pressed pay on what just failed and would fail again: nothing is sent.
      if (!payable(session, channelId) || s.flow.failure?.repeats) break;
      if (!event.crypto) {
        fail(ErrorCode.CryptoUnavailable);
        break;
      }
      const ref: AttemptRef = { attempt: context.token(12), idempotencyKey: context.token(18), channel: channelId };
      effects.push({ type: 'submit', ref, detail: { ...attemptDetail(session, ref), previousAttempt: s.lastAttempt } });
      break;
    }
    case 'submitted': {
      const { session } = s;
      const { ref } = event;
      // A listener of `shouyin-submit` may have changed the session or the channel meanwhile.
      if (s.flow.phase !== Phase.Ready || !session || ref.channel !== s.channelId) break;
      // Paying from here on: a second click finds the checkout busy. An auto fallback stays on
      // screen while its payment runs; an offer the payer passed over does not.
      set({ flow: { phase: Phase.Paying, attempt: ref }, tried: [...s.tried, ref.attempt], notice: s.notice?.kind === 'moved' ? s.notice : undefined });
      effects.push({ type: 'run', session, ref, previousAttempt: event.previousAttempt });
      break;
    }
    case 'instrument': {
      const { flow: f } = s;
      // The failure stays said; only what it blocked is free again. A channel's limit is the
      // channel's, whichever card pays: only another channel gets past it.
      if (f.phase === Phase.Ready && f.failure?.repeats && f.failure.code !== FailureCode.LimitExceeded) set({ flow: { phase: Phase.Ready, failure: { ...f.failure, repeats: false } } });
      break;
    }
    case 'abandon': {
      // The attempt stays open on the backend until the next one cancels it (or, had it paid
      // meanwhile, that one is answered "already paid"), so nothing can be paid twice.
      const { session, flow: f } = s;
      if (f.phase !== Phase.Pending || !session) break;
      effects.push({ type: 'stop' });
      finish({ session, ref: f.attempt }, FailureCode.Canceled, false, f.attempt.paymentId, { kind: 'abandoned' });
      break;
    }
    case 'accept-fallback': {
      const { notice, session } = s;
      if (notice?.kind === 'offer' && session && s.flow.phase === Phase.Ready) moveTo(session, notice, false);
      break;
    }
    case 'undo-fallback': {
      const { notice } = s;
      if (notice?.kind !== 'moved' || s.flow.phase !== Phase.Ready) break;
      set({ notice: undefined });
      select(notice.from);
      break;
    }
    case 'card-removed': {
      const { session } = s;
      if (session) set({ session: { ...session, savedCards: session.savedCards.filter((c) => c.id !== event.cardId) } });
      break;
    }
    case 'expire':
      expire();
      break;
    case 'boundary': {
      // A window opened or closed: with no usable selection, the best channel now available is recommended.
      const { session } = s;
      if (!session || s.flow.phase !== Phase.Ready || payable(session, s.channelId)) break;
      const chosen = recommendChannel(session.channels, ranking(session));
      if (chosen) select(chosen.id, 'recommendation');
      else set({ channelId: null });
      break;
    }
    case 'pending': {
      const { session, ref, paymentId } = event;
      const { action } = event;
      const { channel } = ref;
      const mine = current(ref);
      if (mine) {
        const view: ActionView | undefined = action && (action.type === 'qr' ? { type: 'qr', content: action.content, channel } : { type: action.type, channel });
        set({ flow: { phase: Phase.Pending, attempt: { ...ref, paymentId }, action: view } });
      }
      emit('shouyin-pending', { ...attemptDetail(session, ref), paymentId, action: action?.type ?? null });
      if (mine) effects.push({ type: 'action', ref, action });
      break;
    }
    case 'sheet': {
      // The sheet of an attempt that has since been replaced says nothing about the current one.
      if (!current(event.ref)) break;
      const { outcome } = event;
      // The host page's set-up, not the payer's: without WeChat's JSSDK no mini-program page opens.
      if (outcome === FailureCode.MiniprogramUnavailable) emit('shouyin-error', { code: ErrorCode.MiniprogramUnavailable, message: m.errors[ErrorCode.MiniprogramUnavailable] });
      effects.push(outcome ? { type: 'give-up', code: outcome } : { type: 'check' });
      break;
    }
    case 'succeeded': {
      const { session, ref, paymentId, earlier } = event;
      // An order paid earlier, by another attempt, says nothing about which channel this payer uses.
      if (!earlier) effects.push({ type: 'remember', merchantId: session.order.merchant.id, channel: ref.channel });
      effects.push({ type: 'forget', orderId: session.order.id });
      const { phase } = s.flow;
      // One of this load's attempts, the one on screen or one the payer left (found paid after all).
      const ours = s.tried.includes(ref.attempt);
      // An abandoned attempt found paid and the newer attempt answered "already paid" both say so: the host hears it once.
      if (ours && phase === Phase.Succeeded) break;
      // Success is what the backend says, from ready too; an expired order stays so on screen.
      if (ours && (phase === Phase.Ready || phase === Phase.Paying || phase === Phase.Pending)) {
        set({ notice: undefined, givenUp: [], flow: { phase: Phase.Succeeded, attempt: { ...ref, paymentId }, earlier } });
      }
      emit('shouyin-success', { ...attemptDetail(session, ref), paymentId, alreadyPaid: earlier });
      effects.push({ type: 'card', reset: true });
      break;
    }
    case 'failed':
      finish(event, event.code, event.retryable, event.paymentId, event.trigger, event.unknown);
      break;
  }
  const chunkContext = { env: context.env, cardFrame: !!context.cardFrame };
  const before = chunksFor(state, chunkContext);
  for (const chunk of chunksFor(s, chunkContext)) if (!before.includes(chunk)) effects.push({ type: 'chunk', chunk });
  return { state: s, effects };
}
