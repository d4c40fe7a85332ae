/**
 * A second, deliberately straightforward implementation of the metrics, used only as the
 * independent check in tests: whole-array joins through a Map, textbook formulas with
 * Array.reduce, brute-force drawdowns. No code is shared with lib/metrics.
 */
import type { Series } from '../../../lib/series/series';

const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;

function sampleCov(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  return xs.reduce((s, x, i) => s + (x - mx) * ((ys[i] as number) - my), 0) / (xs.length - 1);
}

/** Rows of both series on their common dates up to `asOf`, ascending. */
export function naiveJoin(a: Series, b: Series, asOf: string): [string, number, number][] {
  const byDate = new Map<string, number>();
  b.dates.forEach((d, i) => byDate.set(d, b.closes[i] as number));
  const rows: [string, number, number][] = [];
  a.dates.forEach((d, i) => {
    const other = byDate.get(d);
    if (other !== undefined && d <= asOf) rows.push([d, a.closes[i] as number, other]);
  });
  return rows;
}

export function naiveVolatility(s: Series, window: number, asOf: string): number {
  const closes = s.closes.filter((_, i) => (s.dates[i] as string) <= asOf).slice(-(window + 1));
  const logs = closes.slice(1).map((c, i) => Math.log(c / (closes[i] as number)));
  return Math.sqrt(sampleCov(logs, logs)) * Math.sqrt(252);
}

/** Simple returns of both series over the last `window` consecutive common dates. */
function naiveReturns(a: Series, b: Series, window: number, asOf: string): [number[], number[]] {
  const rows = naiveJoin(a, b, asOf).slice(-(window + 1));
  const ra = rows.slice(1).map((r, i) => r[1] / (rows[i] as [string, number, number])[1] - 1);
  const rb = rows.slice(1).map((r, i) => r[2] / (rows[i] as [string, number, number])[2] - 1);
  return [ra, rb];
}

export function naiveBeta(a: Series, b: Series, window: number, asOf: string): number {
  const [ra, rb] = naiveReturns(a, b, window, asOf);
  return sampleCov(ra, rb) / sampleCov(rb, rb);
}

export function naiveCorrelation(a: Series, b: Series, window: number, asOf: string): number {
  const [ra, rb] = naiveReturns(a, b, window, asOf);
  return sampleCov(ra, rb) / Math.sqrt(sampleCov(ra, ra) * sampleCov(rb, rb));
}

/** Slope of returns on yield differences (percentage points), textbook OLS. */
export function naiveRateSlope(a: Series, y: Series, window: number, asOf: string): number {
  const rows = naiveJoin(a, y, asOf).slice(-(window + 1));
  const r = rows.slice(1).map((row, i) => row[1] / (rows[i] as [string, number, number])[1] - 1);
  const dy = rows.slice(1).map((row, i) => row[2] - (rows[i] as [string, number, number])[2]);
  return sampleCov(r, dy) / sampleCov(dy, dy);
}

/** Correlation of returns with yield differences (percentage points). */
export function naiveRateCorrelation(a: Series, y: Series, window: number, asOf: string): number {
  const rows = naiveJoin(a, y, asOf).slice(-(window + 1));
  const r = rows.slice(1).map((row, i) => row[1] / (rows[i] as [string, number, number])[1] - 1);
  const dy = rows.slice(1).map((row, i) => row[2] - (rows[i] as [string, number, number])[2]);
  return sampleCov(r, dy) / Math.sqrt(sampleCov(r, r) * sampleCov(dy, dy));
}

/** Brute force O(n²): the worst close / earlier-close − 1 over every pair in [from, to]. */
export function naiveMaxDrawdown(s: Series, from: string, to: string): number {
  const closes = s.closes.filter((_, i) => (s.dates[i] as string) >= from && s.dates[i]! <= to);
  let worst = 0;
  for (let j = 0; j < closes.length; j += 1) {
    for (let i = 0; i <= j; i += 1) {
      worst = Math.min(worst, (closes[j] as number) / (closes[i] as number) - 1);
    }
  }
  return worst;
}
