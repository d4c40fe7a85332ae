// oxlint-disable-next-line import/no-unassigned-import -- installs the IDB globals idb's wrap() checks with instanceof
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MarketCache } from '../../../lib/cache/market-cache';
import { openCache } from '../../../lib/cache/open-cache';
import { createStooqProvider, createYahooProvider } from '../../../lib/providers/provider';
import type { ProviderErrorKind } from '../../../lib/providers/provider-error';
import { createRefresher, type Refresher } from '../../../lib/refresh/refresher';
import { yahooBody } from '../providers/fixture';
import {
  startProviderServer,
  type Fault,
  type ProviderServer,
} from '../../support/provider-server';

/**
 * The real fetch path (globalThis.fetch of Node 22, no injected fetch) against the local fixture
 * server, with fake-indexeddb behind the cache. After every fault the cache must hold exactly the
 * last good data and the result must say what happened.
 */
let server: ProviderServer;
let cache: MarketCache;
let refresher: Refresher;

const TIMEOUT_MS = 400;

function makeRefresher(c: MarketCache): Refresher {
  return createRefresher({
    providers: [
      createYahooProvider({ baseUrl: server.origin, timeoutMs: TIMEOUT_MS }),
      createStooqProvider({ baseUrl: server.origin, timeoutMs: TIMEOUT_MS }),
    ],
    cache: c,
    random: () => 0.5,
  });
}

beforeAll(async () => {
  server = await startProviderServer();
});

afterAll(async () => {
  await server.stop();
});

beforeEach(async () => {
  server.clearFaults();
  cache = await openCache(new IDBFactory());
  refresher = makeRefresher(cache);
});

describe('200: good data', () => {
  it('fetches, validates and caches AAPL from Yahoo, then reports unchanged', async () => {
    const first = await refresher.refreshSymbol('AAPL');
    expect(first).toEqual({
      symbol: 'AAPL',
      status: 'updated',
      source: 'yahoo',
      asOf: '2020-11-06',
      attempts: [{ provider: 'yahoo', outcome: 'updated' }],
    });
    const cached = await cache.readSeries('AAPL');
    expect(cached?.series.dates).toHaveLength(49);
    expect(cached?.series.splits).toEqual([{ date: '2020-08-31', numerator: 4, denominator: 1 }]);
    expect(await cache.readQuote('AAPL')).toMatchObject({
      price: 244.87,
      currency: 'USD',
      source: 'yahoo',
    });
    const second = await refresher.refreshSymbol('AAPL');
    expect([second.status, second.asOf]).toEqual(['unchanged', '2020-11-06']);
  });

  it('fetches an index symbol with a caret (^RUT)', async () => {
    const r = await refresher.refreshSymbol('^RUT');
    expect([r.status, r.source, r.asOf]).toEqual(['updated', 'yahoo', '2026-02-20']);
    expect(server.requests.at(-1)?.url).toMatch(/^\/v8\/finance\/chart\/%5ERUT\?range=10y/);
  });

  it('falls back to Stooq when Yahoo fails, and splices its newer bars onto the history', async () => {
    await refresher.refreshSymbol('SPY'); // Yahoo: real bars to 2026-02-20
    const fresh = makeRefresher(cache); // no backoff carried in memory...
    server.setFault('yahoo', 'SPY', { kind: 'status', status: 500 });
    const r = await fresh.refreshSymbol('SPY');
    expect(r).toMatchObject({ status: 'updated', source: 'stooq', asOf: '2026-07-02' });
    expect(r.attempts).toEqual([
      { provider: 'yahoo', outcome: 'http' },
      { provider: 'stooq', outcome: 'updated' },
    ]);
    const spy = (await cache.readSeries('SPY'))?.series;
    expect(spy?.dates.at(0)).toMatch(/^2025-/); // Yahoo history kept
    expect(spy?.dates.at(-1)).toBe('2026-07-02');
    expect(spy?.close.at(-1)).toBeNull(); // Stooq has no quoted (unadjusted) close
    expect(spy?.adjClose.at(-1)).toBe(744.78);
  });
});

