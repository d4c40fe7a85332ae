// oxlint-disable-next-line import/no-unassigned-import -- installs the IDB globals idb's wrap() checks with instanceof
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openMarketDb } from '../../../lib/cache/db';
import { createIdbCache } from '../../../lib/cache/idb-cache';
import type { MarketCache } from '../../../lib/cache/market-cache';
import { createMemoryCache } from '../../../lib/cache/memory-cache';
import { toSeries } from '../../../lib/cache/stored-series';
import { head, storedFromFixture, tail } from './helpers';

const AAPL = storedFromFixture('chart-AAPL-2020-08-31-to-2020-11-07.json', 'AAPL');
const T0 = Date.parse('2020-11-09T12:00:00Z');

const implementations: [string, () => Promise<MarketCache>][] = [
  ['IndexedDB', async () => createIdbCache(await openMarketDb(new IDBFactory()))],
  ['memory', async () => createMemoryCache()],
];

describe.each(implementations)('%s cache', (_name, make) => {
  it('stores a new series and reads it back with its metadata', async () => {
    const cache = await make();
    const out = await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 });
    expect(out).toEqual({ status: 'written', reason: 'new', asOf: '2020-11-06' });
    const read = await cache.readSeries('AAPL');
    expect(read?.series.adjClose).toHaveLength(49);
    expect(read?.series.close[0]).toBe(129.0399932861328);
    expect(toSeries(read!.series).closes[0]).toBe(125.82673645019531); // adjusted, for analytics
    expect(read?.meta).toEqual({
      symbol: 'AAPL',
      source: 'yahoo',
      fetchedAt: T0,
      asOf: '2020-11-06',
      lastAttemptAt: T0,
      lastError: null,
    });
  });

  it('keeps newer stored data when older data arrives', async () => {
    const cache = await make();
    await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 });
    const out = await cache.writeSeries({
      series: head(AAPL, 40),
      source: 'stooq',
      fetchedAt: T0 + 1,
    });
    expect(out).toEqual({ status: 'kept', reason: 'stored-is-newer', asOf: '2020-11-06' });
    const read = await cache.readSeries('AAPL');
    expect(read?.series.dates).toHaveLength(49);
    expect(read?.meta?.fetchedAt).toBe(T0); // not confirmed by the older answer
  });

  it('extends with newer bars and keeps the older history (incremental fetch)', async () => {
    const cache = await make();
    await cache.writeSeries({ series: head(AAPL, 40), source: 'yahoo', fetchedAt: T0 });
    const out = await cache.writeSeries({
      series: tail(AAPL, 35),
      source: 'yahoo',
      fetchedAt: T0 + 1,
    });
    expect(out).toEqual({ status: 'written', reason: 'newer', asOf: '2020-11-06' });
    expect((await cache.readSeries('AAPL'))?.series).toEqual(AAPL);
  });

  it('replaces equal-dated data only when longer, and says unchanged for the same data', async () => {
    const cache = await make();
    await cache.writeSeries({ series: tail(AAPL, 20), source: 'yahoo', fetchedAt: T0 });
    expect(
      (await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 + 1 })).status,
    ).toBe('written');
    const same = await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 + 2 });
    expect(same).toEqual({ status: 'kept', reason: 'same', asOf: '2020-11-06' });
    expect((await cache.readMeta('AAPL'))?.fetchedAt).toBe(T0 + 2);
  });

  it('rejects invalid data, leaves the stored series and records why', async () => {
    const cache = await make();
    await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 });
    const broken = { ...tail(AAPL, 10), adjClose: tail(AAPL, 10).adjClose.slice(1) };
    const out = await cache.writeSeries({ series: broken, source: 'yahoo', fetchedAt: T0 + 5 });
    expect(out.status).toBe('rejected');
    const future = {
      ...AAPL,
      dates: [...AAPL.dates.slice(0, -1), '2030-01-02'],
      asOf: '2030-01-02',
    };
    expect(
      (
        await cache.writeSeries({
          series: future,
          source: 'yahoo',
          fetchedAt: T0,
          latestDate: '2020-11-10',
        })
      ).status,
    ).toBe('rejected');
    const read = await cache.readSeries('AAPL');
    expect(read?.series).toEqual(AAPL);
    expect(read?.meta?.lastError?.kind).toBe('malformed');
    expect(read?.meta?.fetchedAt).toBe(T0);
  });

  it('rescales kept history when a dividend changed the adjusted closes since the last fetch', async () => {
    const cache = await make();
    const old = head(AAPL, 30);
    // Pretend the stored copy predates a dividend: its adjusted closes sit 1% higher.
    await cache.writeSeries({
      series: { ...old, adjClose: old.adjClose.map((x) => x * 1.01) },
      source: 'yahoo',
      fetchedAt: T0,
    });
    await cache.writeSeries({ series: tail(AAPL, 25), source: 'yahoo', fetchedAt: T0 + 1 });
    const merged = (await cache.readSeries('AAPL'))?.series;
    expect(merged?.dates).toEqual(AAPL.dates);
    for (let i = 0; i < AAPL.adjClose.length; i += 1) {
      expect(merged?.adjClose[i]).toBeCloseTo(AAPL.adjClose[i] as number, 9);
    }
  });

  it('records failures without touching the series', async () => {
    const cache = await make();
    await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 });
    await cache.recordFailure('AAPL', {
      source: 'yahoo',
      error: { kind: 'rate-limited', message: 'HTTP 429', status: 429, retryAfterMs: 30_000 },
      at: T0 + 10,
    });
    const read = await cache.readSeries('AAPL');
    expect(read?.series).toEqual(AAPL);
    expect(read?.meta).toMatchObject({
      fetchedAt: T0,
      lastAttemptAt: T0 + 10,
      lastError: {
        kind: 'rate-limited',
        status: 429,
        retryAfterMs: 30_000,
        at: T0 + 10,
        source: 'yahoo',
      },
    });
  });

  it('evicts least recently used symbols but never the benchmarks', async () => {
    const cache = await make();
    const symbols = ['^RUT', 'IWM', 'AAA', 'BBB', 'CCC', 'DDD'];
    for (const [i, symbol] of symbols.entries()) {
      await cache.writeSeries({ series: { ...AAPL, symbol }, source: 'yahoo', fetchedAt: T0 + i });
    }
    await cache.readSeries('AAA', { touchAt: T0 + 100 }); // AAA is now the most recent
    const evicted = await cache.evict(3);
    expect(evicted).toEqual(['BBB', 'CCC', 'DDD'].slice(0, 3));
    expect((await cache.listSymbols()).toSorted()).toEqual(['AAA', 'IWM', '^RUT'].toSorted());
    expect(await cache.readMeta('BBB')).toBeUndefined();
    // Benchmarks alone over the bound: nothing else to evict, benchmarks stay.
    expect(await cache.evict(1)).toEqual(['AAA']);
    expect((await cache.listSymbols()).toSorted()).toEqual(['IWM', '^RUT'].toSorted());
  });

  it('evicts the rows of unknown symbols once they are past their retention, and bounds them', async () => {
    const cache = await make();
    await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 });
    const fail = (symbol: string, at: number) =>
      cache.recordFailure(symbol, {
        source: 'yahoo',
        error: { kind: 'unknown-symbol', message: 'Not Found' },
        at,
      });
    await fail('ZZZA', T0);
    await fail('ZZZB', T0 + 2 * 3_600_000);
    await fail('ZZZC', T0 + 3 * 3_600_000);
    // Within a day of their last attempt they stay (a hover must not re-ask an unknown symbol early).
    expect(await cache.evict(10, { now: T0 + 12 * 3_600_000 })).toEqual([]);
    // A day after ZZZA's attempt it goes; the two newer stay.
    expect(await cache.evict(10, { now: T0 + 25 * 3_600_000 })).toEqual(['ZZZA']);
    // Orphan rows are bounded like series (here at 1): beyond it, the oldest go too.
    expect(await cache.evict(1, { now: T0 + 4 * 3_600_000 })).toEqual(['ZZZB']);
    expect((await cache.listMeta()).map((m) => m.symbol).toSorted()).toEqual(['AAPL', 'ZZZC']);
    expect(await cache.listSymbols()).toEqual(['AAPL']);
  });

  it('replaces everything but the politeness state in one go', async () => {
    const cache = await make();
    await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 });
    await cache.writeSeries({ series: { ...AAPL, symbol: 'OLD' }, source: 'yahoo', fetchedAt: T0 });
    await cache.writeState('politeness', { kept: true });
    await cache.writeState('seeded', 'v0');
    const outcomes = await cache.replaceAll({
      series: [{ series: head(AAPL, 10), source: 'snapshot', fetchedAt: null }],
      profiles: [],
      state: { seeded: 'v1' },
    });
    expect(outcomes).toEqual({ AAPL: { status: 'written', reason: 'new', asOf: '2020-09-14' } });
    expect(await cache.listSymbols()).toEqual(['AAPL']);
    expect((await cache.readSeries('AAPL'))?.series).toEqual(head(AAPL, 10));
    expect(await cache.listMeta()).toEqual([
      {
        symbol: 'AAPL',
        source: 'snapshot',
        fetchedAt: null,
        asOf: '2020-09-14',
        lastAttemptAt: null,
        lastError: null,
      },
    ]);
    expect(await cache.listAccess()).toEqual([{ symbol: 'AAPL', lastAccess: 0 }]);
    expect(await cache.readState('politeness')).toEqual({ kept: true });
    expect(await cache.readState('seeded')).toBe('v1');
  });

  it('keeps the newest quote and small state values', async () => {
    const cache = await make();
    const quote = {
      symbol: 'AAPL',
      price: 118.69,
      time: T0,
      currency: 'USD',
      source: 'yahoo' as const,
    };
    await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0, quote });
    await cache.writeSeries({
      series: AAPL,
      source: 'yahoo',
      fetchedAt: T0 + 1,
      quote: { ...quote, price: 1, time: T0 - 1 },
    });
    expect((await cache.readQuote('AAPL'))?.price).toBe(118.69);
    await cache.writeState('politeness', { yahoo: { until: 5 } });
    expect(await cache.readState('politeness')).toEqual({ yahoo: { until: 5 } });
    expect(await cache.readState('missing')).toBeUndefined();
  });
});
