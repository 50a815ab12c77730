/**
 * The binding an order's code was sent for, kept across a reload (sessionStorage, keyed by
 * order id, and the saved card's id when one is confirmed), so a reload between the code and the confirm comes back to the code step instead
 * of sending another code. The binding's id only: never the number, ID, phone or code. Storage
 * is injected and best effort, as the checkout's resume record (`resume-store.ts`).
 */
import { bestEffort } from '../checkout/effects/best-effort-storage.js';

const PREFIX = 'shouyin:binding:';
const BINDING_ID = /^[A-Za-z0-9_-]{1,128}$/;

export interface BindingStore {
  load(key: string): string | undefined;
  save(key: string, bindingId: string): void;
  clear(key: string): void;
}

export function createBindingStore(storage: () => Storage | undefined): BindingStore {
  const attempt = bestEffort(storage);
  return {
    load(key) {
      const id = attempt((s) => s.getItem(PREFIX + key));
      return id && BINDING_ID.test(id) ? id : undefined;
    },
    save(key, bindingId) {
      attempt((s) => s.setItem(PREFIX + key, bindingId));
    },
    clear(key) {
      attempt((s) => s.removeItem(PREFIX + key));
    },
  };
}
