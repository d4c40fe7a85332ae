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

/**
 * Bundled index histories kept even when no benchmark uses them (they reach back decades, which
 * a fetch would not bring back), but refreshed only when chosen.
 */
export const KEPT_INDEXES: readonly string[] = ['^DJI'];

/** The symbols eviction never touches: the benchmarks and the user's own benchmarks. */
export function protectedSymbolsFor(userBenchmarks: readonly string[] = []): Set<string> {
  return new Set([...BENCHMARK_SYMBOLS, ...KEPT_INDEXES, ...userBenchmarks]);
}

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

/**
 * How long the row of a symbol without a series (an unknown symbol's failed attempt) is kept, ms:
 * longer than the refresher's longest wait before asking about it again (6 hours), so eviction
 * never makes a hover re-ask early.
 */
export const ORPHAN_RETENTION_MS = 24 * 3_600_000;

/** The last attempt at a symbol that has no stored series (from its fetch metadata). */
export interface OrphanRecord {
  symbol: string;
  /** Epoch ms; `null` when never attempted. */
  lastAttemptAt: number | null;
}

/**
 * The orphan rows to delete (metadata, access and quote rows of symbols with no series): those
 * last attempted more than {@link ORPHAN_RETENTION_MS} before `now`, and beyond that the oldest
 * until at most `maxOrphans` remain. Protected symbols are never chosen.
 */
export function selectOrphanEvictions(
  orphans: readonly OrphanRecord[],
  now: number,
  maxOrphans: number,
  protectedSymbols: ReadonlySet<string> = new Set(BENCHMARK_SYMBOLS),
): string[] {
  const candidates = orphans
    .filter((o) => !protectedSymbols.has(o.symbol))
    .toSorted(
      (a, b) =>
        (b.lastAttemptAt ?? -Infinity) - (a.lastAttemptAt ?? -Infinity) ||
        a.symbol.localeCompare(b.symbol),
    ); // newest first
  return candidates
    .filter(
      (o, i) =>
        i >= Math.max(0, maxOrphans) ||
        o.lastAttemptAt === null ||
        now - o.lastAttemptAt > ORPHAN_RETENTION_MS,
    )
    .map((o) => o.symbol)
    .toSorted();
}
