import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchWithTimeout } from '../../../lib/providers/fetch-with-timeout';
import {
  createStooqProvider,
  createTwelveDataProvider,
  createYahooProvider,
} from '../../../lib/providers/provider';
import { ProviderError } from '../../../lib/providers/provider-error';
import { startProviderServer, type ProviderServer } from '../../support/provider-server';

let server: ProviderServer;
beforeAll(async () => {
  server = await startProviderServer();
});
afterAll(async () => {
  await server.stop();
});

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    if (error instanceof ProviderError) return error.kind;
    throw error;
  }
  return 'no error';
}

describe('provider adapters against the local server', () => {
  it('Yahoo asks only for the range since the cached date', async () => {
    const now = Date.parse('2020-11-20T12:00:00Z');
    const yahoo = createYahooProvider({ baseUrl: server.origin, now: () => now });
    await yahoo.fetchSeries('AAPL', { since: '2020-11-06' });
    expect(server.requests.at(-1)?.url).toContain('range=1mo');
    await yahoo.fetchSeries('AAPL');
    expect(server.requests.at(-1)?.url).toContain('range=10y');
  });

  it('Stooq sends d1 ten days before the cached date and maps IWM-style symbols', async () => {
    const stooq = createStooqProvider({ baseUrl: server.origin });
    const s = await stooq.fetchSeries('SPY', { since: '2026-06-30' });
    expect(server.requests.at(-1)?.url).toBe('/q/d/l/?s=spy.us&i=d&d1=20260620');
    expect(s.bars.at(-1)?.date).toBe('2026-07-02');
    expect(stooq.supports('^RUT')).toBe(false);
    expect(await kindOf(stooq.fetchSeries('^RUT'))).toBe('unsupported');
  });

  it('Twelve Data serves with a key and drops out without one', async () => {
    const keyed = createTwelveDataProvider({ baseUrl: server.origin, apiKey: 'demo' });
    const s = await keyed.fetchSeries('AAPL');
    expect([s.bars.length, s.closesAdjusted]).toEqual([49, true]);
    expect(await kindOf(keyed.fetchSeries('ZZZZ'))).toBe('unknown-symbol');
    server.setFault('twelvedata', 'AAPL', { kind: 'rate-limit', retryAfter: '60' }, 1);
    await expect(keyed.fetchSeries('AAPL')).rejects.toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 60_000,
    });
    const unkeyed = createTwelveDataProvider({ baseUrl: server.origin, apiKey: ' ' });
    expect(unkeyed.supports('AAPL')).toBe(false);
  });
});

describe('fetchWithTimeout', () => {
  it('uses the injected fetch and returns any status without throwing', async () => {
    const seen: string[] = [];
    const answer = await fetchWithTimeout('http://example.invalid/x', {
      fetch: async (url) => {
        seen.push(url);
        return new Response('nope', { status: 418 });
      },
    });
    expect([seen, answer.status, answer.text]).toEqual([['http://example.invalid/x'], 418, 'nope']);
  });

  it('turns an outer abort into a network error and a refused connection too', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(
      await kindOf(
        fetchWithTimeout(`${server.origin}/v8/finance/chart/AAPL`, { signal: controller.signal }),
      ),
    ).toBe('network');
    const stopped = await startProviderServer();
    const origin = stopped.origin;
    await stopped.stop();
    expect(
      await kindOf(fetchWithTimeout(`${origin}/v8/finance/chart/AAPL`, { timeoutMs: 2000 })),
    ).toBe('network');
  });
});
