import type { Series } from '../series/series';

/**
 * A series with the provenance every figure derived from it must show. A `SnapshotSeries` from
 * the bundled snapshot is one; so is a series fetched from a provider.
 */
export type PricedSeries = Series & {
  /** Yahoo-style symbol: `^RUT`, `IWM`, `AAPL`. */
  symbol: string;
  /** Human-readable source shown beside figures ("Yahoo Finance via yfinance"). */
  source: string;
  /** Last date of the series, when the producer states it (the last entry of `dates` is used). */
  asOf?: string;
  /**
   * Holes in the history as the snapshot states them: `from` is the last close before the hole,
   * `to` the first close after it. Quoted in notes.
   */
  gaps?: readonly { from: string; to: string }[];
};

/** Series available to a view model, by symbol (missing symbols are simply absent). */
export type SeriesBySymbol = Readonly<Partial<Record<string, PricedSeries>>>;
