/**
 * Card brands (networks) the card form recognises, and detection of a brand from the leading
 * digits of a number, which works on partial input as the payer types.
 *
 * IIN ranges are the ones the networks publish. A range is written as two prefixes of equal
 * length (`{ from: '2221', to: '2720' }` covers every number starting 2221…2720); the length of
 * the prefixes is the range's specificity.
 *
 * Detection rules (see `detectBrand`):
 * - A prefix that several brands could still become is ambiguous and gives `undefined`, so the
 *   form never shows one logo and then swaps it for another: '2' and '22' (Mastercard 2-series
 *   or Mir), '3' (Amex, JCB or Diners), '5' (Mastercard or Maestro), '6' (UnionPay, Discover or
 *   Maestro). A prefix that only one brand can still become gives that brand: '35' is JCB.
 * - When ranges of different brands nest, the most specific range the input fully covers wins,
 *   but only once no longer range of another brand is still possible.
 * - Discover's co-branded 622126–622925 lies inside UnionPay's 62. Those cards are issued by
 *   Chinese banks under UnionPay and reach Discover only through the two networks' reciprocal
 *   acceptance; the payers of this cashier overwhelmingly hold UnionPay 62 cards and the card
 *   platform routes them as UnionPay. So the range is not in Discover's table at all and every
 *   62 number is UnionPay, with UnionPay's lengths and Luhn rule.
 */

export const BrandId = {
  UnionPay: 'unionpay',
  Visa: 'visa',
  Mastercard: 'mastercard',
  Amex: 'amex',
  Jcb: 'jcb',
  Discover: 'discover',
  Diners: 'diners',
  Maestro: 'maestro',
  Mir: 'mir',
} as const;
export type BrandId = (typeof BrandId)[keyof typeof BrandId];

/** Every number whose first `from.length` digits lie between `from` and `to` inclusive. */
export interface IinRange {
  readonly from: string;
  readonly to: string;
}

export interface Brand {
  readonly id: BrandId;
  /**
   * The network's own name, as printed on its logo. Catalogs may give a local name (银联) for
   * display; this one is the fallback and the accessible name of the logo.
   */
  readonly name: string;
  readonly ranges: readonly IinRange[];
  /** The digit counts a complete number may have, ascending. */
  readonly lengths: readonly number[];
  /**
   * Digit groups for lengths that do not follow the default of fours (19 digits: 4-4-4-4-3).
   * Read it through `groupsFor`.
   */
  readonly groups?: Readonly<Record<number, readonly number[]>>;
  readonly cvvLength: number;
  /** Whether a number must pass the Luhn check to be accepted. */
  readonly luhn: boolean;
}

function range(from: string, to: string = from): IinRange {
  return { from, to };
}

