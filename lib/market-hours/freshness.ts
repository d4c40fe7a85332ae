/**
 * How current a cached series is, judged against the NYSE calendar rather than wall-clock age:
 * a Friday close read on Sunday is fresh; the same close read on Tuesday afternoon is not.
 */
import { isMarketOpen, lastClosedSession, nyseSession, tradingDaysAfter } from './nyse-calendar';

/** `fresh`: nothing newer exists yet. `stale`: newer data exists, what we have is still usable. `expired`: too old to show without a warning. */
export type Freshness = 'fresh' | 'stale' | 'expired';

/** Tunables of {@link classifyFreshness}. */
export interface FreshnessPolicy {
  /** While the market is open, a fetch older than this is stale, milliseconds. */
  intradayMaxAgeMs: number;
  /** More missing sessions than this is `expired`. */
  expiredAfterSessions: number;
}

export const DEFAULT_FRESHNESS_POLICY: FreshnessPolicy = {
  intradayMaxAgeMs: 20 * 60_000,
  expiredAfterSessions: 5,
};

/** What {@link classifyFreshness} looks at. */
export interface FreshnessInput {
  /** Last bar's date, `YYYY-MM-DD`. */
  asOf: string;
  /** When the data was fetched, epoch ms; `undefined` for bundled snapshot data. */
  fetchedAt?: number;
  now: number;
}

/**
 * Classifies a series by the sessions it is missing. `asOf` on or after the last closed session
 * is fresh when the market is closed (provided the fetch came after that session's close, so the
 * last bar is final) and, while the market is open, when the fetch is younger than
 * `intradayMaxAgeMs`. Missing 1..`expiredAfterSessions` sessions is stale; more is expired.
 * Snapshot data (no `fetchedAt`) is judged by `asOf` alone.
 */
export function classifyFreshness(
  input: FreshnessInput,
  policy: FreshnessPolicy = DEFAULT_FRESHNESS_POLICY,
): Freshness {
  const last = lastClosedSession(input.now);
  const missing = tradingDaysAfter(input.asOf, last.date);
  if (missing > policy.expiredAfterSessions) return 'expired';
  if (missing > 0) return 'stale';
  if (input.fetchedAt === undefined) return 'fresh';
  if (isMarketOpen(input.now)) {
    return input.now - input.fetchedAt <= policy.intradayMaxAgeMs ? 'fresh' : 'stale';
  }
  // A fetch made before the close holds an unfinished bar for that day.
  const session = nyseSession(input.asOf);
  if (session && input.asOf === last.date && input.fetchedAt < session.closeMs) return 'stale';
  return 'fresh';
}
