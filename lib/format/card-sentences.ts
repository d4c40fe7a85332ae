/**
 * The card's figures as sentences a screen reader reads well ("IWM: up 0.8% over one month, 0.1
 * points ahead of the Russell 2000."), beside the compact visual form. Inputs follow the metrics'
 * conventions: returns are fractions; `null` means missing and is said as such, never "NaN".
 */
import type { Period } from '../metrics/period';
import { formatDate, formatNumber } from './figures';

const PERIOD_WORDS: Readonly<Record<Period, string>> = {
  '1M': 'one month',
  '3M': 'three months',
  '6M': 'six months',
  YTD: 'the year to date',
  '1Y': 'one year',
  '3Y': 'three years',
  '5Y': 'five years',
};

/** A period in words: "one month", "the year to date". */
export function periodWords(period: Period): string {
  return PERIOD_WORDS[period];
}

/** A fraction as an unsigned percentage in words' company: 0.0123 → "1.2%". */
function pct(value: number, digits = 1): string {
  return `${Math.abs(value * 100).toFixed(digits)}%`;
}

/** "up 1.2%", "down 0.4%", "unchanged". */
export function movement(value: number, digits = 1): string {
  const text = pct(value, digits);
  if (Number(text.slice(0, -1)) === 0) return 'unchanged';
  return `${value > 0 ? 'up' : 'down'} ${text}`;
}

/**
 * "IWM: up 0.8% over one month, 0.1 points ahead of the Russell 2000." `asset` and `benchmark`
 * are the period's returns (fractions); the gap is in percentage points.
 */
export function performanceSentence(
  symbol: string,
  period: Period,
  asset: number | null,
  benchmark: number | null,
  benchmarkName = 'the Russell 2000',
): string {
  if (asset === null || !Number.isFinite(asset)) {
    return `${symbol}: no return over ${periodWords(period)}.`;
  }
  const own = `${symbol}: ${movement(asset)} over ${periodWords(period)}`;
  if (benchmark === null || !Number.isFinite(benchmark)) return `${own}.`;
  const gap = (asset - benchmark) * 100;
  const points = Math.abs(gap).toFixed(1);
  if (Number(points) === 0) return `${own}, level with ${benchmarkName}.`;
  return `${own}, ${points} points ${gap > 0 ? 'ahead of' : 'behind'} ${benchmarkName}.`;
}

/**
 * "SFM closed at 64.20 on Mar 8, 2024, up 1.5% from the close before." (a past close, never
 * called a price now).
 */
export function closeSentence(
  symbol: string,
  close: number,
  date: string,
  change: number | null,
): string {
  const base = `${symbol} closed at ${formatNumber(close)} on ${formatDate(date)}`;
  return change === null || !Number.isFinite(change)
    ? `${base}.`
    : `${base}, ${movement(change, 2)} from the close before.`;
}

/** "Volatility 42.1% a year, against 22.0% for the Russell 2000." */
export function volatilitySentence(own: number | null, index: number | null): string {
  if (own === null || !Number.isFinite(own)) return 'Volatility: not available.';
  const tail =
    index === null || !Number.isFinite(index) ? '' : `, against ${pct(index)} for the Russell 2000`;
  return `Volatility ${pct(own)} a year${tail}.`;
}

/** "Beta to the Russell 2000: 1.45 (moves 1.45 times the index's daily moves on average)." */
export function betaSentence(beta: number | null, against = 'the Russell 2000'): string {
  if (beta === null || !Number.isFinite(beta)) return `Beta to ${against}: not available.`;
  return `Beta to ${against}: ${beta.toFixed(2)}.`;
}
