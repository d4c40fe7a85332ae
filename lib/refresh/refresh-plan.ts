/**
 * Which symbols to refresh on an alarm, in what order, and when to wake up next: benchmarks
 * first (the Russell 2000, the user's benchmarks, the 10-year yield, then the other benchmark
 * series), then symbols the user hovered recently, each only when its cadence says it is due.
 */
import type { FetchMeta } from '../cache/db';
import type { AccessRecord } from '../cache/lru';
import { BENCHMARK_SYMBOLS } from '../cache/lru';
import {
  nextRefreshAt,
  type CadencePolicy,
  DEFAULT_CADENCE_POLICY,
} from '../market-hours/refresh-cadence';

export interface RefreshPlanInput {
  now: number;
  /** The user's chosen benchmarks (`^GSPC`, `^IXIC`, ...), in their order. */
  userBenchmarks?: readonly string[];
  /** Access records from the cache (hovers and cards). */
  access?: readonly AccessRecord[];
  /** Fetch metadata of every cached symbol. */
  meta: readonly FetchMeta[];
  /** Only symbols accessed within this many milliseconds count as recent (default 3 days). */
  recentWindowMs?: number;
  /** At most this many recent symbols per plan (default 25). */
  maxRecent?: number;
  /** Earliest time any provider is available again (a global backoff), epoch ms. */
  backoffUntil?: number;
  cadence?: CadencePolicy;
}

export interface RefreshPlan {
  /** Symbols due now, in refresh order. */
  due: string[];
  /** When the next symbol falls due (for the next alarm), epoch ms; never before `now`. */
  nextAt: number;
}

/** Benchmark order: ^RUT and IWM, the user's benchmarks, ^TNX, then the remaining benchmarks. */
export function benchmarkOrder(userBenchmarks: readonly string[] = []): string[] {
  const order = ['^RUT', 'IWM', ...userBenchmarks, '^TNX', ...BENCHMARK_SYMBOLS];
  return [...new Set(order)];
}

/**
 * Builds the plan. A symbol is due when {@link nextRefreshAt} (from its as-of date and last
 * attempt) is now or past; `nextAt` is the earliest future due time over all considered symbols.
 */
export function planRefresh(input: RefreshPlanInput): RefreshPlan {
  const { now } = input;
  const cadence = input.cadence ?? DEFAULT_CADENCE_POLICY;
  const metaBySymbol = new Map(input.meta.map((m) => [m.symbol, m]));
  const benchmarks = benchmarkOrder(input.userBenchmarks);
  const benchmarkSet = new Set(benchmarks);
  const window = input.recentWindowMs ?? 3 * 86_400_000;
  const recent = (input.access ?? [])
    .filter((a) => !benchmarkSet.has(a.symbol) && now - a.lastAccess <= window)
    .toSorted((a, b) => b.lastAccess - a.lastAccess)
    .slice(0, input.maxRecent ?? 25)
    .map((a) => a.symbol);

  const due: string[] = [];
  let nextAt = Infinity;
  for (const symbol of [...benchmarks, ...recent]) {
    const m = metaBySymbol.get(symbol);
    const at = nextRefreshAt(
      {
        now,
        ...(m?.asOf ? { asOf: m.asOf } : {}),
        ...((m?.lastAttemptAt ?? m?.fetchedAt) != null
          ? { lastFetchAt: (m?.lastAttemptAt ?? m?.fetchedAt) as number }
          : {}),
        ...(input.backoffUntil !== undefined ? { backoffUntil: input.backoffUntil } : {}),
      },
      cadence,
    );
    if (at <= now) due.push(symbol);
    else nextAt = Math.min(nextAt, at);
  }
  return { due, nextAt: Number.isFinite(nextAt) ? nextAt : now + cadence.closedRetryMs };
}
