// oxlint-disable-next-line import/no-unassigned-import -- installs the IDB globals idb's wrap() checks with instanceof
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheMarketData, causeOf } from '../../../entrypoints/background/market-data';
import { sectorTotals } from '../../../lib/context/sector-share';
import { STATE_KEYS, type DataService } from '../../../entrypoints/background/data-service';
import { createMemoryCache } from '../../../lib/cache/memory-cache';
import type { MarketCache } from '../../../lib/cache/market-cache';
import { openCache } from '../../../lib/cache/open-cache';
import { seedFromSnapshot } from '../../../lib/cache/seed';
import { createYahooProvider } from '../../../lib/providers/provider';
import { fromSnapshotSeries } from '../../../lib/cache/stored-series';
import { createRefresher } from '../../../lib/refresh/refresher';
import { decodeSnapshot } from '../../../lib/snapshot/format';
import type { Snapshot } from '../../../lib/snapshot/types';
import { faultyIdb } from '../../support/faulty-idb';
import { startProviderServer, type ProviderServer } from '../../support/provider-server';

/** 2026-11-23 15:00 UTC (market open): the bundled data (to 2026-02 and 2026-08) is long stale. */
const NOW = Date.UTC(2026, 10, 23, 15);

let snapshot: Snapshot;
let cache: MarketCache;
let data: DataService;

beforeAll(async () => {
  snapshot = decodeSnapshot(JSON.parse(readFileSync('public/data/snapshot.json', 'utf8')));
  cache = createMemoryCache('IndexedDB is not available in this context');
  await seedFromSnapshot(cache, snapshot);
  await cache.writeState(STATE_KEYS.snapshotSources, { '^RUT': snapshot.series['^RUT']?.source });
  await cache.writeState(STATE_KEYS.holdings, {
    asOf: snapshot.holdings.asOf,
    source: snapshot.holdings.source,
  });
  // No providers: nothing can be fetched, as offline.
  const refresher = createRefresher({ providers: [], cache, now: () => NOW });
  data = { cache, refresher: async () => refresher };
});

describe('cacheMarketData', () => {
  it('says when storage fell back to memory', async () => {
    const market = cacheMarketData(data, { policy: 'offline', now: () => NOW });
    const { status, available } = await market.benchmarks();
    expect(status.notices.join(' ')).toMatch(
      /Storage unavailable \(IndexedDB is not available in this context\)/,
    );
    expect(Object.keys(available).toSorted()).toEqual([
      'IWM',
      'QQQ',
      'SPY',
      '^GSPC',
      '^IXIC',
      '^RUT',
      '^TNX',
    ]);
  });

  it('serves snapshot data as snapshot, marked stale, citing the snapshot source', async () => {
    const market = cacheMarketData(data, { policy: 'offline', now: () => NOW });
    const { status, available } = await market.benchmarks();
    expect(status.origin).toBe('snapshot');
    expect(status.stale).toBe(true);
    expect(status.fetchedAt).toBeNull();
    expect(available['^RUT']?.source).toBe(snapshot.series['^RUT']?.source);
    expect(available['^RUT']?.asOf).toBe('2026-02-20');
  });

  it('explains that an unknown symbol cannot be fetched when fetching is off', async () => {
    const market = cacheMarketData(data, { policy: 'offline', now: () => NOW });
    const found = await market.symbol('KTOS');
    expect(found).toEqual({
      ok: false,
      reason: 'No saved data for KTOS, and fetching is off (Settings › Market data › offline).',
      cause: 'offline',
    });
  });

  it('finds a cached stock with its instrument type', async () => {
    const market = cacheMarketData(data, { policy: 'offline', now: () => NOW });
    const found = await market.symbol('IONQ');
    expect(found.ok).toBe(true);
    if (found.ok) {
      expect(found.series.asOf).toBe('2024-03-08');
      expect(found.status.stale).toBe(true);
    }
  });

  it('maps share classes to the iShares spelling for membership (MOG.A → MOGA)', async () => {
    const market = cacheMarketData(data, { policy: 'offline', now: () => NOW });
    const moog = await market.membership('MOG.A');
    expect(moog.holding?.ticker).toBe('MOGA');
    expect(moog.asOf).toBe('2026-05-05');
    const notMember = await market.membership('AAPL');
    expect(notMember.holding).toBeNull();
  });

  it('names a symbol from the saved profiles: holdings for members, the snapshot for its own series', async () => {
    const market = cacheMarketData(data, { policy: 'offline', now: () => NOW });
    expect(await market.profile('IONQ')).toEqual({
      name: 'IONQ INC',
      exchange: 'NYSE',
      source: `${snapshot.holdings.source}, as of 2026-05-05`,
    });
    expect(await market.profile('IWM')).toMatchObject({
      name: 'iShares Russell 2000 ETF',
      exchange: null,
    });
    expect(await market.profile('ZZZZ')).toBeUndefined();
  });

  it('gives quoted closes with a cached series (unknown for a snapshot stock, known for an index)', async () => {
    const market = cacheMarketData(data, { policy: 'offline', now: () => NOW });
    const ionq = await market.symbol('IONQ');
    const rut = await market.symbol('^RUT');
    expect(ionq.ok && ionq.quoted.every((q) => q === null)).toBe(true);
    expect(rut.ok && rut.quoted.at(-1)).toBe(rut.ok ? rut.series.closes.at(-1) : 'missing');
  });

  it('computes the sector totals from the snapshot once when the cache lacks them, then reads them', async () => {
    const market = cacheMarketData(data, { policy: 'offline', now: () => NOW });
    const expected = sectorTotals(snapshot.holdings.rows);
    await cache.writeState(STATE_KEYS.sectorTotals, expected);
    expect(await market.sectorTotals()).toEqual(expected);
    expect(Object.values(expected).reduce((n, t) => n + t.members, 0)).toBe(
      snapshot.holdings.rows.filter((r) => r.sector !== '').length,
    );
  });

  it('maps provider failures to the card states', () => {
    expect(causeOf(null)).toBe('no-data');
    expect(causeOf({ kind: 'unknown-symbol' })).toBe('unknown-symbol');
    expect(causeOf({ kind: 'rate-limited' })).toBe('rate-limited');
    expect(causeOf({ kind: 'timeout' })).toBe('network');
    expect(causeOf({ kind: 'network' })).toBe('network');
    expect(causeOf({ kind: 'html' })).toBe('provider-error');
    expect(causeOf({ kind: 'malformed' })).toBe('provider-error');
  });
});