function lengths(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** The brand table, in no particular order: detection does not depend on it. */
export const brands: readonly Brand[] = [
  {
    id: BrandId.UnionPay,
    name: 'UnionPay',
    // 81 is UnionPay's newer range (8100–8171 so far); the whole 81 is reserved to it.
    ranges: [range('62'), range('81')],
    // UnionPay issues 14 to 19 digits; processors publish test numbers of every one of them.
    lengths: lengths(14, 19),
    cvvLength: 3,
    // Some UnionPay debit cards were issued with numbers that fail Luhn, and the network
    // accepts them; refusing them here would lock real payers out.
    luhn: false,
  },
  {
    id: BrandId.Visa,
    name: 'Visa',
    ranges: [range('4')],
    lengths: [13, 16, 19],
    cvvLength: 3,
    luhn: true,
  },
  {
    id: BrandId.Mastercard,
    name: 'Mastercard',
    ranges: [range('51', '55'), range('2221', '2720')],
    lengths: [16],
    cvvLength: 3,
    luhn: true,
  },
  {
    id: BrandId.Amex,
    name: 'American Express',
    ranges: [range('34'), range('37')],
    lengths: [15],
    groups: { 15: [4, 6, 5] },
    cvvLength: 4,
    luhn: true,
  },
  {
    id: BrandId.Jcb,
    name: 'JCB',
    ranges: [range('3528', '3589')],
    lengths: lengths(16, 19),
    cvvLength: 3,
    luhn: true,
  },
  {
    id: BrandId.Discover,
    name: 'Discover',
    // Not 622126–622925: those co-branded numbers are UnionPay's (see the module comment).
    ranges: [range('6011'), range('644', '649'), range('65')],
    lengths: lengths(16, 19),
    cvvLength: 3,
    luhn: true,
  },
  {
    id: BrandId.Diners,
    name: 'Diners Club',
    ranges: [range('300', '305'), range('36'), range('38', '39')],
    lengths: lengths(14, 19),
    groups: { 14: [4, 6, 4] },
    cvvLength: 3,
    luhn: true,
  },
  {
    id: BrandId.Maestro,
    name: 'Maestro',
    // The commonly published ranges. 63 and 67 cover 6304, 6759, 6761–6763 and Maestro UK's
    // 676770 and 676774; no other brand in this table uses 63 or 67.
    ranges: [range('50'), range('56', '58'), range('63'), range('67')],
    lengths: lengths(12, 19),
    cvvLength: 3,
    luhn: true,
  },
  {
    id: BrandId.Mir,
    name: 'Mir',
    ranges: [range('2200', '2204')],
    lengths: lengths(16, 19),
    cvvLength: 3,
    luhn: true,
  },
];

/**
 * The brand with this id. Takes any string because saved cards arrive from the session with a
 * free-form `brand`; an id this table does not know gives `undefined`.
 */
export function brandById(id: string): Brand | undefined {
  return brands.find((brand) => brand.id === id);
}

/** The most digits the input may hold: the brand's longest number, or 19 when unknown. */
export function maxLength(brand: Brand | undefined): number {
  return brand ? Math.max(...brand.lengths) : 19;
}

/** Groups of the longest numbers of any brand, and of numbers whose brand is not known. */
const DEFAULT_GROUPS = [4, 4, 4, 4, 3] as const;

/**
 * The digit groups for a number of `length` digits. For a length the brand does not allow yet
 * (a partial number), the groups of the next allowed length apply, so what the payer sees while
 * typing is already the final layout: a 14-digit Diners number reads 4-6-4 from its fifth
 * digit on, a 16-digit one switches to fours at its fifteenth. Unknown brand: 4-4-4-4-3.
 * The groups may add up to more than `length`; a formatter stops at the last digit.
 */
export function groupsFor(brand: Brand | undefined, length: number): readonly number[] {
  if (!brand) return DEFAULT_GROUPS;
  const target = brand.lengths.find((allowed) => allowed >= length) ?? maxLength(brand);
  return brand.groups?.[target] ?? DEFAULT_GROUPS;
}

const DIGITS = /^\d+$/;

/**
 * Whether `digits` lies in the range (`'full'`, it has at least as many digits as the range's
 * prefixes), could still grow into it (`'partial'`), or neither.
 */
function matchRange(digits: string, { from, to }: IinRange): 'full' | 'partial' | undefined {
  if (digits.length >= from.length) {
    const head = digits.slice(0, from.length);
    // Equal-length digit strings compare as their numbers do.
    return head >= from && head <= to ? 'full' : undefined;
  }
  return digits >= from.slice(0, digits.length) && digits <= to.slice(0, digits.length) ? 'partial' : undefined;
}

/**
 * The brand of a number or of the beginning of one; `digits` holds ASCII digits only (see
 * `normalizeDigits`), anything else gives `undefined`. `undefined` also means "ambiguous yet"
 * or "no brand this cashier knows"; `validateNumber` tells the two apart.
 */
export function detectBrand(digits: string): Brand | undefined {
  if (!DIGITS.test(digits)) return undefined;
  let best: Brand | undefined;
  let specificity = 0;
  let tied = false;
  const stillPossible = new Set<Brand>();
  for (const brand of brands) {
    for (const iin of brand.ranges) {
      const match = matchRange(digits, iin);
      if (match === 'partial') stillPossible.add(brand);
      if (match !== 'full') continue;
      if (iin.from.length > specificity) {
        [best, specificity, tied] = [brand, iin.from.length, false];
      } else if (iin.from.length === specificity && brand !== best) {
        tied = true;
      }
    }
  }
  if (best) {
    // A longer range of another brand, which the payer may still be typing into, keeps the
    // answer open until the input leaves it or covers it.
    stillPossible.delete(best);
    return tied || stillPossible.size > 0 ? undefined : best;
  }
  return stillPossible.size === 1 ? [...stillPossible][0] : undefined;
}

/**
 * Whether `digits` could still become a number of some brand in the table, once more digits
 * are typed. False means no brand this cashier knows starts this way.
 */
export function couldBeKnownBrand(digits: string): boolean {
  if (!DIGITS.test(digits)) return false;
  return brands.some((brand) => brand.ranges.some((iin) => matchRange(digits, iin) !== undefined));
}
