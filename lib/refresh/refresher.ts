/**
 * Refresh orchestration: for one symbol, try the providers in fallback order under their rate
 * limits and backoff, validate, write through the cache's merge rules, and say what happened.
 * Concurrent calls for one symbol share one promise. Free of `browser.*` (everything is injected),
 * so the background service worker calls it from alarms and messages and tests drive it directly.
 */
import type { MarketCache } from '../cache/market-cache';
import { fromProviderSeries } from '../cache/stored-series';
import type { StoredQuote } from '../cache/db';
import { addDays } from '../market-hours/civil-date';
import { classifyFreshness } from '../market-hours/freshness';
import { newYorkDate } from '../market-hours/new-york-time';
import { isRefreshDue } from '../market-hours/refresh-cadence';
import type { Provider } from '../providers/provider';
import { toProviderErrorInfo, type ProviderErrorInfo } from '../providers/provider-error';
import type { ProviderId, ProviderSeries } from '../providers/provider-types';
import {
  DEFAULT_BACKOFF,
  NO_BACKOFF,
  backoffAfterFailure,
  isBackingOff,
  isProviderFault,
  type BackoffConfig,
} from './backoff';
import {
  DEFAULT_RATE_LIMITS,
  POLITENESS_STATE_KEY,
  politenessOf,
  restorePoliteness,
  type PolitenessState,
} from './politeness';
import type { RefreshAttempt, RefreshResult } from './refresh-result';
import { takeToken, type TokenBucketConfig } from './token-bucket';

/** What the refresher is built from. */
export interface RefresherDeps {
  /** Providers in fallback order (Yahoo, then Stooq, then Twelve Data when keyed). */
  providers: readonly Provider[];
  cache: MarketCache;
  /** Clock, epoch ms. */
  now?: () => number;
  /** Uniform [0, 1) source for backoff jitter. */
  random?: () => number;
  rateLimits?: Partial<Record<ProviderId, TokenBucketConfig>>;
  backoff?: BackoffConfig;
}

/** The refresher the background holds for the life of the worker. */
export interface Refresher {
  /** Fetches `symbol` now (subject to politeness), sharing the call with any refresh in flight. */
  refreshSymbol(symbol: string, options?: { signal?: AbortSignal }): Promise<RefreshResult>;
  /**
   * Stale-while-revalidate for a hover: refreshes only when the cached data is not fresh and the
   * cadence says a fetch is due (for an uncached symbol: unless it failed recently); otherwise
   * resolves at once with `skipped: 'not-due'`.
   */
  refreshIfDue(symbol: string): Promise<RefreshResult>;
  /** Refreshes symbols one after another in the given order (e.g. a refresh plan). */
  refreshAll(
    symbols: readonly string[],
    options?: { signal?: AbortSignal },
  ): Promise<RefreshResult[]>;
  /** The current politeness state (as persisted). */
  politeness(): Promise<PolitenessState>;
}

function quoteFrom(series: ProviderSeries, source: ProviderId): StoredQuote | undefined {
  const { regularMarketPrice: price, regularMarketTime: time, currency } = series.meta;
  if (price === null || time === null || !Number.isFinite(price)) return undefined;
  return { symbol: series.symbol, price, time, currency, source };
}

/** How long a symbol no provider knows is left alone before a hover may ask again. */
export const UNKNOWN_SYMBOL_RETRY_MS = 6 * 3_600_000;
/** How long any other failure of an uncached symbol is left alone before a hover may ask again. */
export const FAILED_RETRY_MS = 15 * 60_000;

/**
 * Creates a refresher over injected providers, cache and clock. Its promises reject only when the
 * cache itself fails; provider failures are results (`status: 'failed'`).
 */
