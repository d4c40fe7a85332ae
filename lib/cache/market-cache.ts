/**
 * The cache's interface, shared by the IndexedDB implementation and the in-memory fallback, and
 * the pure write planning both use so they cannot drift apart.
 */
import type { ProviderErrorInfo } from '../providers/provider-error';
import type { DataSource, FetchMeta, StoredProfile, StoredQuote } from './db';
import type { AccessRecord } from './lru';
import { mergeSeries, seriesProblem, spliceSeries } from './series-rules';
import type { StoredSeries } from './stored-series';

/** A series to store, with where and when it was fetched. */
export interface SeriesWrite {
  series: StoredSeries;
  source: DataSource;
  /** When it was fetched, epoch ms; `null` for snapshot data. */
  fetchedAt: number | null;
  /** The latest quote that came with it, if any. */
  quote?: StoredQuote;
  /** Latest acceptable bar date (today in New York plus a day); later bars make the write invalid. */
  latestDate?: string;
  /**
   * `update` (default): incoming bars win where they overlap. `backfill` (snapshot seeding): when
   * the stored data is as new or newer, only history older than its first bar is added, and the
   * stored bars and metadata stay as they are.
   */
  mode?: 'update' | 'backfill';
}

/** What a write did. The stored series is untouched unless `status` is `written`. */
export type WriteOutcome =
  | {
      status: 'written';
      reason: 'new' | 'newer' | 'longer' | 'revised' | 'backfilled';
      asOf: string;
    }
  | { status: 'kept'; reason: 'stored-is-newer' | 'same' | 'stored-is-longer'; asOf: string }
  | { status: 'rejected'; reason: string; asOf: string | null };

/** Options of {@link MarketCache.evict}. */
export interface EvictOptions {
  /** Never evicted (default: the benchmarks). */
  protectedSymbols?: ReadonlySet<string>;
  /** Epoch ms, to date orphan rows (default: the clock). */
  now?: number;
}

/** What {@link MarketCache.replaceAll} stores. */
export interface CacheContents {
  series: readonly SeriesWrite[];
  profiles: readonly StoredProfile[];
  /** `state` entries written in the same transaction (e.g. which snapshot the cache holds). */
  state?: Readonly<Record<string, unknown>>;
}

/** A stored series with its fetch metadata. */
export interface CachedSeries {
  series: StoredSeries;
  meta: FetchMeta | null;
}

/** A failed fetch to remember (the series itself is left alone). */
export interface FetchFailure {
  source: DataSource;
  error: ProviderErrorInfo;
  at: number;
}

/** The market-data cache the background reads and writes. All methods are safe to call concurrently. */
export interface MarketCache {
  /** `memory` when IndexedDB could not be opened: data lasts only as long as the worker. */
  readonly backend: 'indexeddb' | 'memory';
  /** Why the memory fallback is in use (for the popup), `null` on IndexedDB. */
  readonly degradedReason: string | null;
  /** The stored series and its metadata; with `touchAt`, also records the access for LRU. */
  readSeries(symbol: string, options?: { touchAt?: number }): Promise<CachedSeries | undefined>;
  /** Validates and merges `write` in one transaction (see {@link planSeriesWrite}). */
  writeSeries(write: SeriesWrite): Promise<WriteOutcome>;
  /** Records a failed attempt in the symbol's metadata; the stored series is not touched. */
  recordFailure(symbol: string, failure: FetchFailure): Promise<void>;
  readMeta(symbol: string): Promise<FetchMeta | undefined>;
  listMeta(): Promise<FetchMeta[]>;
  readQuote(symbol: string): Promise<StoredQuote | undefined>;
  readProfile(symbol: string): Promise<StoredProfile | undefined>;
  /** Stores profiles in one transaction, replacing those with the same symbol. */
  writeProfiles(profiles: readonly StoredProfile[]): Promise<void>;
  /** Symbols with a stored series. */
  listSymbols(): Promise<string[]>;
  /**
   * Last access of each cached symbol: set by `readSeries` with `touchAt` (a hover, a card), and
   * by the first write of a symbol; later refreshes do not count as use.
   */
  listAccess(): Promise<AccessRecord[]>;
  /**
   * Evicts least-recently-used series (with their quote, metadata and access record) until at most
   * `maxSymbols` remain, never touching `options.protectedSymbols` (default: the benchmarks), and
   * the rows of symbols without a series that `selectOrphanEvictions` (lru.ts) picks (at most
   * `maxSymbols` such rows are kept; `options.now`, default the clock, dates them). One
   * transaction. Returns every symbol whose rows were removed, sorted.
   */
  evict(maxSymbols: number, options?: EvictOptions): Promise<string[]>;
  /**
   * Replaces the whole cache in one transaction: empties series, quotes, profiles, metadata and
   * access records, then stores `contents` (its series as {@link planSeriesWrite} plans them on an
   * empty cache, its profiles, and its `state` entries). Either all of it lands or none of it (a
   * worker killed halfway leaves the cache as it was). Other `state` entries (politeness) are
   * kept on purpose, so clearing cannot be used to hammer a provider that asked us to wait. This
   * is the popup's "Clear cache": pass the bundled snapshot's contents, never an empty cache.
   */
  replaceAll(contents: CacheContents): Promise<Record<string, WriteOutcome>>;
  /** A small JSON-like value kept across worker restarts (e.g. politeness state). */
  readState(key: string): Promise<unknown>;
  writeState(key: string, value: unknown): Promise<void>;
  close(): void;
}

