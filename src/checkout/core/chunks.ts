/**
 * Which lazy chunks a checkout's state needs. `reduce` asks for the ones a new state needs
 * and the last did not (a `chunk` effect), so that a chunk is asked for when what needs it
 * appears, whatever event brought it: a session with saved cards or notices, the card channel
 * selected, a fallback to tell of, a pending attempt's action.
 */
import type { Environment } from '../../protocol/schemas.js';
import { Phase } from './flow.js';
import type { CheckoutState } from './state.js';

export type Chunk = 'card' | 'card-frame' | 'binding' | 'saved-cards' | 'seal' | 'notices' | 'payment' | 'qr' | 'passkey';

/** What, besides the state, decides the chunks: where the cashier runs, and whether card data is typed in the card platform's frame. */
export interface ChunkContext {
  env: Environment;
  cardFrame: boolean;
}

/** Where a wallet's sheet opens through the app's JS bridge, which is in the payment chunk. */
export const BRIDGE_ENVS: readonly Environment[] = ['wechat', 'wechat-miniprogram', 'alipay', 'unionpay'];

export function chunksFor({ session, flow, notice, channelId }: CheckoutState, { env, cardFrame }: ChunkContext): Chunk[] {
  const { phase } = flow;
  // Nothing to pay (yet, or any more): nothing more to load.
  if (!session || (phase !== Phase.Ready && phase !== Phase.Paying && phase !== Phase.Pending)) return [];
  const chunks: Chunk[] = [];
  if (session.notices?.length) chunks.push('notices');
  // Asked as soon as the session is here, so the list is there (or nearly) when the card channel is picked.
  if (session.savedCards.length) chunks.push('saved-cards');
  // Passkey confirmation of a saved card (and its offer once one paid, or a binding saved its card):
  // only where the host enables it.
  if ((session.savedCards.length || session.card?.canSave) && session.endpoints.passkeys) chunks.push('passkey');
  // The card form: in the card platform's frame when there is one (card data never in this page),
  // the binding form where the card channel binds Chinese bank cards (its fields in that frame, if
  // any), else in this page; the card encryption with it, so the pay click finds it there.
  if (session.channels.find((c) => c.id === channelId)?.kind === 'card') {
    if (cardFrame) chunks.push('card-frame');
    if (session.endpoints.bindings) chunks.push('binding');
    else if (!cardFrame) chunks.push('card');
    chunks.push('seal');
  }
  const action = phase === Phase.Pending ? flow.action : undefined;
  // Inside WeChat, Alipay or QuickPass the sheet opens from it: asked with the session, not at the pay click.
  if (notice || action || BRIDGE_ENVS.includes(env)) chunks.push('payment');
  if (action?.type === 'qr') chunks.push('qr');
  return chunks;
}
