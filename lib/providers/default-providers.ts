/**
 * The provider list the background builds from its settings: Yahoo first (no key), Stooq as the
 * no-key fallback, Twelve Data last and only with the user's key.
 */
import type { FetchLike } from './fetch-with-timeout';
import {
  createStooqProvider,
  createTwelveDataProvider,
  createYahooProvider,
  type Provider,
} from './provider';

export interface DefaultProvidersOptions {
  /** `import.meta.env.WXT_CHART_BASE_URL ?? 'https://query1.finance.yahoo.com'` in the extension. */
  chartBaseUrl?: string;
  stooqBaseUrl?: string;
  twelveDataBaseUrl?: string;
  /** The Twelve Data key from the options page (stored locally); empty or missing leaves it out. */
  twelveDataApiKey?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  now?: () => number;
}

/** Providers in fallback order; Twelve Data is included only when a key is set. */
export function createDefaultProviders(options: DefaultProvidersOptions = {}): Provider[] {
  const common = {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
  const providers: Provider[] = [
    createYahooProvider({
      ...common,
      ...(options.chartBaseUrl ? { baseUrl: options.chartBaseUrl } : {}),
    }),
    createStooqProvider({
      ...common,
      ...(options.stooqBaseUrl ? { baseUrl: options.stooqBaseUrl } : {}),
    }),
  ];
  const key = options.twelveDataApiKey?.trim() ?? '';
  if (key !== '') {
    providers.push(
      createTwelveDataProvider({
        ...common,
        apiKey: key,
        ...(options.twelveDataBaseUrl ? { baseUrl: options.twelveDataBaseUrl } : {}),
      }),
    );
  }
  return providers;
}
