// oxlint-disable-next-line import/no-unassigned-import -- installs the IDB globals idb's wrap() checks with instanceof
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION } from '../../../lib/cache/db';
import type { MarketCache } from '../../../lib/cache/market-cache';
import { openCache } from '../../../lib/cache/open-cache';
import type { ResilientCache } from '../../../lib/cache/resilient-cache';
import { seedFromSnapshot } from '../../../lib/cache/seed';
import type { StoredSeries } from '../../../lib/cache/stored-series';
import { fromSnapshotSeries } from '../../../lib/cache/stored-series';
import { POLITENESS_STATE_KEY } from '../../../lib/refresh/politeness';
import { decodeSnapshot } from '../../../lib/snapshot/format';
import type { Snapshot } from '../../../lib/snapshot/types';
import { faultyIdb, type FaultyIdb } from '../../support/faulty-idb';
import { storedFromFixture } from './helpers';

/** AAPL's real 2020 bars under a symbol the snapshot does not hold (it has AAPL to 2024). */
const AAPL = storedFromFixture('chart-AAPL-2020-08-31-to-2020-11-07.json', 'AAPL20');
const RUT_LIVE = storedFromFixture('derived-IDX_RUT-2025-02-to-2026-02-20.json', '^RUT');
const T0 = Date.parse('2026-02-21T12:00:00Z');
const POLITE = {
  version: 1,
  providers: { yahoo: { backoff: { failures: 2, until: T0 + 60_000, lastError: 'rate-limited' } } },
};

let snapshot: Snapshot;
beforeAll(() => {
  const path = new URL('../../../public/data/snapshot.json', import.meta.url);
  snapshot = decodeSnapshot(JSON.parse(readFileSync(path, 'utf8')) as unknown);
});

/** The background's seeding in small: the snapshot once, then a flag (see data-service.ts). */
async function ensureSeeded(cache: MarketCache): Promise<void> {
  if ((await cache.readState('seeded')) === 'test') return;
  await seedFromSnapshot(cache, snapshot);
  await cache.writeState('seeded', 'test');
}

/** The background's `prepare`: politeness carried over when readable, then seeded. */
async function prepare(next: MarketCache, _why: string, previous: MarketCache): Promise<void> {
  try {
    const p = await previous.readState(POLITENESS_STATE_KEY);
    if (p !== undefined) await next.writeState(POLITENESS_STATE_KEY, p);
  } catch {
    // gone with the old storage
  }
  await ensureSeeded(next);
}

async function openSeeded(idb: FaultyIdb): Promise<ResilientCache> {
  const cache = await openCache(idb.factory, { prepare, timeoutMs: 500, now: () => T0 });
  await ensureSeeded(cache);
  return cache;
}

/** Every cached symbol with its series (adjusted closes and dates suffice to tell versions apart). */
async function contents(cache: MarketCache): Promise<Map<string, StoredSeries>> {
  const out = new Map<string, StoredSeries>();
  for (const s of await cache.listSymbols()) {
    const read = await cache.readSeries(s);
    if (read) out.set(s, read.series);
  }
  return out;
}

/** For every symbol, the series is exactly the one in `before` or the one in `after`. */
function eachOldOrNew(
  now: Map<string, StoredSeries>,
  before: Map<string, StoredSeries>,
  after: Map<string, StoredSeries>,
): string[] {
  const wrong: string[] = [];
  for (const [symbol, series] of now) {
    const same = (x: StoredSeries | undefined) => JSON.stringify(x) === JSON.stringify(series);
    if (!same(before.get(symbol)) && !same(after.get(symbol))) wrong.push(symbol);
  }
  return wrong;
}

function deleteFromElsewhere(idb: FaultyIdb): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = idb.base.deleteDatabase(DB_NAME);
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => reject(request.error));
    request.addEventListener('blocked', () =>
      reject(new Error('delete blocked by our connection')),
    );
  });
}