export function createRefresher(deps: RefresherDeps): Refresher {
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const limits = { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits };
  const backoffConfig = deps.backoff ?? DEFAULT_BACKOFF;
  const inFlight = new Map<string, Promise<RefreshResult>>();
  let state: PolitenessState | undefined;
  let saving: Promise<void> = Promise.resolve();

  async function loadState(): Promise<PolitenessState> {
    state ??= restorePoliteness(await deps.cache.readState(POLITENESS_STATE_KEY));
    return state;
  }

  function saveState(s: PolitenessState): Promise<void> {
    // Serialize saves so an older snapshot never lands after a newer one.
    const snapshot = structuredClone(s);
    saving = saving
      .then(() => deps.cache.writeState(POLITENESS_STATE_KEY, snapshot))
      .catch(() => {});
    return saving;
  }

  async function run(symbol: string, signal: AbortSignal | undefined): Promise<RefreshResult> {
    const s = await loadState();
    const cached = await deps.cache.readSeries(symbol);
    const attempts: RefreshAttempt[] = [];
    let decisive: ProviderErrorInfo | undefined;
    let retryAt: number | undefined;
    const noteRetry = (at: number) => {
      retryAt = retryAt === undefined ? at : Math.min(retryAt, at);
    };

    for (const provider of deps.providers) {
      if (!provider.supports(symbol)) continue;
      const entry = politenessOf(s, provider.id);
      const t = now();
      if (isBackingOff(entry.backoff, t)) {
        attempts.push({ provider: provider.id, outcome: 'skipped-backoff' });
        noteRetry(entry.backoff.until);
        continue;
      }
      const grant = takeToken(entry.bucket, limits[provider.id], t);
      s.providers[provider.id] = { ...entry, bucket: grant.state };
      if (!grant.granted) {
        attempts.push({ provider: provider.id, outcome: 'skipped-rate-limit' });
        noteRetry(t + grant.waitMs);
        continue;
      }
      let series: ProviderSeries;
      try {
        series = await provider.fetchSeries(symbol, {
          signal,
          ...(cached ? { since: cached.series.asOf } : {}),
        });
      } catch (thrown) {
        const error = toProviderErrorInfo(thrown);
        attempts.push({ provider: provider.id, outcome: error.kind });
        decisive ??= error;
        if (isProviderFault(error)) {
          const current = politenessOf(s, provider.id);
          const backoff = backoffAfterFailure(current.backoff, error, now(), random, backoffConfig);
          s.providers[provider.id] = { ...current, backoff };
          noteRetry(backoff.until);
        }
        await saveState(s);
        if (signal?.aborted) break;
        continue;
      }
      const fetchedAt = now();
      const outcome = await deps.cache.writeSeries({
        series: fromProviderSeries(series),
        source: provider.id,
        fetchedAt,
        quote: quoteFrom(series, provider.id),
        latestDate: addDays(newYorkDate(fetchedAt), 1),
      });
      s.providers[provider.id] = { ...politenessOf(s, provider.id), backoff: NO_BACKOFF };
      await saveState(s);
      if (outcome.status === 'rejected') {
        const error: ProviderErrorInfo = { kind: 'malformed', message: outcome.reason };
        attempts.push({ provider: provider.id, outcome: 'rejected' });
        decisive ??= error;
        continue;
      }
      const status = outcome.status === 'written' ? 'updated' : 'unchanged';
      attempts.push({ provider: provider.id, outcome: status });
      const meta = await deps.cache.readMeta(symbol);
      return { symbol, status, source: meta?.source ?? provider.id, asOf: outcome.asOf, attempts };
    }

    const at = now();
    const error: ProviderErrorInfo = decisive ?? {
      kind: attempts.length === 0 ? 'unsupported' : 'rate-limited',
      message:
        attempts.length === 0
          ? `No provider can serve ${symbol}`
          : `Every provider is resting (backoff or rate limit) for ${symbol}`,
    };
    if (attempts.some((a) => !a.outcome.startsWith('skipped'))) {
      await deps.cache.recordFailure(symbol, {
        source: attempts.find((a) => !a.outcome.startsWith('skipped'))?.provider ?? 'yahoo',
        error,
        at,
      });
    }
    const after = await deps.cache.readMeta(symbol);
    return {
      symbol,
      status: 'failed',
      source: cached ? (after?.source ?? null) : null,
      asOf: cached?.series.asOf ?? null,
      error,
      attempts,
      ...(retryAt !== undefined ? { retryAt } : {}),
    };
  }

  const refresher: Refresher = {
    refreshSymbol(symbol, options = {}) {
      const existing = inFlight.get(symbol);
      if (existing) return existing;
      const promise = run(symbol, options.signal).finally(() => inFlight.delete(symbol));
      inFlight.set(symbol, promise);
      return promise;
    },

    async refreshIfDue(symbol) {
      const existing = inFlight.get(symbol);
      if (existing) return existing;
      const cached = await deps.cache.readSeries(symbol);
      const t = now();
      if (!cached) {
        // Nothing cached: fetch, unless an attempt failed recently (an unknown symbol hovered
        // again and again must not cost a request per hover).
        const meta = await deps.cache.readMeta(symbol);
        const error = meta?.lastError;
        if (error && meta.lastAttemptAt !== null) {
          const wait = error.kind === 'unknown-symbol' ? UNKNOWN_SYMBOL_RETRY_MS : FAILED_RETRY_MS;
          if (t - meta.lastAttemptAt < wait) {
            const { at: _at, source: _source, ...info } = error;
            return {
              symbol,
              status: 'failed',
              source: null,
              asOf: null,
              error: info,
              attempts: [],
              skipped: 'not-due',
            };
          }
        }
      }
      if (cached) {
        const fetchedAt = cached.meta?.fetchedAt ?? undefined;
        const fresh =
          classifyFreshness({ asOf: cached.series.asOf, fetchedAt, now: t }) === 'fresh';
        const lastFetchAt = cached.meta?.lastAttemptAt ?? fetchedAt;
        const due = isRefreshDue({ now: t, asOf: cached.series.asOf, lastFetchAt });
        if (fresh || !due) {
          return {
            symbol,
            status: 'unchanged',
            source: cached.meta?.source ?? null,
            asOf: cached.series.asOf,
            attempts: [],
            skipped: 'not-due',
          };
        }
      }
      return refresher.refreshSymbol(symbol);
    },

    async refreshAll(symbols, options = {}) {
      const results: RefreshResult[] = [];
      for (const symbol of symbols) {
        if (options.signal?.aborted) break;
        results.push(await refresher.refreshSymbol(symbol, options));
      }
      return results;
    },

    async politeness() {
      return structuredClone(await loadState());
    },
  };
  return refresher;
}
