/**
 * How figures are written for users. Inputs follow the metrics' conventions: returns and
 * volatilities are fractions (0.05 = 5%); a missing value (null) is written as an em dash, never
 * as "NaN". Numbers follow a locale: the browser's own by default (the settings' number format
 * can pin another, see {@link setFigureLocale}); dates too ("Feb 20, 2026" in en-US,
 * "20. Feb. 2026" in de), through `Intl`.
 */

const MISSING = '—';

/** `undefined`: the runtime's default locale (in a browser, its language). */
let figureLocale: string | undefined;
const formats = new Map<string, Intl.NumberFormat>();

/**
 * Sets the locale this page writes numbers in (`undefined` for the browser's own). Each UI (the
 * popup, the options page, the card) calls it from the user's number-format setting before it
 * renders; an unknown locale falls back to the browser's.
 */
export function setFigureLocale(locale: string | undefined): void {
  let next = locale;
  if (next !== undefined) {
    try {
      next = Intl.NumberFormat.supportedLocalesOf([next])[0];
    } catch {
      next = undefined;
    }
  }
  if (next === figureLocale) return;
  figureLocale = next;
  formats.clear();
  dateFormats.clear();
}

/** The locale numbers are written in now (`undefined`: the browser's own). */
export function figureLocaleNow(): string | undefined {
  return figureLocale;
}

function numberFormat(
  style: 'decimal' | 'percent',
  digits: number,
  signed: boolean,
): Intl.NumberFormat {
  const key = `${style}:${digits}:${signed}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(figureLocale, {
      style,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** A fraction as a signed percentage: 0.0123 → "+1.23%", -0.004 → "−0.40%" (true minus sign). */
export function formatSignedPercent(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return numberFormat('percent', digits, true).format(value).replace('-', '−');
}

/** A fraction as an unsigned percentage: 0.2345 → "23.5%". */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return numberFormat('percent', digits, false).format(value);
}

/** A plain number with thousands separators: 2663.78 → "2,663.78" (in en-US). */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return numberFormat('decimal', digits, false).format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A `Intl.DateTimeFormat` in the figure locale for calendar dates: read in UTC, so an ISO date
 * is written as that date whatever the machine's time zone.
 */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(figureLocale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/** The UTC instant of an ISO date's (`YYYY-MM-DD`, or `YYYY-MM`) day, or null. */
export function isoDay(iso: string | null | undefined): Date | null {
  const m = iso ? /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso) : null;
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1)));
}

/** An ISO date as "Feb 20, 2026" in en-US ("20. Feb. 2026" in de): the date itself, no time-zone shift. */
export function formatDate(iso: string | null | undefined): string {
  const day = isoDay(iso);
  if (!day) return MISSING;
  return dateFormat({ month: 'short', day: 'numeric', year: 'numeric' }).format(day);
}

/** A month as "Sep 2023" in en-US ("Sept. 2023" in de), from `YYYY-MM` or a full ISO date. */
export function formatMonth(iso: string | null | undefined): string {
  const day = isoDay(iso);
  if (!day) return MISSING;
  return dateFormat({ month: 'short', year: 'numeric' }).format(day);
}

/** A whole number with the locale's grouping: 1924 → "1,924" (en-US), "1.924" (de). */
export function formatCount(value: number | null | undefined): string {
  return formatNumber(value, 0);
}

/** `up`, `down` or `` for colouring a signed figure. */
export function trendClass(value: number | null | undefined): 'up' | 'down' | '' {
  if (value === null || value === undefined || !Number.isFinite(value) || value === 0) return '';
  return value > 0 ? 'up' : 'down';
}