describe('a database deleted or closed during use (issue 12)', () => {
  it('deleted from another context: our connection steps aside, reopens, reseeds, answers', async () => {
    const idb = faultyIdb();
    const cache = await openSeeded(idb);
    await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 });
    await cache.writeSeries({ series: RUT_LIVE, source: 'yahoo', fetchedAt: T0 });
    const before = await contents(cache);

    await deleteFromElsewhere(idb); // not blocked: versionchange closed our connection

    const rut = await cache.readSeries('^RUT');
    expect(rut?.series).toEqual(fromSnapshotSeries(snapshot.series['^RUT']!));
    expect(rut?.meta?.source).toBe('snapshot');
    expect([cache.backend, cache.degradedReason]).toEqual(['indexeddb', null]);
    expect(cache.history().map((e) => e.what)).toEqual(['connection-lost', 'reopened']);
    expect(idb.connections).toHaveLength(2);
    // The deleted data is gone (the user deleted it); every symbol is the old or the seeded series.
    const after = await contents(cache);
    expect(after.has('AAPL20')).toBe(false);
    expect(after.size).toBe(Object.keys(snapshot.series).length);
    const seeded = new Map(
      Object.values(snapshot.series).map((s) => [s.symbol, fromSnapshotSeries(s)]),
    );
    expect(eachOldOrNew(after, before, seeded)).toEqual([]);
  });

  it('closed by the browser (site data cleared, a disk error): reopened, nothing lost', async () => {
    const idb = faultyIdb();
    const cache = await openSeeded(idb);
    await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 });
    const before = await contents(cache);

    idb.forceCloseAll();
    const out = await cache.writeSeries({ series: RUT_LIVE, source: 'yahoo', fetchedAt: T0 });
    expect(out.status).toBe('written');
    expect(cache.history().map((e) => e.what)).toEqual(['connection-lost', 'reopened']);
    const after = await contents(cache);
    expect(after.get('AAPL20')).toEqual(before.get('AAPL20'));
    expect(after.get('^RUT')?.asOf).toBe('2026-02-20');
    expect(after.size).toBe(before.size);
  });

  it('a disk error in the middle of a write: retried once on a reopened connection, lands once', async () => {
    const idb = faultyIdb();
    const cache = await openSeeded(idb);
    idb.failWrites('series', 'UnknownError');
    const out = await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 });
    expect(out).toEqual({ status: 'written', reason: 'new', asOf: '2020-11-06' });
    expect(idb.failedWrites).toBe(1);
    expect(cache.history().map((e) => e.what)).toEqual(['reopened']);
    expect((await cache.readSeries('AAPL20'))?.series).toEqual(AAPL);
    expect((await cache.listAccess()).filter((a) => a.symbol === 'AAPL20')).toHaveLength(1);
  });

  it('many calls failing at once share one recovery', async () => {
    const idb = faultyIdb();
    const cache = await openSeeded(idb);
    idb.forceCloseAll();
    const symbols = Array.from({ length: 20 }, (_, i) => `S${i}`);
    const outcomes = await Promise.all([
      ...symbols.map((symbol) =>
        cache.writeSeries({ series: { ...AAPL, symbol }, source: 'yahoo', fetchedAt: T0 }),
      ),
      ...symbols.map(() => cache.readSeries('IWM').then((r) => r?.series.asOf)),
    ]);
    expect(outcomes.filter((o) => typeof o === 'object' && o.status === 'written')).toHaveLength(
      20,
    );
    expect(outcomes.filter((o) => o === snapshot.series.IWM?.asOf)).toHaveLength(20);
    expect(idb.connections).toHaveLength(2);
    expect(cache.history().filter((e) => e.what === 'reopened')).toHaveLength(1);
  });

  it('a database that cannot be opened again: memory, seeded, with the reason', async () => {
    const idb = faultyIdb();
    const cache = await openSeeded(idb);
    await cache.writeState(POLITENESS_STATE_KEY, POLITE);
    idb.failOpens('UnknownError', 5);
    idb.forceCloseAll();
    const rut = await cache.readSeries('^RUT');
    expect(rut?.series.asOf).toBe(snapshot.series['^RUT']?.asOf);
    expect(cache.backend).toBe('memory');
    expect(cache.degradedReason).toBe(
      'IndexedDB stopped working (the browser closed the database) and could not be reopened',
    );
    expect(cache.history().map((e) => e.what)).toEqual([
      'connection-lost',
      'reopen-failed',
      'memory-fallback',
    ]);
    // The old storage was unreadable, so no politeness came along; the refresher keeps its own.
    expect(await cache.readState(POLITENESS_STATE_KEY)).toBeUndefined();
  });

  it('a newer version opened elsewhere is not blocked by us; we go on in memory', async () => {
    const idb = faultyIdb();
    const cache = await openSeeded(idb);
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = idb.base.open(DB_NAME, DB_VERSION + 1);
      request.addEventListener('success', () => resolve(request.result));
      request.addEventListener('error', () => reject(request.error));
    });
    expect(newer.version).toBe(DB_VERSION + 1);
    expect((await cache.readSeries('SPY'))?.series.asOf).toBe(snapshot.series.SPY?.asOf);
    expect(cache.backend).toBe('memory');
    expect(cache.degradedReason).toMatch(
      /^IndexedDB stopped working \(the database was deleted or upgraded elsewhere\)/,
    );
    newer.close();
  });

  it('a reopen whose upgrade an older connection blocks gives up in time and goes to memory', async () => {
    const idb = faultyIdb();
    const cache = await openSeeded(idb);
    await deleteFromElsewhere(idb);
    // Someone recreates the database at version 1 and keeps it open, deaf to versionchange.
    const old = await new Promise<IDBDatabase>((resolve) => {
      const request = idb.base.open(DB_NAME, 1);
      request.addEventListener('upgradeneeded', () =>
        request.result.createObjectStore('series', { keyPath: 'symbol' }),
      );
      request.addEventListener('success', () => resolve(request.result));
    });
    const started = Date.now();
    expect((await cache.readSeries('QQQ'))?.series.asOf).toBe(snapshot.series.QQQ?.asOf);
    expect(Date.now() - started).toBeLessThan(3_000); // the 500 ms open timeout, then memory
    expect(cache.backend).toBe('memory');
    expect(cache.history().map((e) => [e.what, e.detail])).toEqual([
      ['connection-lost', 'the database was deleted or upgraded elsewhere'],
      ['reopen-failed', 'IndexedDB upgrade is blocked by another open connection'],
      [
        'memory-fallback',
        'IndexedDB stopped working (the database was deleted or upgraded elsewhere) and could not be reopened',
      ],
    ]);
    old.close();
  });

  it('an error that is not about storage (a value that cannot be cloned) is not retried', async () => {
    const idb = faultyIdb();
    const cache = await openSeeded(idb);
    const write = cache.writeSeries({
      series: { ...AAPL, currency: (() => 'USD') as unknown as string },
      source: 'yahoo',
      fetchedAt: T0,
    });
    await expect(write).rejects.toMatchObject({ name: 'DataCloneError' });
    expect(cache.history()).toEqual([]);
    expect(cache.backend).toBe('indexeddb');
    expect(await cache.readSeries('AAPL20')).toBeUndefined();
  });
});

