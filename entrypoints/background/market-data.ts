import { BENCHMARK_SYMBOLS, protectedSymbolsFor } from '../../lib/cache/lru';
import type { CachedSeries } from '../../lib/cache/market-cache';
import { toSeries } from '../../lib/cache/stored-series';
import type { MembershipInput } from '../../lib/context/membership';
import type { PricedSeries, SeriesBySymbol } from '../../lib/context/priced-series';
import { classifyFreshness } from '../../lib/market-hours/freshness';
import type { SectorTotal } from '../../lib/context/sector-share';
import { sectorTotals } from '../../lib/context/sector-share';
import type { SymbolProfile } from '../../lib/context/symbol-context';
import { exchangeName } from '../../lib/context/exchange-name';
import type { DataStatus, Instrument, UnavailableCause } from '../../lib/messaging/protocol';
import type { ProviderErrorInfo } from '../../lib/providers/provider-error';
import type { RefreshResult } from '../../lib/refresh/refresh-result';
import type { RefreshPolicy, Settings } from '../../lib/settings/schema';
import { getDataService, STATE_KEYS, type DataService } from './data-service';
import { describeFailure } from './describe-failure';
import { formatDate } from '../../lib/format/figures';
import { t } from '../../lib/i18n/translate';
import { loadBundledSnapshot } from './snapshot-source';
import { seriesMemo, type SeriesMemo } from './series-memo';

export type SymbolLookup =
  | {
      ok: true;
      series: PricedSeries;
      /** Quoted closes aligned with `series.dates` (`null` where only the adjusted one is known). */
      quoted: (number | null)[];
      instrument: Instrument;
      status: DataStatus;
    }
  | { ok: false; reason: string; cause: UnavailableCause };

/** The card's cause for a provider failure. */
export function causeOf(error: Pick<ProviderErrorInfo, 'kind'> | null): UnavailableCause {
  switch (error?.kind) {
    case undefined:
      return 'no-data';
    case 'unknown-symbol':
      return 'unknown-symbol';
    case 'rate-limited':
      return 'rate-limited';
    case 'network':
    case 'timeout':
      return 'network';
    default:
      return 'provider-error';
  }
}

/** Where the background gets prices and holdings from. */
export interface MarketData {
  /** The benchmark series (cached, seeded from the snapshot) and the status of the Russell 2000's. */
  benchmarks(extra?: readonly string[]): Promise<{ available: SeriesBySymbol; status: DataStatus }>;
  /** A symbol's series: cached data at once (revalidated in the background when stale), or fetched when absent. */
  symbol(symbol: string): Promise<SymbolLookup>;
  /**
   * A symbol's cached series without fetching and without counting as a use (a list of a page's
   * symbols is not a hover); when none is cached, the reason (the last failed fetch, if any).
   */
  peek(symbol: string): Promise<SymbolLookup>;
  membership(symbol: string): Promise<MembershipInput>;
  /**
   * Name and listing of a symbol from the saved profiles (the holdings file for members, the
   * snapshot's own names for its series); `undefined` when none names it.
   */
  profile(symbol: string): Promise<SymbolProfile | undefined>;
  /** Sector totals of the holdings file (computed from the bundled snapshot once, then saved). */
  sectorTotals(): Promise<Record<string, SectorTotal>>;
}

/** Text shown for data from each live provider. */
const LIVE_SOURCES: Record<string, string> = {
  yahoo: 'Yahoo Finance chart API (daily)',
  stooq: 'Stooq daily CSV',
  twelvedata: 'Twelve Data time_series API (daily)',
};

/** Options of {@link cacheMarketData}. */
export interface CacheMarketDataOptions {
  policy: RefreshPolicy;
  /**
   * Bound on cached symbols, enforced right after a symbol not cached before was fetched (so the
   * on-demand and offline policies shrink the cache too, not only the scheduled alarm).
   */
  maxSymbols?: number;
  /** The user's benchmarks: never evicted. */
  userBenchmarks?: readonly string[];
  now?: () => number;
  /** Called when a background revalidation brought newer data for these symbols. */
  onUpdated?: (symbols: string[]) => void;
  /** Decoded series kept between requests (the worker's by default). */
  memo?: SeriesMemo;
}