/** What to put, decided from what is stored and what arrived. */
export interface WritePlan {
  outcome: WriteOutcome;
  /** Series to store, when written. */
  series?: StoredSeries;
  meta: FetchMeta;
  /** Quote to store, when newer than the stored one. */
  quote?: StoredQuote;
}

/**
 * Decides a write. An invalid series is rejected (its problem recorded as a `malformed` error in
 * the metadata); a valid one goes through {@link mergeSeries}. The metadata's fetch time moves
 * forward on success, and on `same` too (the stored data was confirmed current then), but not when
 * the stored data is newer than what arrived.
 */
export function planSeriesWrite(
  stored: StoredSeries | undefined,
  meta: FetchMeta | undefined,
  storedQuote: StoredQuote | undefined,
  write: SeriesWrite,
): WritePlan {
  const symbol = write.series.symbol;
  const base: FetchMeta = meta ?? {
    symbol,
    source: write.source,
    fetchedAt: null,
    asOf: null,
    lastAttemptAt: null,
    lastError: null,
  };
  const attemptAt = write.fetchedAt ?? base.lastAttemptAt;
  const problem = seriesProblem(write.series, write.latestDate);
  if (problem !== null) {
    return {
      outcome: { status: 'rejected', reason: problem, asOf: stored?.asOf ?? null },
      meta: {
        ...base,
        lastAttemptAt: attemptAt,
        lastError: {
          kind: 'malformed',
          message: `Rejected ${write.source} data for ${symbol}: ${problem}`,
          at: write.fetchedAt ?? 0,
          source: write.source,
        },
      },
    };
  }
  const quote =
    write.quote && (!storedQuote || write.quote.time >= storedQuote.time) ? write.quote : undefined;
  if (write.mode === 'backfill' && stored && meta && stored.asOf >= write.series.asOf) {
    const back = spliceSeries(write.series, stored);
    if (back.dates.length > stored.dates.length) {
      return {
        outcome: { status: 'written', reason: 'backfilled', asOf: stored.asOf },
        series: { ...back, symbol: stored.symbol },
        meta,
      };
    }
    const reason = stored.asOf > write.series.asOf ? 'stored-is-newer' : 'same';
    return { outcome: { status: 'kept', reason, asOf: stored.asOf }, meta };
  }
  const decision = mergeSeries(stored, write.series);
  if (decision.action === 'write') {
    return {
      outcome: { status: 'written', reason: decision.reason, asOf: decision.series.asOf },
      series: decision.series,
      meta: {
        symbol,
        source: write.source,
        fetchedAt: write.fetchedAt,
        asOf: decision.series.asOf,
        lastAttemptAt: attemptAt,
        lastError: null,
      },
      ...(quote ? { quote } : {}),
    };
  }
  const confirmed = decision.reason !== 'stored-is-newer' && write.fetchedAt !== null;
  return {
    outcome: { status: 'kept', reason: decision.reason, asOf: (stored as StoredSeries).asOf },
    meta: {
      ...base,
      fetchedAt: confirmed ? write.fetchedAt : base.fetchedAt,
      lastAttemptAt: attemptAt,
      lastError: null,
    },
    ...(quote ? { quote } : {}),
  };
}

/** The metadata after a failed attempt: the error and attempt time change, nothing else. */
export function metaAfterFailure(
  meta: FetchMeta | undefined,
  symbol: string,
  failure: FetchFailure,
): FetchMeta {
  return {
    symbol,
    source: meta?.source ?? failure.source,
    fetchedAt: meta?.fetchedAt ?? null,
    asOf: meta?.asOf ?? null,
    lastAttemptAt: failure.at,
    lastError: { ...failure.error, at: failure.at, source: failure.source },
  };
}

/** The rows {@link MarketCache.replaceAll} stores, planned on an empty cache. */
export interface ReplacementRows {
  series: StoredSeries[];
  meta: FetchMeta[];
  quotes: StoredQuote[];
  access: AccessRecord[];
  outcomes: Record<string, WriteOutcome>;
}

/**
 * Plans {@link MarketCache.replaceAll}: each write as {@link planSeriesWrite} decides it on an
 * empty cache (later writes of a symbol merge with earlier ones), an access record for each new
 * series (at its fetch time, 0 for snapshot data). A rejected write leaves only its metadata.
 */
export function planReplacement(writes: readonly SeriesWrite[]): ReplacementRows {
  const series = new Map<string, StoredSeries>();
  const meta = new Map<string, FetchMeta>();
  const quotes = new Map<string, StoredQuote>();
  const access = new Map<string, AccessRecord>();
  const outcomes: Record<string, WriteOutcome> = {};
  for (const write of writes) {
    const symbol = write.series.symbol;
    const plan = planSeriesWrite(series.get(symbol), meta.get(symbol), quotes.get(symbol), write);
    meta.set(symbol, plan.meta);
    if (plan.series) series.set(symbol, plan.series);
    if (plan.series && !access.has(symbol)) {
      access.set(symbol, { symbol, lastAccess: write.fetchedAt ?? 0 });
    }
    if (plan.quote) quotes.set(symbol, plan.quote);
    outcomes[symbol] = plan.outcome;
  }
  return {
    series: [...series.values()],
    meta: [...meta.values()],
    quotes: [...quotes.values()],
    access: [...access.values()],
    outcomes,
  };
}