describe('cacheMarketData keeps the cache within its bound on demand (issue 12)', () => {
  let server: ProviderServer;
  beforeAll(async () => {
    server = await startProviderServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('a hover that fetches a new symbol evicts the least recently used one, and stale orphan rows', async () => {
    const bounded = createMemoryCache();
    await seedFromSnapshot(bounded, snapshot);
    const symbols = await bounded.listSymbols();
    expect(symbols).toHaveLength(27);
    // An unknown symbol hovered two days ago left a metadata row behind.
    await bounded.recordFailure('ZZZZ', {
      source: 'yahoo',
      error: { kind: 'unknown-symbol', message: 'Not Found' },
      at: NOW - 2 * 86_400_000,
    });
    await bounded.readSeries('AMZN', { touchAt: NOW - 60_000 }); // used a minute ago
    const refresher = createRefresher({
      providers: [createYahooProvider({ baseUrl: server.origin, timeoutMs: 2_000 })],
      cache: bounded,
      now: () => NOW,
    });
    const market = cacheMarketData(
      { cache: bounded, refresher: async () => refresher },
      { policy: 'on-demand', now: () => NOW, maxSymbols: 27, userBenchmarks: ['^NDX'] },
    );
    const found = await market.symbol('EPAC');
    expect(found.ok).toBe(true);
    const after = await bounded.listSymbols();
    expect(after).toHaveLength(27);
    expect(after).toContain('EPAC');
    expect(after).toContain('AMZN');
    // The snapshot stocks were never used (access 0): the first of them alphabetically went.
    expect(symbols.filter((s) => !after.includes(s))).toEqual(['AAPL']);
    expect(await bounded.readMeta('ZZZZ')).toBeUndefined();
  });
});

describe('cacheMarketData tells the card when storage fails under it (issue 12)', () => {
  it('a full disk sends the cache to memory and the next answer carries the storage notice', async () => {
    const idb = faultyIdb();
    const seed = async (c: MarketCache) => {
      if ((await c.listSymbols()).length === 0) await seedFromSnapshot(c, snapshot);
    };
    const resilient = await openCache(idb.factory, { prepare: (next) => seed(next) });
    await seed(resilient);
    const refresher = createRefresher({ providers: [], cache: resilient, now: () => NOW });
    const market = cacheMarketData(
      { cache: resilient, refresher: async () => refresher },
      { policy: 'offline', now: () => NOW },
    );
    expect((await market.benchmarks()).status.notices).toEqual([]);

    idb.failWrites('series', 'QuotaExceededError', 1000);
    const live = { ...fromSnapshotSeries(snapshot.series.IWM!), symbol: 'IWM2' };
    expect(
      (await resilient.writeSeries({ series: live, source: 'yahoo', fetchedAt: NOW })).status,
    ).toBe('written');

    const { status, available } = await market.benchmarks();
    expect(status.notices).toEqual([
      'Storage unavailable (IndexedDB is full (QuotaExceededError) even after evicting symbols): working from memory and the bundled snapshot.',
    ]);
    expect(available['^RUT']?.asOf).toBe('2026-02-20');
  });
});
