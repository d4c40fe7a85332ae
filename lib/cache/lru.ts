/** Least-recently-used eviction, as a pure choice over access records. */

/** When a symbol's data was last read or written, epoch ms. */
export interface AccessRecord {
  symbol: string;
  lastAccess: number;
}

/** Benchmarks never evicted: the Russell 2000, its ETF, the comparison indexes and ETFs, the 10-year yield. */
export const BENCHMARK_SYMBOLS: readonly string[] = [
  '^RUT',
  'IWM',
  '^GSPC',
  'SPY',
  '^IXIC',
  'QQQ',
  '^TNX',
];

/** Default bound on cached symbols (benchmarks included): about 200 x 10 years of bars. */
export const DEFAULT_MAX_SYMBOLS = 200;

/**
 * The symbols to evict so that at most `maxSymbols` remain, least recently used first. Symbols in
 * `protectedSymbols` are never chosen (so the result can leave more than `maxSymbols` when the
 * protected ones alone exceed it); symbols without an access record count as never used.
 */
export function selectEvictions(
  cachedSymbols: readonly string[],
  access: readonly AccessRecord[],
  maxSymbols: number,
  protectedSymbols: ReadonlySet<string> = new Set(BENCHMARK_SYMBOLS),
): string[] {
  const excess = cachedSymbols.length - maxSymbols;
  if (excess <= 0) return [];
  const last = new Map(access.map((a) => [a.symbol, a.lastAccess]));
  return cachedSymbols
    .filter((s) => !protectedSymbols.has(s))
    .toSorted(
      (a, b) => (last.get(a) ?? -Infinity) - (last.get(b) ?? -Infinity) || a.localeCompare(b),
    )
    .slice(0, excess);
}
