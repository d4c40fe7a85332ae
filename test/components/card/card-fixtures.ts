/**
 * Card payloads built the way the background builds them, from the real series of the test
 * fixtures (see test/lib/context/real-series.ts): a Russell 2000 member (IONQ), an ETF (IWM), an
 * index (^RUT and ^GSPC), a symbol with too little history, and the data states the card shows.
 */
import { buildDashboardContext } from '../../../lib/context/dashboard-context';
import { lastCloseFigure } from '../../../lib/context/last-close';
import { sectorTotals } from '../../../lib/context/sector-share';
import { buildSymbolContext } from '../../../lib/context/symbol-context';
import type { CardPayload, DataStatus } from '../../../lib/messaging/protocol';
import { formatDate } from '../../../lib/format/figures';
import { parseISharesHoldings } from '../../../lib/snapshot/ishares-holdings';
import { readFileSync } from 'node:fs';
import { realBenchmarks, stock, upTo } from '../../lib/context/real-series';

// Read by path from the repository root (a DOM test environment has no file: module URLs).
const holdings = parseISharesHoldings(
  readFileSync('lib/snapshot/sources/russell2000-constituents/IWM_holdings_2026-05-05.csv', 'utf8'),
);
const file = { asOf: holdings.asOf, source: 'iShares IWM holdings' };
const totals = sectorTotals(holdings.rows);
const all = realBenchmarks();
const on20240308 = upTo(all, '2024-03-08');

/** Status of figures from the bundled snapshot, long stale. */
export const SNAPSHOT_STATUS: DataStatus = {
  origin: 'snapshot',
  stale: true,
  fetchedAt: null,
  refreshing: false,
  notices: [],
};

/** Status of figures fetched just now. */
export const LIVE_STATUS: DataStatus = {
  origin: 'live',
  stale: false,
  fetchedAt: '2024-03-09T12:00:00.000Z',
  refreshing: false,
  notices: [],
};

/** Cached figures shown while a fetch of newer ones runs. */
export const REFRESHING_STATUS: DataStatus = {
  origin: 'cache',
  stale: true,
  fetchedAt: '2024-03-01T12:00:00.000Z',
  refreshing: true,
  notices: ['Checking for newer IONQ data…'],
};

/** IONQ, a Russell 2000 member, as of 2024-03-08 (its last bundled close). */
export function ionqPayload(status: DataStatus = SNAPSHOT_STATUS): CardPayload {
  const row = holdings.rows.find((r) => r.ticker === 'IONQ') ?? null;
  return {
    kind: 'symbol',
    symbol: 'IONQ',
    instrument: 'stock',
    context: buildSymbolContext({
      series: stock('IONQ'),
      available: on20240308,
      instrument: 'stock',
      membership: { holding: row, ...file },
      profile: {
        name: 'IonQ, Inc.',
        exchange: 'NYSE',
        source: 'iShares IWM holdings, as of 2026-05-05',
      },
      sectorTotals: totals,
      formatDate,
    }),
    status,
  };
}

/** IWM, the fund: not a member, an ETF. */
export function iwmPayload(status: DataStatus = SNAPSHOT_STATUS): CardPayload {
  return {
    kind: 'symbol',
    symbol: 'IWM',
    instrument: 'etf',
    context: buildSymbolContext({
      series: all.IWM!,
      available: all,
      instrument: 'etf',
      membership: { holding: null, ...file },
      profile: { name: 'iShares Russell 2000 ETF', exchange: 'NYSE Arca', source: 'directory' },
      sectorTotals: totals,
      formatDate,
    }),
    status,
  };
}

/** NVDA as a large cap the holdings do not list. */
export function nvdaPayload(): CardPayload {
  return {
    kind: 'symbol',
    symbol: 'NVDA',
    instrument: 'stock',
    context: buildSymbolContext({
      series: stock('NVDA'),
      available: on20240308,
      instrument: 'stock',
      membership: { holding: null, ...file },
      formatDate,
    }),
    status: SNAPSHOT_STATUS,
  };
}

/** IONQ in its first weeks of trading (from 2021-10-01 to 2021-11-30): too little history. */
export function newListingPayload(): CardPayload {
  const full = stock('IONQ');
  const from = full.dates.findIndex((d) => d >= '2021-10-01');
  const to = full.dates.findIndex((d) => d > '2021-11-30');
  const series = {
    ...full,
    dates: full.dates.slice(from, to),
    closes: full.closes.slice(from, to),
  };
  return {
    kind: 'symbol',
    symbol: 'IONQ',
    instrument: 'stock',
    context: buildSymbolContext({
      series,
      available: upTo(all, '2021-11-30'),
      instrument: 'stock',
      formatDate,
    }),
    status: LIVE_STATUS,
  };
}

/** The card of an index mention: the indexes side by side, with the index's own close. */
export function indexPayload(symbol: '^RUT' | '^GSPC' = '^RUT'): CardPayload {
  const context = buildDashboardContext({ available: all });
  return {
    kind: 'index',
    symbol,
    name: symbol === '^RUT' ? 'Russell 2000' : 'S&P 500',
    lastClose: lastCloseFigure(all[symbol]!),
    context,
    status: SNAPSHOT_STATUS,
  };
}
