/**
 * One alarm's work, so the background's alarm handler is a single call: plan (benchmarks first,
 * then recent hovers), refresh what is due, bound the cache, and return when to wake up next.
 */
import { DEFAULT_MAX_SYMBOLS, protectedSymbolsFor } from '../cache/lru';
import type { MarketCache } from '../cache/market-cache';
import { planRefresh } from './refresh-plan';
import type { RefreshResult } from './refresh-result';
import type { Refresher } from './refresher';

export interface ScheduledRefreshInput {
  cache: MarketCache;
  refresher: Refresher;
  now: () => number;
  /** The user's benchmarks, in their order (never evicted, refreshed right after the Russell 2000). */
  userBenchmarks?: readonly string[];
  /** Cache bound in symbols (default {@link DEFAULT_MAX_SYMBOLS}). */
  maxSymbols?: number;
  signal?: AbortSignal;
}

export interface ScheduledRefreshOutcome {
  results: RefreshResult[];
  evicted: string[];
  /** When the next alarm should fire, epoch ms: the next due symbol, but not before every provider's backoff ends. */
  nextAt: number;
}

/**
 * Runs one scheduled refresh. Symbols are refreshed one at a time in plan order (polite, and a
 * worker killed halfway has done the most important ones). Failures do not stop the run.
 */
export async function runScheduledRefresh(
  input: ScheduledRefreshInput,
): Promise<ScheduledRefreshOutcome> {
  const planFor = async () =>
    planRefresh({
      now: input.now(),
      ...(input.userBenchmarks ? { userBenchmarks: input.userBenchmarks } : {}),
      access: await input.cache.listAccess(),
      meta: await input.cache.listMeta(),
    });
  const plan = await planFor();
  const results = await input.refresher.refreshAll(
    plan.due,
    input.signal ? { signal: input.signal } : {},
  );
  const evicted = await input.cache.evict(input.maxSymbols ?? DEFAULT_MAX_SYMBOLS, {
    protectedSymbols: protectedSymbolsFor(input.userBenchmarks),
    now: input.now(),
  });
  const after = await planFor();
  // When every provider rests, nothing can succeed before the earliest one is back.
  const providers = Object.values((await input.refresher.politeness()).providers);
  const now = input.now();
  const resting = providers.length > 0 && providers.every((p) => p.backoff.until > now);
  const earliestBack = resting ? Math.min(...providers.map((p) => p.backoff.until)) : 0;
  return { results, evicted, nextAt: Math.max(after.nextAt, earliestBack) };
}
