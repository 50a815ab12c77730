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

/**
 * The fields after the number, in the order the form shows them. A payer the host has verified
 * (`known`: the session's `payer`) types none of the holder's: the bank sends the code to the
 * phone it has for the card.
 */
export function bindingFields(info: CardInfo | undefined, known = false): readonly BindingField[] {
  const holder = known ? [] : HOLDER;
  if (info?.known && info.type === 'debit') return holder;
  return [...holder, BindingField.Expiry, BindingField.Cvv];
}
