/**
 * The last step of every provider parser: bounds on every number, the bad-print rule, and a final
 * check, so that a parser returns either its own {@link ProviderError} or a series that holds
 * everything {@link providerSeriesProblem} asks, never anything else. Pure.
 */
import {
  cleanPrice,
  cleanVolume,
  findBadPrints,
  MAX_EPOCH_SECONDS,
  MIN_EPOCH_SECONDS,
} from './plausibility';
import { ProviderError } from './provider-error';
import type { Bar, Dividend, ProviderSeries, SeriesMeta, Split } from './provider-types';
import { isIsoDate } from './trading-date';

/** What a parser has read, before the checks: bars ascending by date, one per date. */
export interface ParsedParts {
  symbol: string;
  bars: readonly Bar[];
  meta: SeriesMeta;
  splits: readonly Split[];
  dividends: readonly Dividend[];
  closesAdjusted: boolean;
}

function cleanBar(bar: Bar): Bar | null {
  const close = cleanPrice(bar.close);
  const adjClose = cleanPrice(bar.adjClose);
  if (close === null && adjClose === null) return null;
  return {
    date: bar.date,
    open: cleanPrice(bar.open),
    high: cleanPrice(bar.high),
    low: cleanPrice(bar.low),
    close,
    adjClose,
    volume: cleanVolume(bar.volume),
  };
}

/**
 * Returns why `s` must not be stored, or `null`: at least one bar; dates real, `YYYY-MM-DD`,
 * strictly ascending; every bar with a close or an adjusted close; every price `null` or positive,
 * finite and within bounds; volumes `null` or finite and not negative; split ratios and dividends
 * positive and finite, on real dates; the market price and time `null` or plausible.
 */
export function providerSeriesProblem(s: ProviderSeries): string | null {
  if (s.bars.length === 0) return 'no bars';
  let prev = '';
  for (const b of s.bars) {
    if (!isIsoDate(b.date)) return `bad date "${b.date}"`;
    if (b.date <= prev) return `dates not ascending at ${b.date}`;
    prev = b.date;
    if (b.close === null && b.adjClose === null) return `no close on ${b.date}`;
    for (const key of ['open', 'high', 'low', 'close', 'adjClose'] as const) {
      const x = b[key];
      if (x !== null && cleanPrice(x) !== x) return `bad ${key} ${x} on ${b.date}`;
    }
    if (b.volume !== null && cleanVolume(b.volume) !== b.volume) {
      return `bad volume ${b.volume} on ${b.date}`;
    }
  }
  for (const split of s.splits) {
    const ok = [split.numerator, split.denominator].every((x) => Number.isFinite(x) && x > 0);
    if (!ok || !isIsoDate(split.date)) return `bad split on ${split.date}`;
  }
  for (const d of s.dividends) {
    if (cleanPrice(d.amount) !== d.amount || !isIsoDate(d.date)) return `bad dividend on ${d.date}`;
  }
  const { regularMarketPrice: price, regularMarketTime: time } = s.meta;
  if (price !== null && cleanPrice(price) !== price) return `bad market price ${price}`;
  if (time !== null && !(time >= MIN_EPOCH_SECONDS * 1000 && time <= MAX_EPOCH_SECONDS * 1000)) {
    return `bad market time ${time}`;
  }
  return null;
}

/**
 * Builds the series a parser returns: prices outside the bounds become `null` and a bar left with
 * neither close is dropped, as is a bar without an adjusted close (but the last) in a series that
 * has adjusted closes (its quoted close would stand in for it, off by every later dividend); bad prints (see `plausibility.ts`) in the close or the adjusted close
 * are dropped and their dates listed in `badPrints`; splits and dividends with non-positive or
 * non-finite values are dropped; an implausible market price or time becomes `null`.
 *
 * @param source names the answer in error messages ("Yahoo chart for AAPL").
 * @throws ProviderError `empty` when no bar remains, `malformed` when the result still fails
 *   {@link providerSeriesProblem} (dates out of order or repeated).
 */
export function finishSeries(parts: ParsedParts, source: string): ProviderSeries {
  let cleaned: Bar[] = [];
  for (const bar of parts.bars) {
    const b = cleanBar(bar);
    if (b) cleaned.push(b);
  }
  // Where a provider gives adjusted closes, a bar without one cannot stand in with its quoted
  // close (older quoted closes sit above adjusted ones by every dividend since): it is dropped,
  // except the last bar, whose adjusted close equals its close.
  if (!parts.closesAdjusted && cleaned.some((b) => b.adjClose !== null)) {
    const last = cleaned.length - 1;
    cleaned = cleaned.filter((b, i) => b.adjClose !== null || i === last);
  }
  const bad = new Set([
    ...findBadPrints(cleaned.map((b) => b.adjClose)),
    ...findBadPrints(cleaned.map((b) => b.close)),
  ]);
  const bars = cleaned.filter((_, i) => !bad.has(i));
  const badPrints = cleaned.filter((_, i) => bad.has(i)).map((b) => b.date);
  if (bars.length === 0) throw new ProviderError('empty', `${source} has no usable bars`);
  const time = parts.meta.regularMarketTime;
  const series: ProviderSeries = {
    symbol: parts.symbol,
    bars,
    meta: {
      ...parts.meta,
      regularMarketPrice: cleanPrice(parts.meta.regularMarketPrice),
      regularMarketTime:
        time !== null && time >= MIN_EPOCH_SECONDS * 1000 && time <= MAX_EPOCH_SECONDS * 1000
          ? time
          : null,
    },
    splits: parts.splits.filter(
      (s) =>
        Number.isFinite(s.numerator) &&
        Number.isFinite(s.denominator) &&
        s.numerator > 0 &&
        s.denominator > 0,
    ),
    dividends: parts.dividends.filter((d) => cleanPrice(d.amount) === d.amount),
    closesAdjusted: parts.closesAdjusted,
    badPrints,
  };
  const problem = providerSeriesProblem(series);
  if (problem !== null) throw new ProviderError('malformed', `${source}: ${problem}`);
  return series;
}

/**
 * Runs a parser so that nothing but a {@link ProviderError} escapes it: any other exception (a
 * `RangeError` from a date no calendar can hold, a bug) becomes `malformed`, which the refresh
 * layer treats as a bad answer, not as a provider outage.
 */
export function guardParse<T>(source: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new ProviderError('malformed', `${source} could not be read (${message})`, {
      cause: error,
    });
  }
}
