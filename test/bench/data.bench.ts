/**
 * Data-layer figures (`npx vitest bench --run test/bench/data.bench.ts`, Vitest 5 `bench` fixture):
 * - cache read latency of a 10-year daily series (2,520 bars) from IndexedDB (fake-indexeddb in
 *   Node, so an upper bound on structured-clone work, not a browser figure) and from the memory
 *   fallback;
 * - refresh throughput, symbols per second, over the real fetch path (Node's fetch) against the
 *   local provider server on 127.0.0.1, parsing, validating and writing into fake-indexeddb.
 */
// oxlint-disable-next-line import/no-unassigned-import -- installs the IDB globals idb's wrap() checks with instanceof
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createMemoryCache } from '../../lib/cache/memory-cache';
import type { MarketCache } from '../../lib/cache/market-cache';
import { openCache } from '../../lib/cache/open-cache';
import { createYahooProvider } from '../../lib/providers/provider';
import { createRefresher } from '../../lib/refresh/refresher';
import { head, storedFromFixture, tail } from '../lib/cache/helpers';
import {
  startProviderServer,
  recordedYahooBodies,
  type ProviderServer,
} from '../support/provider-server';

const TSLA = storedFromFixture('historical-via-chart-dividends-TSLA-no-dividends.min.json', 'TSLA');
// The last 2,520 sessions (10 years) of the real TSLA history.
const TEN_YEARS = { ...tail(TSLA, TSLA.dates.length - 2520), symbol: 'TENY' };

let server: ProviderServer;
let idb: MarketCache;
let memory: MarketCache;

beforeAll(async () => {
  server = await startProviderServer();
  idb = await openCache(new IDBFactory());
  memory = createMemoryCache();
  for (const cache of [idb, memory]) {
    await cache.writeSeries({ series: TEN_YEARS, source: 'yahoo', fetchedAt: 1 });
  }
});

afterAll(async () => {
  idb.close();
  await server.stop();
});

/** A refresher over Yahoo only, with the rate limit lifted (the local server is the only peer). */
function makeRefresher(cache: MarketCache) {
  return createRefresher({
    providers: [createYahooProvider({ baseUrl: server.origin, timeoutMs: 5_000 })],
    cache,
    rateLimits: { yahoo: { capacity: 1e9, refillPerSecond: 1e9 } },
  });
}

test('cache read of a 10-year series (2,520 bars)', async ({ bench }) => {
  expect(TEN_YEARS.dates).toHaveLength(2520);
  const results = await bench.compare(
    bench('IndexedDB (fake-indexeddb) readSeries', async () => {
      await idb.readSeries('TENY');
    }),
    bench('IndexedDB (fake-indexeddb) readSeries + LRU touch', async () => {
      await idb.readSeries('TENY', { touchAt: 2 });
    }),
    bench('memory fallback readSeries', async () => {
      await memory.readSeries('TENY');
    }),
    bench('IndexedDB writeSeries, same 10 years again (read, compare, meta)', async () => {
      await idb.writeSeries({ series: TEN_YEARS, source: 'yahoo', fetchedAt: 3 });
    }),
    bench('IndexedDB writeSeries, +1 bar (splice and replace)', async () => {
      await idb.writeSeries({ series: head(TEN_YEARS, 2519), source: 'yahoo', fetchedAt: 3 });
      await idb.writeSeries({ series: tail(TEN_YEARS, 2500), source: 'yahoo', fetchedAt: 4 });
    }),
  );
  for (const name of [
    'IndexedDB (fake-indexeddb) readSeries',
    'IndexedDB (fake-indexeddb) readSeries + LRU touch',
    'memory fallback readSeries',
    'IndexedDB writeSeries, same 10 years again (read, compare, meta)',
    'IndexedDB writeSeries, +1 bar (splice and replace)',
  ] as const) {
    const { p50, p99 } = results.get(name).latency;
    process.stdout.write(`${name}: p50 ${p50?.toFixed(2)} ms, p99 ${p99?.toFixed(2)} ms\n`);
  }
  expect(results.get('IndexedDB (fake-indexeddb) readSeries').latency.p50).toBeLessThan(50);
});

test('refresh throughput against the local server (real fetch path)', async ({ bench }) => {
  const symbols = Object.keys(recordedYahooBodies());
  const warm = makeRefresher(await openCache(new IDBFactory()));
  await warm.refreshAll(symbols);
  const results = await bench.compare(
    bench(`sequential: ${symbols.length} symbols into an empty cache`, async () => {
      const done = await makeRefresher(await openCache(new IDBFactory())).refreshAll(symbols);
      if (done.some((r) => r.status !== 'updated')) throw new Error('refresh failed');
    }),
    bench(`sequential: ${symbols.length} symbols, cache up to date`, async () => {
      await warm.refreshAll(symbols);
    }),
    bench(`concurrent: ${symbols.length} symbols into an empty cache`, async () => {
      const r = makeRefresher(await openCache(new IDBFactory()));
      await Promise.all(symbols.map((s) => r.refreshSymbol(s)));
    }),
    { time: 3000 },
  );
  for (const name of [
    `sequential: ${symbols.length} symbols into an empty cache`,
    `sequential: ${symbols.length} symbols, cache up to date`,
    `concurrent: ${symbols.length} symbols into an empty cache`,
  ] as const) {
    const ms = results.get(name).latency.p50;
    process.stdout.write(
      `${name}: ${(symbols.length / (ms / 1000)).toFixed(0)} symbols/s (p50 ${ms.toFixed(1)} ms)\n`,
    );
  }
});
