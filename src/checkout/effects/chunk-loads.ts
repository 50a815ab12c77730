import type { Chunk } from '../core/chunks.js';
import { loadBinding, loadCardForm, loadCardFrame, loadNotices, loadPasskey, loadPayment, loadQrCode, loadSavedCards, loadSeal } from '../../lazy/load.js';

const LOADERS = {
  card: loadCardForm,
  'card-frame': loadCardFrame,
  binding: loadBinding,
  'saved-cards': loadSavedCards,
  seal: loadSeal,
  notices: loadNotices,
  payment: loadPayment,
  qr: loadQrCode,
  passkey: loadPasskey,
} satisfies Record<Chunk, () => Promise<unknown>>;

export type ChunkModule<K extends Chunk> = Awaited<ReturnType<(typeof LOADERS)[K]>>;
export type ChunkState<K extends Chunk> = { status: 'loading' | 'failed' } | { status: 'ready'; module: ChunkModule<K> };

/**
 * The lazy chunks one cashier asked for, as they stand. What the checkout renders from a
 * chunk (the saved card list, the card form, the payment views) waits for `ready`; a chunk that
 * failed (the network) is left out, or stood in for, until `reduce` asks for it again.
 */
export class ChunkLoads {
  private readonly states = new Map<Chunk, ChunkState<Chunk>>();

  /** `changed`: a chunk arrived or failed, so what is shown may change. */
  constructor(private readonly changed: () => void) {}

  load(name: Chunk): void {
    if (this.states.get(name)?.status !== 'failed' && this.states.has(name)) return;
    this.states.set(name, { status: 'loading' });
    LOADERS[name]().then(
      (module) => this.states.set(name, { status: 'ready', module }),
      () => this.states.set(name, { status: 'failed' }),
    ).finally(this.changed);
  }

  get<K extends Chunk>(name: K): ChunkState<K> | undefined {
    return this.states.get(name) as ChunkState<K> | undefined;
  }

  /** The chunk's module, once it is here. */
  module<K extends Chunk>(name: K): ChunkModule<K> | undefined {
    const state = this.get(name);
    return state?.status === 'ready' ? state.module : undefined;
  }
}
