// oxlint-disable-next-line import/no-unassigned-import -- installs the IDB globals idb's wrap() checks with instanceof
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openMarketDb } from '../../../lib/cache/db';
import { createIdbCache } from '../../../lib/cache/idb-cache';
import type { MarketCache } from '../../../lib/cache/market-cache';
import { faultyIdb } from '../../support/faulty-idb';
import { head, storedFromFixture } from './helpers';

const AAPL = storedFromFixture('chart-AAPL-2020-08-31-to-2020-11-07.json', 'AAPL');
const QQQ = storedFromFixture('chart-QQQ-2020-01-01-to-2020-01-03.json', 'QQQ');
const T0 = Date.parse('2020-11-09T12:00:00Z');

/** Everything the cache holds, store by store, to compare before and after. */
async function dump(cache: MarketCache) {
  const symbols = await cache.listSymbols();
  return {
    series: await Promise.all(symbols.map((s) => cache.readSeries(s))),
    meta: await cache.listMeta(),
    access: await cache.listAccess(),
    quotes: await Promise.all(symbols.map((s) => cache.readQuote(s))),
    profile: await cache.readProfile('AAPL'),
    state: await cache.readState('seeded'),
  };
}

async function filled(factory: IDBFactory): Promise<MarketCache> {
  const cache = createIdbCache(await openMarketDb(factory));
  await cache.writeSeries({ series: head(AAPL, 40), source: 'yahoo', fetchedAt: T0 });
  await cache.writeSeries({ series: QQQ, source: 'yahoo', fetchedAt: T0 });
  await cache.writeProfiles([
    {
      symbol: 'AAPL',
      name: 'Apple Inc.',
      exchange: null,
      sector: null,
      domicile: null,
      r2kMember: false,
      r2kWeight: null,
      asOf: '2020-11-06',
      source: 'test',
    },
  ]);
  await cache.writeState('seeded', 'v1');
  return cache;
}

/** A value IndexedDB cannot clone: its `put` throws `DataCloneError` synchronously. */
const unclonable = (() => 'USD') as unknown as string;

describe('a write that fails halfway lands nothing (issue 12)', () => {
  it('a series put that throws synchronously leaves the old series and the old metadata', async () => {
    const cache = await filled(new IDBFactory());
    const before = await dump(cache);
    // The metadata put is issued first and would commit alone without the abort.
    const write = cache.writeSeries({
      series: { ...AAPL, currency: unclonable },
      source: 'yahoo',
      fetchedAt: T0 + 1,
    });
    await expect(write).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(await dump(cache)).toEqual(before);
    expect((await cache.readMeta('AAPL'))?.asOf).toBe('2020-10-26');
  });

  it('a quota error at commit leaves every store as it was', async () => {
    const idb = faultyIdb();
    const cache = await filled(idb.factory);
    const before = await dump(cache);
    idb.failWrites('series', 'QuotaExceededError');
    const write = cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 + 1 });
    await expect(write).rejects.toMatchObject({ name: 'QuotaExceededError' });
    expect(idb.failedWrites).toBe(1);
    expect(await dump(cache)).toEqual(before);
  });

  it('"Clear cache" with a profile that cannot be stored keeps the whole old cache', async () => {
    const cache = await filled(new IDBFactory());
    const before = await dump(cache);
    const reset = cache.replaceAll({
      series: [{ series: head(AAPL, 5), source: 'snapshot', fetchedAt: null }],
      profiles: [
        {
          symbol: 'X',
          name: unclonable,
          exchange: null,
          sector: null,
          domicile: null,
          r2kMember: false,
          r2kWeight: null,
          asOf: '',
          source: '',
        },
      ],
      state: { seeded: 'v2' },
    });
    await expect(reset).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(await dump(cache)).toEqual(before);
  });

  it('a disk error while evicting deletes nothing', async () => {
    const idb = faultyIdb();
    const cache = await filled(idb.factory);
    // Orphan rows the eviction wants to delete, long past their retention.
    await cache.recordFailure('ZZZZ', {
      source: 'yahoo',
      error: { kind: 'unknown-symbol', message: 'Not Found' },
      at: T0 - 10 * 86_400_000,
    });
    const before = await dump(cache);
    expect(before.meta.map((m) => m.symbol)).toContain('ZZZZ');
    // A delete fails, as a disk error would.
    idb.failWrites('access', 'UnknownError', 1, ['delete']);
    await expect(cache.evict(1, { now: T0 })).rejects.toMatchObject({ name: 'UnknownError' });
    idb.clearFaults();
    expect(await dump(cache)).toEqual(before);
    // And with the disk back, the same eviction goes through whole (QQQ is a benchmark).
    expect(await cache.evict(1, { now: T0 })).toEqual(['AAPL', 'ZZZZ']);
    expect((await cache.listMeta()).map((m) => m.symbol)).toEqual(['QQQ']);
  });
});
