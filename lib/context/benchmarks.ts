/** A comparison index the product knows by name. */
export interface BenchmarkInfo {
  /** Yahoo symbol of the index. */
  symbol: string;
  name: string;
  /** Short label for tables ("Russell 2000", "S&P 500"). */
  shortName: string;
  /** ETF used when the index's own history does not reach the as-of date, or `null`. */
  proxyEtf: string | null;
  /**
   * `tracks` when the ETF tracks this index; `approximates` when it tracks a related one (QQQ
   * tracks the Nasdaq-100, not the Nasdaq Composite), which the proxy note then says.
   */
  proxyRelation: 'tracks' | 'approximates' | null;
  /** One line for the UI: what the index measures. */
  description: string;
}

/** Symbol of the Russell 2000 index, the product's reference. */
export const RUSSELL_2000 = '^RUT';
/** Symbol of the S&P 500 index, the large-cap reference of the dashboard. */
export const SP_500 = '^GSPC';
/** Symbol of the Nasdaq Composite index. */
export const NASDAQ_COMPOSITE = '^IXIC';
/** Symbol of the 10-year Treasury yield (CBOE, in percent). */
export const TEN_YEAR_YIELD = '^TNX';

/** Every benchmark the product can name. Indexes are price indexes: they exclude dividends. */
export const BENCHMARKS: readonly BenchmarkInfo[] = [
  {
    symbol: RUSSELL_2000,
    name: 'Russell 2000',
    shortName: 'Russell 2000',
    proxyEtf: 'IWM',
    proxyRelation: 'tracks',
    description: 'US small caps: ranks 1,001-3,000 of the Russell 3000 (FTSE Russell)',
  },
  {
    symbol: SP_500,
    name: 'S&P 500',
    shortName: 'S&P 500',
    proxyEtf: 'SPY',
    proxyRelation: 'tracks',
    description: 'US large caps (S&P Dow Jones Indices)',
  },
  {
    symbol: NASDAQ_COMPOSITE,
    name: 'Nasdaq Composite',
    shortName: 'Nasdaq',
    proxyEtf: 'QQQ',
    proxyRelation: 'approximates',
    description: 'All Nasdaq-listed stocks; technology- and growth-heavy',
  },
  {
    symbol: '^NDX',
    name: 'Nasdaq-100',
    shortName: 'Nasdaq-100',
    proxyEtf: 'QQQ',
    proxyRelation: 'tracks',
    description: 'The 100 largest non-financial Nasdaq-listed companies',
  },
  {
    symbol: '^DJI',
    name: 'Dow Jones Industrial Average',
    shortName: 'Dow',
    proxyEtf: 'DIA',
    proxyRelation: 'tracks',
    description: '30 US blue chips, price-weighted',
  },
  {
    symbol: '^SP600',
    name: 'S&P SmallCap 600',
    shortName: 'S&P 600',
    proxyEtf: 'IJR',
    proxyRelation: 'tracks',
    description: 'US small caps with a profitability screen',
  },
];

/**
 * The registry entry of `symbol`, or a minimal entry naming it by its symbol (no proxy) when the
 * product does not know it, so a user-chosen symbol still works.
 */
export function benchmarkInfo(symbol: string): BenchmarkInfo {
  return (
    BENCHMARKS.find((b) => b.symbol === symbol) ?? {
      symbol,
      name: symbol,
      shortName: symbol,
      proxyEtf: null,
      proxyRelation: null,
      description: '',
    }
  );
}
