import type { MembershipInput } from '../../lib/context/membership';
import type { PricedSeries, SeriesBySymbol } from '../../lib/context/priced-series';
import type { DataStatus, Instrument } from '../../lib/messaging/protocol';
import type { Holding, Snapshot } from '../../lib/snapshot/types';
import { loadBundledSnapshot } from './snapshot-source';

/** Symbols the dashboard and every card compare against. */
export const BENCHMARK_SYMBOLS = ['^RUT', 'IWM', '^GSPC', 'SPY', '^IXIC', 'QQQ', '^TNX'] as const;

export type SymbolLookup =
  | { ok: true; series: PricedSeries; instrument: Instrument; status: DataStatus }
  | { ok: false; reason: string };

/** Where the background gets prices and holdings from. */
export interface MarketData {
  benchmarks(): Promise<{ available: SeriesBySymbol; status: DataStatus }>;
  symbol(symbol: string): Promise<SymbolLookup>;
  membership(symbol: string): Promise<MembershipInput>;
}

/** iShares writes share classes without separators (BRKB); page symbols use BRK.B or BRK-B. */
function holdingKey(ticker: string): string {
  return ticker.toUpperCase().replace(/[.\-/ ]/g, '');
}

const SNAPSHOT_STATUS: DataStatus = {
  origin: 'snapshot',
  stale: false,
  fetchedAt: null,
  notices: [],
};

/** Market data from the bundled snapshot alone: real data, offline, with its own as-of dates. */
export function snapshotMarketData(snapshot: Snapshot): MarketData {
  const holdings = new Map<string, Holding>();
  for (const row of snapshot.holdings.rows) holdings.set(holdingKey(row.ticker), row);
  const available: SeriesBySymbol = Object.fromEntries(
    BENCHMARK_SYMBOLS.flatMap((s) => (snapshot.series[s] ? [[s, snapshot.series[s]]] : [])),
  );
  return {
    async benchmarks() {
      return { available, status: SNAPSHOT_STATUS };
    },
    async symbol(symbol) {
      const series = snapshot.series[symbol];
      if (series) {
        const instrument = series.kind === 'rate' ? 'unknown' : series.kind;
        return { ok: true, series, instrument, status: SNAPSHOT_STATUS };
      }
      return {
        ok: false,
        reason: `No price history for ${symbol} in the offline snapshot, and live data could not be fetched.`,
      };
    },
    async membership(symbol) {
      return {
        holding: holdings.get(holdingKey(symbol)) ?? null,
        asOf: snapshot.holdings.asOf,
        source: snapshot.holdings.source,
      };
    },
  };
}

let current: Promise<MarketData> | null = null;

/** The market data service of this service-worker lifetime (built on first use). */
export function getMarketData(): Promise<MarketData> {
  current ??= loadBundledSnapshot()
    .then(snapshotMarketData)
    .catch((error: unknown) => {
      current = null;
      throw error;
    });
  return current;
}