describe('404: unknown symbol', () => {
  it('reports unknown-symbol from Yahoo and caches nothing', async () => {
    const r = await refresher.refreshSymbol('ZZZZZ');
    expect(r).toMatchObject({
      status: 'failed',
      source: null,
      asOf: null,
      error: { kind: 'unknown-symbol' },
    });
    expect(r.attempts).toEqual([
      { provider: 'yahoo', outcome: 'unknown-symbol' },
      { provider: 'stooq', outcome: 'unknown-symbol' },
    ]);
    expect(await cache.readSeries('ZZZZZ')).toBeUndefined();
    expect((await cache.readMeta('ZZZZZ'))?.lastError?.kind).toBe('unknown-symbol');
    // An unknown symbol is not the provider's fault: no backoff.
    expect((await refresher.politeness()).providers.yahoo?.backoff.failures).toBe(0);
  });
});

type Case = { name: string; fault: Fault; kind: ProviderErrorKind; backoff: boolean };

const CASES: Case[] = [
  {
    name: '404 with an HTML body',
    fault: { kind: 'status', status: 404, body: '<html>gone</html>' },
    kind: 'http',
    backoff: false,
  },
  {
    name: '429 with Retry-After in seconds',
    fault: { kind: 'rate-limit', retryAfter: '120' },
    kind: 'rate-limited',
    backoff: true,
  },
  {
    name: '503 with Retry-After',
    fault: { kind: 'rate-limit', status: 503, retryAfter: '30' },
    kind: 'rate-limited',
    backoff: true,
  },
  {
    name: '500',
    fault: { kind: 'status', status: 500, body: 'Internal Server Error' },
    kind: 'http',
    backoff: true,
  },
  {
    name: 'a slow answer (headers) past the timeout',
    fault: { kind: 'slow', delayMs: 3_000, stage: 'headers' },
    kind: 'timeout',
    backoff: true,
  },
  {
    name: 'a slow body past the timeout',
    fault: { kind: 'slow', delayMs: 3_000, stage: 'body' },
    kind: 'timeout',
    backoff: true,
  },
  { name: 'truncated JSON', fault: { kind: 'truncated' }, kind: 'malformed', backoff: false },
  { name: 'HTML with status 200', fault: { kind: 'html' }, kind: 'html', backoff: true },
  { name: 'an empty result', fault: { kind: 'empty' }, kind: 'empty', backoff: false },
  { name: 'a reset connection', fault: { kind: 'reset' }, kind: 'network', backoff: true },
];

describe.each(CASES)('fault: $name', ({ fault, kind, backoff }) => {
  it('keeps exactly the last good data and reports the failure', async () => {
    await refresher.refreshSymbol('AAPL');
    const good = await cache.readSeries('AAPL');
    const goodQuote = await cache.readQuote('AAPL');
    server.setFault('yahoo', 'AAPL', fault);

    const before = Date.now();
    const r = await refresher.refreshSymbol('AAPL');
    expect(r).toMatchObject({
      symbol: 'AAPL',
      status: 'failed',
      source: 'yahoo',
      asOf: '2020-11-06',
      error: { kind },
    });
    // Stooq has no AAPL fixture: the fallback was tried and said so.
    expect(r.attempts).toEqual([
      { provider: 'yahoo', outcome: kind },
      { provider: 'stooq', outcome: 'unknown-symbol' },
    ]);

    const after = await cache.readSeries('AAPL');
    expect(after?.series).toEqual(good?.series);
    expect(await cache.readQuote('AAPL')).toEqual(goodQuote);
    expect(after?.meta).toMatchObject({
      source: 'yahoo',
      fetchedAt: good?.meta?.fetchedAt,
      asOf: '2020-11-06',
      lastError: { kind, source: 'yahoo' },
    });
    const yahoo = (await refresher.politeness()).providers.yahoo;
    expect((yahoo?.backoff.until ?? 0) > before).toBe(backoff);
    if (backoff) expect(r.retryAt).toBe(yahoo?.backoff.until);
  });
});

