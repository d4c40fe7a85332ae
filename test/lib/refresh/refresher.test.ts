import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '../../../lib/cache/memory-cache';
import type { Provider } from '../../../lib/providers/provider';
import { ProviderError } from '../../../lib/providers/provider-error';
import type { ProviderId, ProviderSeries } from '../../../lib/providers/provider-types';
import { parseYahooChart } from '../../../lib/providers/yahoo-chart';
import { createRefresher } from '../../../lib/refresh/refresher';
import { yahooBody } from '../providers/fixture';

const EPAC = parseYahooChart(yahooBody('chart-EPAC-2020-01-01-to-2020-01-03.json'), 'EPAC');
const NOW = Date.parse('2020-01-03T12:00:00Z');

/** A provider whose answers the test scripts; counts calls. */
function scripted(id: ProviderId, answer: (symbol: string) => Promise<ProviderSeries>) {
  const calls: string[] = [];
  const provider: Provider = {
    id,
    supports: () => true,
    fetchSeries(symbol) {
      calls.push(symbol);
      return answer(symbol);
    },
  };
  return { provider, calls };
}

describe('refreshSymbol', () => {
  it('dedupes concurrent refreshes of a symbol into one provider call', async () => {
    let release: (() => void) | undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const yahoo = scripted('yahoo', async () => {
      await gate;
      return EPAC;
    });
    const refresher = createRefresher({
      providers: [yahoo.provider],
      cache: createMemoryCache(),
      now: () => NOW,
    });
    const a = refresher.refreshSymbol('EPAC');
    const b = refresher.refreshSymbol('EPAC');
    expect(a).toBe(b);
    release?.();
    expect((await a).status).toBe('updated');
    expect(yahoo.calls).toEqual(['EPAC']);
    // Once settled, a new call fetches again.
    await refresher.refreshSymbol('EPAC');
    expect(yahoo.calls).toEqual(['EPAC', 'EPAC']);
  });

  it('moves to the next provider when data fails validation, never storing it', async () => {
    const bad: ProviderSeries = { ...EPAC, bars: [{ ...EPAC.bars[0]!, date: '2020-13-45' }] };
    const yahoo = scripted('yahoo', async () => bad);
    const stooq = scripted('stooq', async () => EPAC);
    const cache = createMemoryCache();
    const r = await createRefresher({
      providers: [yahoo.provider, stooq.provider],
      cache,
      now: () => NOW,
    }).refreshSymbol('EPAC');
    expect(r.attempts).toEqual([
      { provider: 'yahoo', outcome: 'rejected' },
      { provider: 'stooq', outcome: 'updated' },
    ]);
    expect((await cache.readSeries('EPAC'))?.meta?.source).toBe('stooq');
  });

  it('rejects bars dated after tomorrow in New York', async () => {
    const future: ProviderSeries = { ...EPAC, bars: [{ ...EPAC.bars[0]!, date: '2020-01-05' }] };
    const yahoo = scripted('yahoo', async () => future);
    const r = await createRefresher({
      providers: [yahoo.provider],
      cache: createMemoryCache(),
      now: () => NOW,
    }).refreshSymbol('EPAC');
    expect(r).toMatchObject({ status: 'failed', error: { kind: 'malformed' } });
    expect(r.error?.message).toMatch(/in the future/);
  });

  it('skips a provider at its rate limit and says when to retry', async () => {
    const yahoo = scripted('yahoo', async () => EPAC);
    const refresher = createRefresher({
      providers: [yahoo.provider],
      cache: createMemoryCache(),
      now: () => NOW,
      rateLimits: { yahoo: { capacity: 1, refillPerSecond: 0.1 } },
    });
    expect((await refresher.refreshSymbol('EPAC')).status).toBe('updated');
    const r = await refresher.refreshSymbol('EPAC');
    expect(r).toMatchObject({
      status: 'failed',
      error: { kind: 'rate-limited' },
      attempts: [{ provider: 'yahoo', outcome: 'skipped-rate-limit' }],
      retryAt: NOW + 10_000,
      asOf: '2020-01-02',
    });
    expect(yahoo.calls).toHaveLength(1);
  });

  it('reports the primary provider’s error when every provider fails', async () => {
    const yahoo = scripted('yahoo', async () => {
      throw new ProviderError('timeout', 'No complete answer within 8000 ms');
    });
    const stooq = scripted('stooq', async () => {
      throw new ProviderError('unknown-symbol', 'Stooq has no data for EPAC');
    });
    const r = await createRefresher({
      providers: [yahoo.provider, stooq.provider],
      cache: createMemoryCache(),
      now: () => NOW,
      random: () => 0,
    }).refreshSymbol('EPAC');
    expect(r).toMatchObject({
      status: 'failed',
      source: null,
      asOf: null,
      error: { kind: 'timeout' },
      retryAt: NOW,
    });
  });

  it('refreshIfDue serves fresh data without fetching (stale-while-revalidate)', async () => {
    const yahoo = scripted('yahoo', async () => EPAC);
    const cache = createMemoryCache();
    let now = Date.parse('2020-01-02T22:00:00Z'); // after Thursday's close settled
    const refresher = createRefresher({ providers: [yahoo.provider], cache, now: () => now });
    expect((await refresher.refreshIfDue('EPAC')).status).toBe('updated'); // nothing cached: fetch
    now += 3_600_000;
    expect(await refresher.refreshIfDue('EPAC')).toMatchObject({
      status: 'unchanged',
      skipped: 'not-due',
    });
    expect(yahoo.calls).toHaveLength(1);
    now = Date.parse('2020-01-06T16:00:00Z'); // Monday, market open: Friday is missing
    expect((await refresher.refreshIfDue('EPAC')).skipped).toBeUndefined();
    expect(yahoo.calls).toHaveLength(2);
  });

  it('refreshIfDue does not ask again for an unknown symbol on every hover', async () => {
    const yahoo = scripted('yahoo', async () => {
      throw new ProviderError('unknown-symbol', 'No data found, symbol may be delisted');
    });
    let now = NOW;
    const refresher = createRefresher({
      providers: [yahoo.provider],
      cache: createMemoryCache(),
      now: () => now,
    });
    expect((await refresher.refreshIfDue('ZZZZ')).attempts).toHaveLength(1);
    now += 60_000;
    expect(await refresher.refreshIfDue('ZZZZ')).toMatchObject({
      status: 'failed',
      skipped: 'not-due',
      error: { kind: 'unknown-symbol' },
    });
    expect(yahoo.calls).toHaveLength(1);
    now += 6 * 3_600_000;
    await refresher.refreshIfDue('ZZZZ');
    expect(yahoo.calls).toHaveLength(2);
  });
});
