/**
 * How figures are written for users. Inputs follow the metrics' conventions: returns and
 * volatilities are fractions (0.05 = 5%); a missing value (null) is written as an em dash, never
 * as "NaN".
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MISSING = '—';

/** A fraction as a signed percentage: 0.0123 → "+1.23%", -0.004 → "−0.40%" (true minus sign). */
export function formatSignedPercent(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  const pct = value * 100;
  const text = Math.abs(pct).toFixed(digits);
  if (Number(text) === 0) return `${(0).toFixed(digits)}%`;
  return `${pct > 0 ? '+' : '−'}${text}%`;
}

/** A fraction as an unsigned percentage: 0.2345 → "23.5%". */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return `${(value * 100).toFixed(digits)}%`;
}

/** A plain number with thousands separators: 2663.78 → "2,663.78". */
export function formatNumber(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return MISSING;
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** An ISO date as "Feb 20, 2026" (the date itself, no time-zone shift). */
export function formatDate(iso: string | null | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  if (!m) return MISSING;
  return `${MONTHS[Number(m[2]) - 1] ?? '?'} ${Number(m[3])}, ${m[1]}`;
}

/** `up`, `down` or `` for colouring a signed figure. */
export function trendClass(value: number | null | undefined): 'up' | 'down' | '' {
  if (value === null || value === undefined || !Number.isFinite(value) || value === 0) return '';
  return value > 0 ? 'up' : 'down';
}
