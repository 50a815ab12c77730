/**
 * Which bank and card type an issuer prefix (IIN / "卡 BIN", the first 6–8 digits) belongs to,
 * from a small table of real prefixes of the large mainland issuers. Where they come from: the
 * BIN ranges the banks issue under China UnionPay's allocation, as listed in UnionPay's bank card
 * BIN table (银联卡 BIN 表) that acquirers receive, and as printed on the banks' own cards; they
 * are the prefixes most often seen at a cashier. They were not re-checked here against a current
 * BIN file: a real backend answers from its acquirer's (or UnionPay's) current file, which holds
 * thousands of ranges and changes as banks issue new products.
 *
 * Pure: the route in app.ts answers from it, and the tests read it directly.
 */
import type { CardInfo, CardType } from '../../src/protocol/binding.js';

export interface BankIin {
  /** 6 (or more) leading digits. */
  prefix: string;
  bank: { id: string; name: string };
  type: CardType;
  brand: string;
}

const PSBC = { id: 'PSBC', name: '中国邮政储蓄银行' };
const ICBC = { id: 'ICBC', name: '中国工商银行' };
const ABC = { id: 'ABC', name: '中国农业银行' };
const BOC = { id: 'BOC', name: '中国银行' };
const CCB = { id: 'CCB', name: '中国建设银行' };
const BOCOM = { id: 'COMM', name: '交通银行' };
const CMB = { id: 'CMB', name: '招商银行' };

export const BANK_IINS: readonly BankIin[] = [
  { prefix: '621799', bank: PSBC, type: 'debit', brand: 'unionpay' },
  { prefix: '622188', bank: PSBC, type: 'debit', brand: 'unionpay' },
  { prefix: '622202', bank: ICBC, type: 'debit', brand: 'unionpay' },
  { prefix: '622208', bank: ICBC, type: 'debit', brand: 'unionpay' },
  { prefix: '622848', bank: ABC, type: 'debit', brand: 'unionpay' },
  { prefix: '621660', bank: BOC, type: 'debit', brand: 'unionpay' },
  { prefix: '621700', bank: CCB, type: 'debit', brand: 'unionpay' },
  { prefix: '436742', bank: CCB, type: 'debit', brand: 'visa' },
  { prefix: '622260', bank: BOCOM, type: 'debit', brand: 'unionpay' },
  { prefix: '622588', bank: CMB, type: 'debit', brand: 'unionpay' },
  { prefix: '439225', bank: CMB, type: 'credit', brand: 'visa' },
  { prefix: '518710', bank: CMB, type: 'credit', brand: 'mastercard' },
];

/**
 * The table's entry for `iin` (6–8 digits): the longest prefix it starts with, else "unknown".
 * `agreementUrl` is the host's link to the bank's quick-pay agreement.
 */
export function lookupIin(iin: string, agreementUrl?: string): CardInfo {
  let found: BankIin | undefined;
  for (const entry of BANK_IINS) {
    if (iin.startsWith(entry.prefix) && (!found || entry.prefix.length > found.prefix.length)) found = entry;
  }
  if (!found) return { known: false };
  const { bank, type, brand } = found;
  return { known: true, bank: { ...bank }, type, brand, ...(agreementUrl ? { agreementUrl } : {}) };
}
