/**
 * Money and time formatting through Intl, with formatters cached per locale and options
 * (constructing Intl formatters is the expensive part, and renders call these often), and
 * each currency's minor units.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
/** Minor units by currency: `resolvedOptions()` builds a whole object, and a mount asks about a dozen times. */
const minorUnits = new Map<string, number>();

/** Number options always name a `style` and date options never do, so one key space serves both. */
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat, O>(Format: new (locale: string, options: O) => F, locale: string, options: O): F {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as F | undefined;
  if (!format) cache.set(key, (format = new Format(locale, options)));
  return format;
}

/** How many minor units a currency has (CNY 2, JPY 0), as ISO 4217 and Intl know it. */
export function minorUnitDigits(currency: string): number {
  let digits = minorUnits.get(currency);
  if (digits === undefined) {
    digits = formatter(Intl.NumberFormat, 'en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorUnits.set(currency, digits);
  }
  return digits;
}

/**
 * An amount in minor units as the payer reads it: `¥128.00` for 12800 CNY. Yuan shows as the
 * narrow `¥` in every locale, as payers in China expect; other currencies keep their symbol.
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  return formatter(Intl.NumberFormat, locale, {
    style: 'currency',
    currency,
    currencyDisplay: currency === 'CNY' ? 'narrowSymbol' : 'symbol',
  }).format(amount / 10 ** digits);
}

/** A rate such as 0.006 as `0.6%`. */
export function formatPercent(rate: number, locale: string): string {
  return formatter(Intl.NumberFormat, locale, { style: 'percent', maximumFractionDigits: 2 }).format(rate);
}

/** A clock time such as `00:30`, in the payer's time zone. */
export function formatClock(at: number, locale: string): string {
  return formatter(Intl.DateTimeFormat, locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}
