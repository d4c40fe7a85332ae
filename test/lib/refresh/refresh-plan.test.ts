import { describe, expect, it } from 'vitest';
import type { FetchMeta } from '../../../lib/cache/db';
import { benchmarkOrder, planRefresh } from '../../../lib/refresh/refresh-plan';

const t = (iso: string) => Date.parse(iso);

function meta(symbol: string, asOf: string, lastAttemptAt: number | null): FetchMeta {
  return {
    symbol,
    source: 'yahoo',
    fetchedAt: lastAttemptAt,
    asOf,
    lastAttemptAt,
    lastError: null,
  };
}

describe('benchmarkOrder', () => {
  it('puts the Russell 2000 first, then the user’s benchmarks, then the 10-year yield', () => {
    expect(benchmarkOrder(['^IXIC', '^GSPC'])).toEqual([
      '^RUT',
      'IWM',
      '^IXIC',
      '^GSPC',
      '^TNX',
      'SPY',
      'QQQ',
    ]);
  });
});

describe('planRefresh', () => {
  it('refreshes snapshot-only benchmarks first, then recent hovers newest first', () => {
    const now = t('2026-02-20T15:00:00Z'); // Friday, market open
    const plan = planRefresh({
      now,
      userBenchmarks: ['^GSPC'],
      meta: [meta('^RUT', '2026-02-19', null)],
      access: [
        { symbol: 'EPAC', lastAccess: now - 60_000 },
        { symbol: 'CRON', lastAccess: now - 10_000 },
        { symbol: 'OLD', lastAccess: now - 10 * 86_400_000 },
      ],
    });
    expect(plan.due).toEqual([
      '^RUT',
      'IWM',
      '^GSPC',
      '^TNX',
      'SPY',
      '^IXIC',
      'QQQ',
      'CRON',
      'EPAC',
    ]);
  });

  it('while open, waits 15 minutes between fetches and wakes for the earliest one', () => {
    const now = t('2026-02-20T15:05:00Z');
    const plan = planRefresh({
      now,
      meta: ['^RUT', 'IWM', '^GSPC', 'SPY', '^IXIC', 'QQQ', '^TNX'].map((s, i) =>
        meta(s, '2026-02-20', t('2026-02-20T15:00:00Z') + i * 60_000),
      ),
    });
    expect(plan.due).toEqual([]);
    expect(new Date(plan.nextAt).toISOString()).toBe('2026-02-20T15:15:00.000Z');
  });

  it('goes quiet over the weekend once Friday’s close is in', () => {
    const now = t('2026-02-21T15:00:00Z');
    const plan = planRefresh({
      now,
      meta: ['^RUT', 'IWM', '^GSPC', 'SPY', '^IXIC', 'QQQ', '^TNX'].map((s) =>
        meta(s, '2026-02-20', t('2026-02-20T22:00:00Z')),
      ),
    });
    expect(plan.due).toEqual([]);
    expect(new Date(plan.nextAt).toISOString()).toBe('2026-02-23T14:45:00.000Z');
  });
});
