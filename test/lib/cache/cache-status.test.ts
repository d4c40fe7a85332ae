import { describe, expect, it } from 'vitest';
import { lastSuccessfulFetch, recentFailures } from '../../../lib/cache/cache-status';
import type { FetchMeta } from '../../../lib/cache/db';

const meta = (symbol: string, fetchedAt: number | null, errorAt?: number): FetchMeta => ({
  symbol,
  source: fetchedAt === null ? 'snapshot' : 'yahoo',
  fetchedAt,
  asOf: '2026-02-20',
  lastAttemptAt: errorAt ?? fetchedAt,
  lastError:
    errorAt === undefined
      ? null
      : { kind: 'timeout', message: `${symbol} timed out`, at: errorAt, source: 'yahoo' },
});

describe('cache status summaries', () => {
  it('finds the latest successful fetch, ignoring snapshot data', () => {
    expect(lastSuccessfulFetch([meta('A', null), meta('B', 20), meta('C', 10)])).toBe(20);
    expect(lastSuccessfulFetch([meta('A', null)])).toBeNull();
  });

  it('lists the latest failures newest first', () => {
    const list = recentFailures(
      [meta('A', 1, 30), meta('B', 2), meta('C', null, 40), meta('D', 3, 10)],
      2,
    );
    expect(list).toEqual([
      { symbol: 'C', message: 'C timed out', kind: 'timeout', at: 40 },
      { symbol: 'A', message: 'A timed out', kind: 'timeout', at: 30 },
    ]);
  });
});
