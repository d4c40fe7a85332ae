import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSeriesMemo } from '../../../entrypoints/background/series-memo';
import { createMemoryCache } from '../../../lib/cache/memory-cache';
import type { MarketCache } from '../../../lib/cache/market-cache';
import { fromSnapshotSeries } from '../../../lib/cache/stored-series';
import { decodeSnapshot } from '../../../lib/snapshot/format';

const snapshot = decodeSnapshot(JSON.parse(readFileSync('public/data/snapshot.json', 'utf8')));
const iwm = fromSnapshotSeries(snapshot.series.IWM!);

let cache: MarketCache;

beforeEach(async () => {
  cache = createMemoryCache('test');
  await cache.writeSeries({ series: iwm, source: 'snapshot', fetchedAt: null, mode: 'backfill' });
});

describe('the worker’s series memo', () => {
  it('reads a long series out of the cache once, then from memory while it is unchanged', async () => {
    const memo = createSeriesMemo();
    const reads = vi.spyOn(cache, 'readSeries');
    const first = await memo.read(cache, 'IWM');
    const second = await memo.read(cache, 'IWM');
    expect(reads).toHaveBeenCalledTimes(1);
    expect(second?.series.dates.length).toBe(first?.series.dates.length);
    expect(second?.series.asOf).toBe('2026-02-20');
    expect(second?.meta).toMatchObject({ source: 'snapshot', asOf: '2026-02-20' });
  });

  it('reads again once a write changed the stored version', async () => {
    const memo = createSeriesMemo();
    await memo.read(cache, 'IWM');
    const newer = {
      ...iwm,
      dates: [...iwm.dates, '2026-02-23'],
      open: [...iwm.open, null],
      high: [...iwm.high, null],
      low: [...iwm.low, null],
      close: [...iwm.close, 265.1],
      adjClose: [...iwm.adjClose, 265.1],
      volume: [...iwm.volume, null],
      asOf: '2026-02-23',
    };
    await cache.writeSeries({ series: newer, source: 'yahoo', fetchedAt: 1_000, mode: 'update' });
    const after = await memo.read(cache, 'IWM');
    expect(after?.series.asOf).toBe('2026-02-23');
    expect(after?.meta?.source).toBe('yahoo');
  });

  it('forgets a series the cache no longer has (Clear cache)', async () => {
    const memo = createSeriesMemo();
    await memo.read(cache, 'IWM');
    await cache.replaceAll({ series: [], profiles: [] });
    expect(await memo.read(cache, 'IWM')).toBeUndefined();
  });

  it('records a hovered symbol’s access for the eviction order at most once a minute', async () => {
    const memo = createSeriesMemo();
    const reads = vi.spyOn(cache, 'readSeries');
    await memo.read(cache, 'IWM', 1_000);
    await memo.read(cache, 'IWM', 30_000);
    await memo.read(cache, 'IWM', 61_000);
    expect(reads.mock.calls.map((c) => c[1])).toEqual([{ touchAt: 1_000 }, { touchAt: 61_000 }]);
    expect((await cache.listAccess()).find((a) => a.symbol === 'IWM')?.lastAccess).toBe(61_000);
  });
});