function instrumentOf(type: string | null, symbol: string): Instrument {
  const kind = (type ?? '').toUpperCase();
  if (kind === 'ETF') return 'etf';
  if (kind === 'EQUITY' || kind === 'STOCK') return 'stock';
  if (kind === 'INDEX' || symbol.startsWith('^')) return 'index';
  return 'unknown';
}

/** Market data from the cache (IndexedDB, or memory when it cannot be opened), kept fresh by the refresher. */
export function cacheMarketData(data: DataService, options: CacheMarketDataOptions): MarketData {
  const { cache } = data;
  const now = options.now ?? Date.now;
  // Read at every answer: the cache can fall back to memory while the worker runs (quota, a
  // database deleted under it).
  const memo = options.memo ?? seriesMemo;
  const storageNotices = (): string[] =>
    cache.backend === 'memory'
      ? [t('status_storageMemory', cache.degradedReason ?? t('bg_idbNotOpened'))]
      : [];

  /** Keeps the cache within its bound after a new symbol came in (or failed, leaving a row). */
  async function enforceBound(): Promise<void> {
    if (options.maxSymbols === undefined) return;
    try {
      await cache.evict(options.maxSymbols, {
        protectedSymbols: protectedSymbolsFor(options.userBenchmarks),
        now: now(),
      });
    } catch (error) {
      console.warn('R2K Lens: eviction failed', error);
    }
  }

  let snapshotSources: Promise<Record<string, string>> | null = null;
  const sourceOf = async (cached: CachedSeries): Promise<string> => {
    const origin = cached.meta?.source ?? 'snapshot';
    if (origin !== 'snapshot') return LIVE_SOURCES[origin] ?? origin;
    snapshotSources ??= cache
      .readState(STATE_KEYS.snapshotSources)
      .then((v) => (typeof v === 'object' && v !== null ? (v as Record<string, string>) : {}));
    return (await snapshotSources)[cached.series.symbol] ?? t('bg_bundledSnapshot');
  };

  async function priced(cached: CachedSeries): Promise<PricedSeries> {
    return {
      ...toSeries(cached.series),
      symbol: cached.series.symbol,
      source: await sourceOf(cached),
      asOf: cached.series.asOf,
    };
  }

  function statusOf(cached: CachedSeries, refreshing: boolean): DataStatus {
    const meta = cached.meta;
    const fetchedAt = meta?.fetchedAt ?? null;
    const freshness = classifyFreshness({
      asOf: cached.series.asOf,
      ...(fetchedAt !== null ? { fetchedAt } : {}),
      now: now(),
    });
    const notices = storageNotices();
    if (meta?.lastError && (meta.fetchedAt ?? 0) < meta.lastError.at) {
      notices.push(
        t('bg_updateFailed', describeFailure(meta.lastError), formatDate(cached.series.asOf)),
      );
    } else if (refreshing) {
      notices.push(t('bg_checking', cached.series.symbol));
    }
    return {
      origin: meta === null || meta.source === 'snapshot' ? 'snapshot' : 'cache',
      stale: freshness !== 'fresh',
      fetchedAt: fetchedAt === null ? null : new Date(fetchedAt).toISOString(),
      refreshing,
      notices,
    };
  }

  const canFetch = options.policy !== 'offline';

  /** Revalidates in the background; tells `onUpdated` when it brought newer data. */
  function revalidate(symbols: readonly string[]): void {
    if (!canFetch || symbols.length === 0) return;
    void data
      .refresher()
      .then((r) => Promise.all(symbols.map((s) => r.refreshIfDue(s))))
      .then((results: RefreshResult[]) => {
        const updated = results.filter((r) => r.status === 'updated').map((r) => r.symbol);
        if (updated.length > 0) options.onUpdated?.(updated);
      })
      .catch((error: unknown) => console.warn('R2K Lens: background refresh failed', error));
  }

  return {
    async benchmarks(extra = []) {
      const symbols = [...new Set([...BENCHMARK_SYMBOLS, ...extra])];
      const cached = await Promise.all(symbols.map((s) => memo.read(cache, s)));
      const available: Record<string, PricedSeries> = {};
      const stale: string[] = [];
      for (const entry of cached) {
        if (!entry) continue;
        available[entry.series.symbol] = await priced(entry);
        if (statusOf(entry, false).stale) stale.push(entry.series.symbol);
      }
      revalidate(stale);
      const r2k = cached[0];
      const status: DataStatus = r2k
        ? statusOf(r2k, canFetch && stale.includes(r2k.series.symbol))
        : {
            origin: 'snapshot',
            stale: true,
            fetchedAt: null,
            refreshing: false,
            notices: storageNotices(),
          };
      return { available, status };
    },

    async symbol(symbol) {
      const cached = await memo.read(cache, symbol, now());
      if (cached) {
        const status = statusOf(cached, false);
        if (status.stale) revalidate([symbol]);
        return {
          ok: true,
          series: await priced(cached),
          quoted: cached.series.close,
          instrument: instrumentOf(cached.series.instrumentType, symbol),
          status: canFetch && status.stale ? statusOf(cached, true) : status,
        };
      }
      if (!canFetch) {
        return {
          ok: false,
          reason: t('bg_noSavedDataOffline', symbol),
          cause: 'offline',
        };
      }
      const refresher = await data.refresher();
      const result = await refresher.refreshIfDue(symbol);
      if (result.attempts.length > 0) await enforceBound();
      const fetched = await memo.read(cache, symbol, now());
      if (!fetched) {
        const meta = await cache.readMeta(symbol);
        const error = result.error ?? meta?.lastError ?? null;
        return {
          ok: false,
          reason: error
            ? t('bg_noData', symbol, describeFailure(error))
            : t('bg_noDataYet', symbol),
          cause: causeOf(error),
        };
      }
      const status = statusOf(fetched, false);
      return {
        ok: true,
        series: await priced(fetched),
        quoted: fetched.series.close,
        instrument: instrumentOf(fetched.series.instrumentType, symbol),
        status: { ...status, origin: result.status === 'updated' ? 'live' : status.origin },
      };
    },

    async peek(symbol) {
      const cached = await memo.read(cache, symbol);
      if (cached) {
        return {
          ok: true,
          series: await priced(cached),
          quoted: cached.series.close,
          instrument: instrumentOf(cached.series.instrumentType, symbol),
          status: statusOf(cached, false),
        };
      }
      const error = (await cache.readMeta(symbol))?.lastError ?? null;
      return {
        ok: false,
        reason: error
          ? t('bg_noData', symbol, describeFailure(error))
          : t('bg_noSavedData', symbol),
        cause: causeOf(error),
      };
    },

    async membership(symbol) {
      const file = (await cache.readState(STATE_KEYS.holdings)) as
        { asOf: string; source: string } | undefined;
      // iShares writes share classes without a separator (BRKB for BRK.B).
      const profile =
        (await cache.readProfile(symbol)) ??
        (await cache.readProfile(symbol.replace(/[.\-/]/g, '')));
      const asOf = file?.asOf ?? profile?.asOf ?? '';
      const source = file?.source ?? profile?.source ?? '';
      if (!profile?.r2kMember) return { holding: null, asOf, source };
      return {
        holding: {
          ticker: profile.symbol,
          name: profile.name,
          sector: profile.sector ?? '',
          weight: profile.r2kWeight ?? 0,
          location: profile.domicile ?? '',
          exchange: profile.exchange ?? '',
        },
        asOf,
        source,
      };
    },

    async profile(symbol) {
      const profile =
        (await cache.readProfile(symbol)) ??
        (await cache.readProfile(symbol.replace(/[.\-/]/g, '')));
      if (!profile?.name) return undefined;
      return {
        name: profile.name,
        exchange: exchangeName(profile.exchange),
        source: profile.r2kMember
          ? `${profile.source}, as of ${profile.asOf}`
          : `${profile.source}`,
      };
    },

    async sectorTotals() {
      const saved = await cache.readState(STATE_KEYS.sectorTotals);
      if (typeof saved === 'object' && saved !== null) return saved as Record<string, SectorTotal>;
      // A cache seeded before the totals were saved: compute them from the snapshot once.
      const totals = sectorTotals((await loadBundledSnapshot()).holdings.rows);
      await cache.writeState(STATE_KEYS.sectorTotals, totals);
      return totals;
    },
  };
}

/** The market data of this worker, under the user's data settings. */
export async function getMarketData(
  settings: Settings,
  onUpdated?: (symbols: string[]) => void,
): Promise<MarketData> {
  return cacheMarketData(await getDataService(), {
    policy: settings.data.refresh,
    maxSymbols: settings.data.cacheSymbols,
    userBenchmarks: settings.comparison.benchmarks,
    ...(onUpdated ? { onUpdated } : {}),
  });
}
