import type { PricedSeries, SeriesBySymbol } from '../../../lib/context/priced-series';
import type { Series } from '../../../lib/series/series';
import { loadFixture, loadYf2026 } from '../metrics/fixture-series';

function priced(symbol: string, series: Series, source: string): PricedSeries {
  return { ...series, symbol, source, asOf: series.dates[series.dates.length - 1] };
}

const YF_2026 = 'Yahoo Finance via yfinance (alitalbi/storage_data_fy, 2026-02-23)';
const CLOSE_ONLY = 'Yahoo Finance via yfinance (culolom/culolom-backtest, 2026-08-22)';

/** The 10-year yield as the bundled snapshot has it: Yahoo ^TNX 1962-2020 and 2025-2026. */
export function tenYearYield(): PricedSeries {
  const old = loadFixture('rates/IDX_TNX_yahoo_1962_2020.csv');
  const recent = loadFixture('rates/IDX_TNX_yf_multiheader_2025_2026.csv');
  return {
    ...priced(
      '^TNX',
      { dates: [...old.dates, ...recent.dates], closes: [...old.closes, ...recent.closes] },
      'Yahoo Finance ^TNX (ksn38/fin; flippe2/blank-app)',
    ),
    gaps: [{ from: '2020-12-31', to: '2025-09-08' }],
  };
}

/**
 * The benchmark series with the real end dates of the bundled data: ^RUT and IWM to 2026-02-20,
 * ^GSPC, SPY and QQQ to 2026-08-21, ^IXIC to 2022-05-04, ^TNX with its 2021-2025 hole.
 */
export function realBenchmarks(): Record<string, PricedSeries> {
  return {
    '^RUT': priced('^RUT', loadYf2026('IDX_RUT'), YF_2026),
    IWM: priced('IWM', loadYf2026('IWM'), YF_2026),
    '^GSPC': priced('^GSPC', loadFixture('close_only_yf_to_2026_08/IDX_GSPC.csv'), CLOSE_ONLY),
    SPY: priced('SPY', loadFixture('close_only_yf_to_2026_08/SPY.csv'), CLOSE_ONLY),
    QQQ: priced('QQQ', loadFixture('close_only_yf_to_2026_08/QQQ.csv'), CLOSE_ONLY),
    '^IXIC': priced(
      '^IXIC',
      loadFixture('nasdaq_composite_1971_2022/IDX_IXIC.csv'),
      'Yahoo Finance ^IXIC (chuang-yao/QRDB)',
    ),
    '^TNX': tenYearYield(),
  };
}

/** A stock from the 2000-2024 Yahoo set, dividend-adjusted (Adj Close). */
export function stock(symbol: 'SFM' | 'IONQ' | 'NVDA' | 'ONB'): PricedSeries {
  return priced(
    symbol,
    loadFixture(`stocks_small_large_yahoo_2000_2024/${symbol}.csv`, 'Adj Close'),
    'Yahoo Finance (dieperdev/yfinance-stock-data, 2024-03-09)',
  );
}

/** Every series up to `date` (to replay the card as it looked on an earlier day). */
export function upTo(all: SeriesBySymbol, date: string): Record<string, PricedSeries> {
  const out: Record<string, PricedSeries> = {};
  for (const [symbol, s] of Object.entries(all)) {
    if (s === undefined) continue;
    let end = s.dates.length;
    while (end > 0 && (s.dates[end - 1] as string) > date) end -= 1;
    out[symbol] = { ...s, dates: s.dates.slice(0, end), closes: s.closes.slice(0, end) };
  }
  return out;
}