/** The seeded cache with 8 more stocks, K0 least recently used. */
async function withStocks(idb: FaultyIdb): Promise<ResilientCache> {
  const cache = await openSeeded(idb);
  for (let i = 0; i < 8; i += 1) {
    await cache.writeSeries({
      series: { ...AAPL, symbol: `K${i}` },
      source: 'yahoo',
      fetchedAt: T0 + i, // K0 least recently used
    });
  }
  return cache;
}

describe('quota exceeded (issue 12)', () => {
  it('evicts a quarter of the evictable symbols, least recently used first, and retries', async () => {
    const idb = faultyIdb();
    const cache = await withStocks(idb);
    const before = await cache.listSymbols();
    expect(before).toHaveLength(35); // 27 snapshot series + 8
    idb.failWrites('series', 'QuotaExceededError');
    const out = await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 + 100 });
    expect(out.status).toBe('written');
    // 27 evictable (19 snapshot stocks, K0-K7): 7 go, the snapshot stocks (never used) first.
    const now = new Set(await cache.listSymbols());
    const gone = before.filter((s) => !now.has(s));
    expect(gone).toHaveLength(7);
    expect(gone.every((s) => !s.startsWith('K'))).toBe(true);
    expect(cache.backend).toBe('indexeddb');
    expect(cache.history().map((e) => [e.what, e.detail])).toEqual([
      ['quota-evicted', expect.stringMatching(/^QuotaExceededError.*; evicted 7 symbols$/)],
    ]);
    expect((await cache.readSeries('AAPL20'))?.series).toEqual(AAPL);
  });

  it('when eviction does not help: memory, with the reason, seeded, politeness kept, the write kept', async () => {
    const idb = faultyIdb();
    const cache = await withStocks(idb);
    await cache.writeState(POLITENESS_STATE_KEY, POLITE);
    const stored = await contents(cache);
    idb.failWrites('series', 'QuotaExceededError', 1000);
    const out = await cache.writeSeries({ series: AAPL, source: 'yahoo', fetchedAt: T0 + 100 });
    expect(out.status).toBe('written');
    expect(cache.backend).toBe('memory');
    expect(cache.degradedReason).toMatch(
      /^IndexedDB is full \(QuotaExceededError.*\) even after evicting symbols$/,
    );
    expect(cache.history().map((e) => e.what)).toEqual(['quota-evicted', 'memory-fallback']);
    expect((await cache.readSeries('AAPL20'))?.series).toEqual(AAPL);
    expect((await cache.readSeries('^RUT'))?.series.asOf).toBe(snapshot.series['^RUT']?.asOf);
    expect(await cache.readState(POLITENESS_STATE_KEY)).toEqual(POLITE);

    // The next worker starts on IndexedDB again: what it held is there, bar the quarter evicted.
    idb.clearFaults();
    const next = await openCache(idb.factory, { prepare });
    expect(next.backend).toBe('indexeddb');
    const kept = await contents(next);
    expect(kept.size).toBe(stored.size - 7);
    for (const [symbol, series] of kept) expect(series).toEqual(stored.get(symbol));
  });
});
