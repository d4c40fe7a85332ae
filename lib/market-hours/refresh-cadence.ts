/**
 * When to fetch a symbol next: often while the NYSE is open, once after each close (when the
 * day's bar becomes final), and not at all over weekends and holidays.
 */
import {
  isMarketOpen,
  lastClosedSession,
  nextSessionOpening,
  tradingDaysAfter,
} from './nyse-calendar';

/** Tunables of {@link nextRefreshAt}, milliseconds. */
export interface CadencePolicy {
  /** Interval between fetches while the market is open. */
  openIntervalMs: number;
  /** Wait after a close before the day's bar counts as settled. */
  settleAfterCloseMs: number;
  /** While closed and the latest close is still missing, interval between retries. */
  closedRetryMs: number;
}

export const DEFAULT_CADENCE_POLICY: CadencePolicy = {
  openIntervalMs: 15 * 60_000,
  settleAfterCloseMs: 20 * 60_000,
  closedRetryMs: 60 * 60_000,
};

/** What {@link nextRefreshAt} looks at. */
export interface CadenceInput {
  now: number;
  /** Last bar's date of the cached series, if any. */
  asOf?: string;
  /** Last fetch attempt (success or failure), epoch ms. */
  lastFetchAt?: number;
  /** The provider's backoff end, epoch ms; nothing is scheduled before it. */
  backoffUntil?: number;
}

/**
 * The instant (epoch ms, never before `now`) the symbol should next be fetched.
 * - Market open: `openIntervalMs` after the last fetch.
 * - Closed, latest session missing or fetched before it settled: at the settle time, then every
 *   `closedRetryMs`.
 * - Closed and up to date: `openIntervalMs` after the next session opens.
 * A nothing-cached symbol (no `asOf`) is due now. `backoffUntil` pushes any result later.
 */
export function nextRefreshAt(
  input: CadenceInput,
  policy: CadencePolicy = DEFAULT_CADENCE_POLICY,
): number {
  const { now } = input;
  let at: number;
  if (input.asOf === undefined || input.lastFetchAt === undefined) {
    at = now;
  } else if (isMarketOpen(now)) {
    at = input.lastFetchAt + policy.openIntervalMs;
  } else {
    const last = lastClosedSession(now);
    const settledAt = last.closeMs + policy.settleAfterCloseMs;
    if (input.lastFetchAt < settledAt) at = settledAt;
    else if (tradingDaysAfter(input.asOf, last.date) > 0)
      at = input.lastFetchAt + policy.closedRetryMs;
    else at = nextSessionOpening(now).openMs + policy.openIntervalMs;
  }
  return Math.max(now, at, input.backoffUntil ?? 0);
}

/** True when {@link nextRefreshAt} is now or past. */
export function isRefreshDue(
  input: CadenceInput,
  policy: CadencePolicy = DEFAULT_CADENCE_POLICY,
): boolean {
  return nextRefreshAt(input, policy) <= input.now;
}
