import type { Series } from '../series/series';

/** What a bundled series is, which changes how it may be compared. */
export type InstrumentKind = 'index' | 'etf' | 'stock' | 'rate';

/** One decoded series of the bundled snapshot, with its provenance. */
export interface SnapshotSeries extends Series {
  /** Yahoo-style symbol: `^RUT`, `IWM`, `^TNX`. */
  symbol: string;
  name: string;
  kind: InstrumentKind;
  /** True when `closes` are adjusted for splits and dividends (indexes and yields count as adjusted). */
  adjusted: boolean;
  /** Human-readable source, shown beside every figure derived from it. */
  source: string;
  /** Last date of the series (equal to the last entry of `dates`). */
  asOf: string;
  /** Closing gaps longer than the usual market closures, stated so the UI can say so (e.g. a missing 2020-2025 stretch). */
  gaps: { from: string; to: string }[];
}

/** One Russell 2000 member as listed in the iShares IWM holdings file. */
export interface Holding {
  ticker: string;
  name: string;
  sector: string;
  /** Weight in the fund, as a fraction (0.0123 = 1.23%). */
  weight: number;
  /** Country of the issuer's domicile as iShares lists it ("United States"). */
  location: string;
  exchange: string;
}

export interface SnapshotHoldings {
  /** Date of the holdings file (`YYYY-MM-DD`). */
  asOf: string;
  source: string;
  rows: Holding[];
}

/** The decoded bundled snapshot: the embedded, offline default data of the extension. */
export interface Snapshot {
  formatVersion: number;
  /** When the snapshot file was produced (ISO date), not the as-of date of its data. */
  builtOn: string;
  series: Record<string, SnapshotSeries>;
  holdings: SnapshotHoldings;
}
