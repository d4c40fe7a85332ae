import type { InstrumentKind } from './types';

/** One source file contributing rows to a series. Paths are relative to `lib/snapshot/sources`. */
export interface SeriesPart {
  file: string;
  /** Value column to read: `Close` (yfinance files: adjusted for ETFs) or `Adj Close` (Yahoo files). */
  column: 'Close' | 'Adj Close';
  /** Rows to leave out, each with the reason; the build fails if such a row is not in the file. */
  drop?: { date: string; reason: string }[];
}

export interface SeriesSpec {
  symbol: string;
  name: string;
  kind: InstrumentKind;
  adjusted: boolean;
  source: string;
  /** Files in date order; their rows are concatenated and must not overlap. */
  parts: SeriesPart[];
}

export interface HoldingsSpec {
  file: string;
  source: string;
}

export interface SnapshotCatalogue {
  series: SeriesSpec[];
  holdings: HoldingsSpec;
}

const YF_2026 = 'prices/index_etf_yf_2026';
const YF_2026_SOURCE = 'via yfinance (alitalbi/storage_data_fy @9414068)';
const INTRADAY_LAST_ROW = [
  { date: '2026-02-23', reason: 'captured intraday, not a final close (PROVENANCE.txt)' },
];
const CLOSE_ONLY = 'prices/close_only_yf_to_2026_08';
const CLOSE_ONLY_SOURCE = 'via yfinance (culolom/culolom-backtest @3cd7b8f)';
const STOCKS = 'prices/stocks_small_large_yahoo_2000_2024';
const STOCKS_SOURCE =
  'Yahoo Finance daily closes adjusted for splits and dividends, downloaded 2024-03-09 (dieperdev/yfinance-stock-data @a342efb)';

/** The 12 Russell 2000 small caps and 7 large caps with bundled histories (to 2024-03-08). */
const STOCK_NAMES: readonly (readonly [string, string])[] = [
  ['SFM', 'Sprouts Farmers Market, Inc.'],
  ['HIMS', 'Hims & Hers Health, Inc.'],
  ['CRDO', 'Credo Technology Group Holding Ltd'],
  ['BE', 'Bloom Energy Corporation'],
  ['FN', 'Fabrinet'],
  ['STRL', 'Sterling Infrastructure, Inc.'],
  ['IONQ', 'IonQ, Inc.'],
  ['ENSG', 'The Ensign Group, Inc.'],
  ['ONB', 'Old National Bancorp'],
  ['UMBF', 'UMB Financial Corporation'],
  ['SM', 'SM Energy Company'],
  ['CMC', 'Commercial Metals Company'],
  ['AAPL', 'Apple Inc.'],
  ['MSFT', 'Microsoft Corporation'],
  ['NVDA', 'NVIDIA Corporation'],
  ['TSLA', 'Tesla, Inc.'],
  ['AMZN', 'Amazon.com, Inc.'],
  ['JPM', 'JPMorgan Chase & Co.'],
  ['GOOGL', 'Alphabet Inc. (Class A)'],
];

/**
 * What goes into the bundled snapshot, where each series comes from and how it is described.
 * Symbols are Yahoo-style. Index levels and the yield count as adjusted (no dividends to adjust
 * for); ETF and stock closes are adjusted for splits and dividends.
 */
export const SNAPSHOT_CATALOGUE: SnapshotCatalogue = {
  series: [
    {
      symbol: '^RUT',
      name: 'Russell 2000',
      kind: 'index',
      adjusted: true,
      source: `Yahoo Finance daily closes ${YF_2026_SOURCE}`,
      parts: [{ file: `${YF_2026}/IDX_RUT.csv`, column: 'Close', drop: INTRADAY_LAST_ROW }],
    },
    {
      symbol: 'IWM',
      name: 'iShares Russell 2000 ETF',
      kind: 'etf',
      adjusted: true,
      source: `Yahoo Finance daily closes adjusted for splits and dividends ${YF_2026_SOURCE}`,
      parts: [{ file: `${YF_2026}/IWM.csv`, column: 'Close', drop: INTRADAY_LAST_ROW }],
    },
    {
      symbol: '^GSPC',
      name: 'S&P 500',
      kind: 'index',
      adjusted: true,
      source: `Yahoo Finance daily closes ${CLOSE_ONLY_SOURCE}`,
      parts: [{ file: `${CLOSE_ONLY}/IDX_GSPC.csv`, column: 'Close' }],
    },
    {
      symbol: 'SPY',
      name: 'SPDR S&P 500 ETF Trust',
      kind: 'etf',
      adjusted: true,
      source: `Yahoo Finance daily closes adjusted for splits and dividends ${CLOSE_ONLY_SOURCE}`,
      parts: [{ file: `${CLOSE_ONLY}/SPY.csv`, column: 'Close' }],
    },
    {
      symbol: '^DJI',
      name: 'Dow Jones Industrial Average',
      kind: 'index',
      adjusted: true,
      source: `Yahoo Finance daily closes ${YF_2026_SOURCE}`,
      parts: [{ file: `${YF_2026}/IDX_DJI.csv`, column: 'Close', drop: INTRADAY_LAST_ROW }],
    },
    {
      symbol: '^IXIC',
      name: 'Nasdaq Composite',
      kind: 'index',
      adjusted: true,
      source: 'Yahoo Finance daily closes (chuang-yao/QRDB @5bc57b1)',
      parts: [{ file: 'prices/nasdaq_composite_1971_2022/IDX_IXIC.csv', column: 'Close' }],
    },
    {
      symbol: 'QQQ',
      name: 'Invesco QQQ Trust (Nasdaq-100)',
      kind: 'etf',
      adjusted: true,
      source: `Yahoo Finance daily closes adjusted for splits and dividends ${CLOSE_ONLY_SOURCE}`,
      parts: [{ file: `${CLOSE_ONLY}/QQQ.csv`, column: 'Close' }],
    },
    {
      symbol: '^TNX',
      name: 'US 10-Year Treasury Yield (percent)',
      kind: 'rate',
      adjusted: true,
      source:
        'Yahoo Finance ^TNX daily closes, yield in percent (ksn38/fin @8e70d08 to 2020-12-31; flippe2/blank-app @563751b via yfinance from 2025-09-08)',
      parts: [
        { file: 'rates/IDX_TNX_yahoo_1962_2020.csv', column: 'Close' },
        { file: 'rates/IDX_TNX_yf_multiheader_2025_2026.csv', column: 'Close' },
      ],
    },
    ...STOCK_NAMES.map(([symbol, name]): SeriesSpec => ({
      symbol,
      name,
      kind: 'stock',
      adjusted: true,
      source: STOCKS_SOURCE,
      parts: [{ file: `${STOCKS}/${symbol}.csv`, column: 'Adj Close' }],
    })),
  ],
  holdings: {
    file: 'russell2000-constituents/IWM_holdings_2026-05-05.csv',
    source:
      'iShares Russell 2000 ETF (IWM) holdings export, BlackRock (brownplaya239/smid-scanner @2dbbf73)',
  },
};

/** Every source file the catalogue reads, each once, in catalogue order. */
export function catalogueFiles(catalogue: SnapshotCatalogue): string[] {
  const files = catalogue.series.flatMap((spec) => spec.parts.map((part) => part.file));
  return [...new Set([...files, catalogue.holdings.file])];
}
