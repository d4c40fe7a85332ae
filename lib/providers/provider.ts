/**
 * Provider adapters: each joins a URL builder, {@link fetchWithTimeout} and a pure parser into
 * one `fetchSeries(symbol)` call. Construction takes everything from outside (base URL, fetch,
 * time limit, clock), so the same code runs in the service worker, in unit tests and against the
 * local fixture server.
 */
import { errorForStatus } from './http-status';
import { fetchWithTimeout, type FetchLike } from './fetch-with-timeout';
import { ProviderError } from './provider-error';
import type { ProviderId, ProviderSeries } from './provider-types';
import { DEFAULT_STOOQ_BASE_URL, parseStooqCsv, stooqCsvUrl } from './stooq-csv';
import { toStooqSymbol, toTwelveDataSymbol } from './symbol-map';
import { DEFAULT_TWELVE_DATA_BASE_URL, parseTwelveDataText, twelveDataUrl } from './twelve-data';
import {
  DEFAULT_YAHOO_CHART_BASE_URL,
  chartRangeSince,
  parseYahooChartText,
  yahooChartUrl,
  type ChartWindow,
} from './yahoo-chart';

/** One market-data source. */
export interface Provider {
  readonly id: ProviderId;
  /** False when the provider has no spelling for `symbol`; callers skip it without a request. */
  supports(symbol: string): boolean;
  /**
   * Fetches and validates the daily series of `symbol`.
   * @throws ProviderError with the failure's kind; never resolves with unvalidated data.
   */
  fetchSeries(symbol: string, options?: FetchSeriesOptions): Promise<ProviderSeries>;
}

/** Per-call options of {@link Provider.fetchSeries}. */
export interface FetchSeriesOptions {
  signal?: AbortSignal;
  /**
   * Last date already cached; providers that can ask for less ask only for the bars since then
   * (with some overlap). Without it they ask for their full default window.
   */
  since?: string;
}

/** What every adapter takes. */
export interface ProviderOptions {
  /** Origin without trailing slash; defaults to the provider's public host. */
  baseUrl?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Clock for `Retry-After` HTTP-dates, epoch milliseconds. */
  now?: () => number;
}

/**
 * Yahoo v8 chart (no key). A 404 whose body is Yahoo's `chart.error` becomes `unknown-symbol`.
 * Without a fixed `window`, asks for ten years of daily bars, or only the range since the cached
 * date when the call passes `since`.
 */
export function createYahooProvider(
  options: ProviderOptions & { window?: ChartWindow } = {},
): Provider {
  const baseUrl = options.baseUrl ?? DEFAULT_YAHOO_CHART_BASE_URL;
  const now = options.now ?? Date.now;
  return {
    id: 'yahoo',
    supports: (symbol) => symbol.trim() !== '',
    async fetchSeries(symbol, call = {}) {
      const window = options.window ?? chartRangeSince(call.since, now());
      const answer = await fetchWithTimeout(yahooChartUrl(baseUrl, symbol, window), {
        fetch: options.fetch,
        timeoutMs: options.timeoutMs,
        signal: call.signal,
      });
      const statusError = errorForStatus(answer, 'Yahoo', now());
      if (statusError) {
        if (answer.status === 404) {
          try {
            parseYahooChartText(answer.text, symbol);
          } catch (error) {
            if (error instanceof ProviderError && error.kind === 'unknown-symbol') throw error;
          }
        }
        throw statusError;
      }
      return parseYahooChartText(answer.text, symbol);
    },
  };
}

function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Stooq daily CSV (no key). Symbols without a Stooq spelling are unsupported. */
export function createStooqProvider(options: ProviderOptions = {}): Provider {
  const baseUrl = options.baseUrl ?? DEFAULT_STOOQ_BASE_URL;
  const now = options.now ?? Date.now;
  return {
    id: 'stooq',
    supports: (symbol) => toStooqSymbol(symbol) !== null,
    async fetchSeries(symbol, call = {}) {
      // Stooq takes explicit dates; ten days of overlap let the cache splice and rescale.
      const from = call.since ? addDaysIso(call.since, -10) : undefined;
      const url = stooqCsvUrl(baseUrl, symbol, from ? { from } : {});
      if (url === null) throw new ProviderError('unsupported', `Stooq has no symbol for ${symbol}`);
      const answer = await fetchWithTimeout(url, {
        fetch: options.fetch,
        timeoutMs: options.timeoutMs,
        signal: call.signal,
      });
      const statusError = errorForStatus(answer, 'Stooq', now());
      if (statusError) throw statusError;
      return parseStooqCsv(answer.text, symbol);
    },
  };
}

/**
 * Twelve Data `time_series` with the user's key (stored locally by the options page and passed in
 * here). Without a key every symbol is unsupported, so the provider drops out of the fallback order.
 */
export function createTwelveDataProvider(options: ProviderOptions & { apiKey: string }): Provider {
  const baseUrl = options.baseUrl ?? DEFAULT_TWELVE_DATA_BASE_URL;
  const now = options.now ?? Date.now;
  const hasKey = options.apiKey.trim() !== '';
  return {
    id: 'twelvedata',
    supports: (symbol) => hasKey && toTwelveDataSymbol(symbol) !== null,
    async fetchSeries(symbol, call = {}) {
      const url = hasKey ? twelveDataUrl(baseUrl, symbol, options.apiKey.trim()) : null;
      if (url === null) {
        throw new ProviderError(
          'unsupported',
          `Twelve Data cannot serve ${symbol} (no key or symbol)`,
        );
      }
      const answer = await fetchWithTimeout(url, {
        fetch: options.fetch,
        timeoutMs: options.timeoutMs,
        signal: call.signal,
      });
      const statusError = errorForStatus(answer, 'Twelve Data', now());
      if (statusError) {
        // A JSON error body says more than the status (429 vs "symbol not found").
        try {
          parseTwelveDataText(answer.text, symbol);
        } catch (error) {
          if (
            error instanceof ProviderError &&
            error.kind !== 'malformed' &&
            error.kind !== 'html'
          ) {
            throw error.kind === 'rate-limited' && statusError.retryAfterMs !== undefined
              ? statusError
              : error;
          }
        }
        throw statusError;
      }
      return parseTwelveDataText(answer.text, symbol);
    },
  };
}