describe('bad numbers in a 200 answer (issue 12)', () => {
  type Body = {
    chart: { result: { timestamp: number[]; meta: Record<string, unknown> }[] };
  };
  const AAPL_BODY = 'chart-AAPL-2020-08-31-to-2020-11-07.json';

  it.each([
    ['a timestamp of 1e20', (b: Body) => void (b.chart.result[0]!.timestamp[4] = 1e20)],
    ['a timestamp of -1e13', (b: Body) => void (b.chart.result[0]!.timestamp[4] = -1e13)],
    [
      'a gmtoffset of a thousand years',
      (b: Body) => void (b.chart.result[0]!.meta.gmtoffset = 86_400 * 365_000),
    ],
  ])(
    '%s is a malformed answer: the cache keeps its data and Yahoo is not backed off',
    async (_name, mutate) => {
      await refresher.refreshSymbol('AAPL');
      const good = await cache.readSeries('AAPL');
      const body = structuredClone(yahooBody(AAPL_BODY)) as Body;
      mutate(body);
      server.setBody('yahoo', 'AAPL', body);
      try {
        const r = await refresher.refreshSymbol('AAPL');
        expect(r).toMatchObject({ status: 'failed', error: { kind: 'malformed' } });
        expect(r.attempts[0]).toEqual({ provider: 'yahoo', outcome: 'malformed' });
        expect((await cache.readSeries('AAPL'))?.series).toEqual(good?.series);
        expect((await refresher.politeness()).providers.yahoo?.backoff.failures).toBe(0);
      } finally {
        server.setBody('yahoo', 'AAPL', yahooBody(AAPL_BODY));
      }
    },
  );
});

describe('Retry-After and a restarted worker', () => {
  it('honours Retry-After seconds, persists the backoff, and a new worker skips Yahoo until then', async () => {
    await refresher.refreshSymbol('AAPL');
    server.setFault('yahoo', '*', { kind: 'rate-limit', retryAfter: '120' });
    const t0 = Date.now();
    const r = await refresher.refreshSymbol('AAPL');
    expect(r.error).toMatchObject({ kind: 'rate-limited', status: 429, retryAfterMs: 120_000 });
    expect(r.retryAt).toBeGreaterThanOrEqual(t0 + 120_000);
    expect(r.retryAt).toBeLessThan(Date.now() + 121_000);

    // A "restarted worker": new refresher, same database. No request may reach Yahoo.
    const yahooRequests = server.requests.filter((q) => q.provider === 'yahoo').length;
    const restarted = makeRefresher(cache);
    const again = await restarted.refreshSymbol('AAPL');
    expect(again.attempts[0]).toEqual({ provider: 'yahoo', outcome: 'skipped-backoff' });
    expect(again.retryAt).toBe(r.retryAt);
    expect(server.requests.filter((q) => q.provider === 'yahoo').length).toBe(yahooRequests);
  });

  it('honours a Retry-After HTTP-date', async () => {
    const at = new Date(Math.ceil((Date.now() + 600_000) / 1000) * 1000);
    server.setFault('yahoo', 'QQQ', { kind: 'rate-limit', retryAfter: at.toUTCString() });
    const r = await refresher.refreshSymbol('QQQ');
    // Stooq answers instead; Yahoo rests until the date the server gave.
    expect(r).toMatchObject({ status: 'updated', source: 'stooq' });
    const yahoo = (await refresher.politeness()).providers.yahoo;
    expect(yahoo?.backoff.until).toBeGreaterThanOrEqual(at.getTime() - 1000);
    expect(yahoo?.backoff.until).toBeLessThanOrEqual(at.getTime() + 1000);
  });

  it('reports Stooq’s API-key page (HTML with 200) as rate-limited when it is the fallback', async () => {
    server.setFault('yahoo', 'SPY', { kind: 'status', status: 502 });
    server.setFault('stooq', 'spy.us', { kind: 'html' });
    const r = await refresher.refreshSymbol('SPY');
    expect(r).toMatchObject({ status: 'failed', error: { kind: 'http', status: 502 } });
    expect(r.attempts).toEqual([
      { provider: 'yahoo', outcome: 'http' },
      { provider: 'stooq', outcome: 'rate-limited' },
    ]);
    expect(await cache.readSeries('SPY')).toBeUndefined();
  });
});

describe('in-flight dedupe over the real fetch path', () => {
  it('shares one request between concurrent refreshes of a symbol', async () => {
    server.setFault('yahoo', 'MSFT', { kind: 'slow', delayMs: 150, stage: 'headers' }, 1);
    const count = () => server.requests.filter((q) => q.symbol === 'MSFT').length;
    const before = count();
    const [a, b, c] = await Promise.all([
      refresher.refreshSymbol('MSFT'),
      refresher.refreshSymbol('MSFT'),
      refresher.refreshIfDue('MSFT'),
    ]);
    expect(count() - before).toBe(1);
    expect(a).toBe(b);
    expect(a).toBe(c);
    expect(a.status).toBe('updated');
    expect((await cache.readSeries('MSFT'))?.series.dividends).toHaveLength(4);
  });
});
