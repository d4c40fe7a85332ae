/** What a refresh reports: to the card, the popup and the background's scheduler. */
import type { DataSource } from '../cache/db';
import type { ProviderErrorInfo, ProviderErrorKind } from '../providers/provider-error';
import type { ProviderId } from '../providers/provider-types';

/** One provider's part in a refresh. */
export interface RefreshAttempt {
  provider: ProviderId;
  outcome:
    | 'updated'
    | 'unchanged'
    | ProviderErrorKind
    | 'rejected'
    | 'skipped-backoff'
    | 'skipped-rate-limit';
}

/** The outcome of refreshing one symbol. */
export interface RefreshResult {
  symbol: string;
  /**
   * `updated`: newer or revised data is now cached. `unchanged`: a provider answered with data no
   * newer than the cache (or the data was fresh and nothing was fetched: see `skipped`). `failed`:
   * no provider gave usable data; the cache still holds the last good data.
   */
  status: 'updated' | 'unchanged' | 'failed';
  /** Source of the cached series after the refresh (`null` when nothing is cached). */
  source: DataSource | null;
  /** Last bar date of the cached series after the refresh (`null` when nothing is cached). */
  asOf: string | null;
  /** The failure that decided a `failed` status (the primary provider's when it had one). */
  error?: ProviderErrorInfo;
  /** Providers in the order tried. */
  attempts: RefreshAttempt[];
  /** When a retry can succeed at the earliest (end of the providers' backoff), epoch ms. */
  retryAt?: number;
  /** Set when no request was made: the cached data is fresh or not due, or a recent failure stands. */
  skipped?: 'not-due';
}
