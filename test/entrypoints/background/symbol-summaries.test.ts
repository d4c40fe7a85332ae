import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATE_KEYS, type DataService } from '../../../entrypoints/background/data-service';
import { cacheMarketData } from '../../../entrypoints/background/market-data';
import {
  MAX_FETCHES_PER_REQUEST,
  refresherFetches,
  summarizeSymbols,
  type ListFetches,
} from '../../../entrypoints/background/symbol-summaries';
import { createMemoryCache } from '../../../lib/cache/memory-cache';
import { seedFromSnapshot } from '../../../lib/cache/seed';
import { createRefresher } from '../../../lib/refresh/refresher';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import { decodeSnapshot } from '../../../lib/snapshot/format';
import { decodeSymbolTable, type SymbolTable } from '../../../lib/symbols/symbol-table';

/** 2026-11-23 15:00 UTC: the bundled data is stale. */
const NOW = Date.UTC(2026, 10, 23, 15);
const table = decodeSymbolTable(
  JSON.parse(readFileSync('public/data/symbols.json', 'utf8')),
) as SymbolTable;
let data: DataService;

beforeAll(async () => {
  const snapshot = decodeSnapshot(JSON.parse(readFileSync('public/data/snapshot.json', 'utf8')));
  const cache = createMemoryCache('IndexedDB is not available in this context');
  await seedFromSnapshot(cache, snapshot);
  await cache.writeState(
    STATE_KEYS.snapshotSources,
    Object.fromEntries(Object.values(snapshot.series).map((s) => [s.symbol, s.source])),
  );
  await cache.writeState(STATE_KEYS.holdings, {
    asOf: snapshot.holdings.asOf,
    source: snapshot.holdings.source,
  });
  const refresher = createRefresher({ providers: [], cache, now: () => NOW });
  data = { cache, refresher: async () => refresher };
});

function recordingFetches(): ListFetches & { started: string[] } {
  const started: string[] = [];
  return {
    started,
    running: (s) => started.includes(s),
    tried: (s) => started.includes(s),
    start: (s) => void started.push(s),
  };
}

function settings(refresh: Settings['data']['refresh']): Settings {
  return { ...DEFAULT_SETTINGS, data: { ...DEFAULT_SETTINGS.data, refresh } };
}

describe('summarizeSymbols (the popup\'s "On this page")', () => {
  it('names, membership and 1Y excess from the snapshot; KTOS is fetched in the background', async () => {
    const fetches = recordingFetches();
    const reply = await summarizeSymbols(['ONB', 'IWM', '^RUT', 'KTOS'], settings('on-demand'), {
      data: cacheMarketData(data, { policy: 'on-demand', now: () => NOW }),
      symbolTable: async () => table,
      fetches,
    });
    const [onb, iwm, rut, ktos] = reply.summaries;
    expect(onb).toMatchObject({
      name: 'Old National Bancorp',
      venue: 'Nasdaq',
      instrument: 'stock',
      membership: { status: 'member', sector: 'Financials', asOf: '2026-05-05' },
      pending: false,
    });
    expect(onb!.oneYear.asOf).toBe('2024-03-08');
    expect(onb!.oneYear.value!.excess).toBeCloseTo(-0.06735, 4);
    expect(iwm).toMatchObject({ instrument: 'etf', membership: { status: 'not-a-stock' } });
    expect(rut).toMatchObject({ name: 'Russell 2000', instrument: 'index' });
    expect(ktos).toMatchObject({
      name: 'Kratos Defense & Security Solutions, Inc.',
      membership: { status: 'member', sector: 'Industrials' },
      pending: true,
    });
    expect(ktos!.oneYear.detail).toBe('No saved data for KTOS.');
    expect(fetches.started).toEqual(['KTOS']);
    expect(reply.page).toMatchObject({ symbols: 4, members: 2, membersWithReturn: 1 });
    expect(reply.page.medianExcess).toBeCloseTo(-0.06735, 4);
    expect(reply.notices).toEqual([]);
  });

  it('fetches nothing when the refresh policy is offline, and says so', async () => {
    const fetches = recordingFetches();
    const reply = await summarizeSymbols(['KTOS'], settings('offline'), {
      data: cacheMarketData(data, { policy: 'offline', now: () => NOW }),
      symbolTable: async () => table,
      fetches,
    });
    expect(fetches.started).toEqual([]);
    expect(reply.summaries[0]!.pending).toBe(false);
    expect(reply.notices).toEqual([
      'Fetching is off (Settings › Market data › offline): symbols without saved prices show no return.',
    ]);
  });

  it(`starts at most ${MAX_FETCHES_PER_REQUEST} fetches per request, and none twice`, async () => {
    const fetches = recordingFetches();
    const symbols = Array.from({ length: 25 }, (_, i) => `ZZ${String.fromCharCode(65 + i)}`);
    const deps = {
      data: cacheMarketData(data, { policy: 'on-demand', now: () => NOW }),
      symbolTable: async () => table,
      fetches,
    };
    await summarizeSymbols(symbols, settings('on-demand'), deps);
    expect(fetches.started).toHaveLength(MAX_FETCHES_PER_REQUEST);
    await summarizeSymbols(symbols, settings('on-demand'), deps);
    expect(fetches.started).toHaveLength(25);
  });

  it('without the symbol table: no names, and a notice with the reason', async () => {
    const reply = await summarizeSymbols(['ONB'], settings('offline'), {
      data: cacheMarketData(data, { policy: 'offline', now: () => NOW }),
      symbolTable: async () =>
        Promise.reject(new Error('/data/symbols.json unreadable (HTTP 404)')),
      fetches: recordingFetches(),
    });
    // The holdings still name a member.
    expect(reply.summaries[0]!.name).toBe('OLD NATIONAL BANCORP');
    expect(reply.notices).toEqual([
      'Company names are unavailable (/data/symbols.json unreadable (HTTP 404)).',
    ]);
  });
});

describe('refresherFetches', () => {
  it('announces the end of each fetch, failed or not, and remembers what it tried', async () => {
    const done: string[] = [];
    let fail!: (e: Error) => void;
    const fetches = refresherFetches(
      (symbol) =>
        symbol === 'BAD' ? new Promise((_, reject) => (fail = reject)) : Promise.resolve(),
      (symbol) => done.push(symbol),
    );
    fetches.start('KTOS');
    fetches.start('BAD');
    expect(fetches.running('BAD')).toBe(true);
    fail(new Error('offline'));
    await new Promise((r) => setTimeout(r, 0));
    expect(done.toSorted()).toEqual(['BAD', 'KTOS']);
    expect(fetches.running('BAD')).toBe(false);
    expect(fetches.tried('BAD')).toBe(true);
  });
});
