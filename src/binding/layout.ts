/**
 * Which fields the binding form asks for, from what the card info said. A debit card (储蓄卡)
 * binds with the holder's name, resident ID and bank phone: it has no expiry or CVV printed for
 * online use. A credit card adds its expiry and CVV. A card whose bank is not known yet is asked
 * everything a credit card is, since the bank alone can tell.
 */
import type { CardInfo } from '../protocol/binding.js';

export const BindingField = { Name: 'name', IdNumber: 'idNumber', Mobile: 'mobile', Expiry: 'expiry', Cvv: 'cvv' } as const;
export type BindingField = (typeof BindingField)[keyof typeof BindingField];

const HOLDER: readonly BindingField[] = [BindingField.Name, BindingField.IdNumber, BindingField.Mobile];

/** The fields after the number, in the order the form shows them. */
export function bindingFields(info: CardInfo | undefined): readonly BindingField[] {
  if (info?.known && info.type === 'debit') return HOLDER;
  return [...HOLDER, BindingField.Expiry, BindingField.Cvv];
}
