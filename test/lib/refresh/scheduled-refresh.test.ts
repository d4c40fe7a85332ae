// oxlint-disable-next-line import/no-unassigned-import -- installs the IDB globals idb's wrap() checks with instanceof
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCache } from '../../../lib/cache/open-cache';
import { createDefaultProviders } from '../../../lib/providers/default-providers';
import { createRefresher } from '../../../lib/refresh/refresher';
import { runScheduledRefresh } from '../../../lib/refresh/scheduled-refresh';
import { startProviderServer, type ProviderServer } from '../../support/provider-server';

let server: ProviderServer;
beforeAll(async () => {
  server = await startProviderServer();
});
afterAll(async () => {
  await server.stop();
});

describe('runScheduledRefresh over the local server', () => {
  it('refreshes benchmarks first, then recent hovers, and says when to wake up', async () => {
    // Saturday 2026-03-07. The fixtures' ^GSPC and ^IXIC end on Friday 2026-03-06; ^RUT, IWM, SPY
    // and QQQ stop at 2026-02-20 (the data the server has), so they stay behind.
    const now = Date.parse('2026-03-07T15:00:00Z');
    const cache = await openCache(new IDBFactory());
    const providers = createDefaultProviders({
      chartBaseUrl: server.origin,
      stooqBaseUrl: server.origin,
      now: () => now,
    });
    const refresher = createRefresher({ providers, cache, now: () => now, random: () => 0.5 });
    await cache.writeSeries({
      series: {
        symbol: 'EPAC',
        dates: ['2020-01-02'],
        open: [null],
        high: [null],
        low: [null],
        close: [26.16],
        adjClose: [26.16],
        volume: [null],
        splits: [],
        dividends: [],
        currency: 'USD',
        exchangeTimezone: 'America/New_York',
        instrumentType: 'EQUITY',
        adjusted: true,
        asOf: '2020-01-02',
      },
      source: 'snapshot',
      fetchedAt: null,
    });
    await cache.readSeries('EPAC', { touchAt: now - 60_000 }); // hovered a minute ago
    const first = server.requests.length;

    const out = await runScheduledRefresh({
      cache,
      refresher,
      now: () => now,
      userBenchmarks: ['^GSPC'],
    });
    const asked = server.requests.slice(first).map((q) => `${q.provider}:${q.symbol}`);
    // Stooq has no ^TNX spelling (its yield series is in other units), so only Yahoo is asked.
    expect(asked).toEqual([
      'yahoo:^RUT',
      'yahoo:IWM',
      'yahoo:^GSPC',
      'yahoo:^TNX',
      'yahoo:SPY',
      'yahoo:^IXIC',
      'yahoo:QQQ',
      'yahoo:EPAC',
    ]);
    expect(out.results.map((r) => [r.symbol, r.status, r.asOf])).toEqual([
      ['^RUT', 'updated', '2026-02-20'],
      ['IWM', 'updated', '2026-02-20'],
      ['^GSPC', 'updated', '2026-03-06'],
      ['^TNX', 'failed', null], // no ^TNX fixture: Yahoo says unknown
      ['SPY', 'updated', '2026-02-20'],
      ['^IXIC', 'updated', '2026-03-06'],
      ['QQQ', 'updated', '2026-02-20'],
      ['EPAC', 'updated', '2020-01-02'], // revised: the recorded close is 26.15999984741211
    ]);
    expect(out.evicted).toEqual([]);
    // While closed, symbols still missing Friday's close (and the failed ^TNX) are retried hourly.
    expect(new Date(out.nextAt).toISOString()).toBe('2026-03-07T16:00:00.000Z');
  });

  it('rejects bars dated after tomorrow in New York (a clock behind the data)', async () => {
    const now = Date.parse('2026-02-21T15:00:00Z'); // before the fixture's March bars
    const cache = await openCache(new IDBFactory());
    const providers = createDefaultProviders({
      chartBaseUrl: server.origin,
      stooqBaseUrl: server.origin,
      now: () => now,
    });
    const r = await createRefresher({ providers, cache, now: () => now }).refreshSymbol('^GSPC');
    expect(r).toMatchObject({ status: 'failed', error: { kind: 'malformed' } });
    expect(r.attempts).toEqual([
      { provider: 'yahoo', outcome: 'rejected' },
      { provider: 'stooq', outcome: 'unknown-symbol' },
    ]);
    expect(await cache.readSeries('^GSPC')).toBeUndefined();
    cache.close();
  });
});
