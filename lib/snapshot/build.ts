import type { SeriesSpec, SnapshotCatalogue } from './catalogue';
import { parseDailyCsv } from './daily-csv';
import type { DailyCsvLayout } from './daily-csv';
import { chooseDecimals } from './decimals';
import { encodeSnapshot, SNAPSHOT_FORMAT_VERSION } from './format';
import type { EncodedSnapshot } from './format';
import { findGaps } from './gaps';
import { parseISharesHoldings } from './ishares-holdings';
import type { Snapshot, SnapshotHoldings, SnapshotSeries } from './types';

/** What happened to one series during the build, for the CLI's report and the tests. */
export interface SeriesBuildReport {
  symbol: string;
  rows: number;
  first: string;
  last: string;
  /** Decimals kept in the file (closes are rounded to 10^-decimals). */
  decimals: number;
  /** Rows with a date but no value (`null`), left out, per file in part order. */
  skippedRows: number[];
  /** Rows left out on purpose (see the catalogue's `drop`). */
  droppedRows: string[];
  layouts: DailyCsvLayout[];
  gaps: { from: string; to: string }[];
}

export interface HoldingsBuildReport {
  asOf: string;
  rows: number;
  nonEquityRows: number;
  weightSum: number;
}

export interface SnapshotBuild {
  /** The snapshot as parsed, before rounding to the kept decimals. */
  snapshot: Snapshot;
  /** What goes into `public/data/snapshot.json`. */
  encoded: EncodedSnapshot;
  series: SeriesBuildReport[];
  holdings: HoldingsBuildReport;
}

function sourceText(texts: Readonly<Record<string, string>>, file: string): string {
  const text = texts[file];
  if (text === undefined) throw new Error(`snapshot build: source file ${file} was not provided`);
  return text;
}

function buildSeries(
  spec: SeriesSpec,
  texts: Readonly<Record<string, string>>,
): { series: SnapshotSeries; report: SeriesBuildReport } {
  const dates: string[] = [];
  const closes: number[] = [];
  const skippedRows: number[] = [];
  const droppedRows: string[] = [];
  const layouts: DailyCsvLayout[] = [];
  for (const part of spec.parts) {
    const parsed = parseDailyCsv(sourceText(texts, part.file), part.column);
    skippedRows.push(parsed.skippedRows);
    layouts.push(parsed.layout);
    const drop = new Set((part.drop ?? []).map((row) => row.date));
    for (const date of drop) {
      if (!parsed.dates.includes(date)) {
        throw new Error(
          `snapshot build: ${spec.symbol}: row ${date} to drop is not in ${part.file}`,
        );
      }
    }
    const firstNew = parsed.dates[0];
    const lastKept = dates.at(-1);
    if (firstNew !== undefined && lastKept !== undefined && firstNew <= lastKept) {
      throw new Error(
        `snapshot build: ${spec.symbol}: ${part.file} starts ${firstNew}, not after ${lastKept}`,
      );
    }
    parsed.dates.forEach((date, i) => {
      if (drop.has(date)) {
        droppedRows.push(date);
        return;
      }
      dates.push(date);
      closes.push(parsed.closes[i] as number);
    });
  }
  if (dates.length === 0) throw new Error(`snapshot build: ${spec.symbol} has no rows`);

  const gaps = findGaps(dates);
  const first = dates[0] as string;
  const last = dates.at(-1) as string;
  const series: SnapshotSeries = {
    symbol: spec.symbol,
    name: spec.name,
    kind: spec.kind,
    adjusted: spec.adjusted,
    source: spec.source,
    asOf: last,
    gaps,
    dates,
    closes,
  };
  const report: SeriesBuildReport = {
    symbol: spec.symbol,
    rows: dates.length,
    first,
    last,
    decimals: chooseDecimals(closes),
    skippedRows,
    droppedRows,
    layouts,
    gaps,
  };
  return { series, report };
}

/**
 * Builds the bundled snapshot from the raw source files.
 *
 * Pure: `texts` maps each path the catalogue names (relative to `lib/snapshot/sources`) to the
 * file's content. Each series keeps every row that has a value (null rows are skipped and
 * counted, rows listed in the catalogue's `drop` are removed), concatenates its parts in order,
 * records stretches longer than ordinary market closures as `gaps` (never interpolated), and is
 * rounded to the decimals `chooseDecimals` picks for it. `builtOn` defaults to the newest as-of
 * date among the series and the holdings, so rebuilding the same sources gives the same file.
 * Throws on a missing source text or any malformed source.
 */
export function buildSnapshot(
  texts: Readonly<Record<string, string>>,
  catalogue: SnapshotCatalogue,
  builtOn?: string,
): SnapshotBuild {
  const series: Record<string, SnapshotSeries> = {};
  const reports: SeriesBuildReport[] = [];
  const decimals: Record<string, number> = {};
  for (const spec of catalogue.series) {
    if (series[spec.symbol]) throw new Error(`snapshot build: ${spec.symbol} is listed twice`);
    const built = buildSeries(spec, texts);
    series[spec.symbol] = built.series;
    reports.push(built.report);
    decimals[spec.symbol] = built.report.decimals;
  }

  const parsedHoldings = parseISharesHoldings(sourceText(texts, catalogue.holdings.file));
  const holdings: SnapshotHoldings = {
    asOf: parsedHoldings.asOf,
    source: catalogue.holdings.source,
    rows: parsedHoldings.rows,
  };

  const newest = reports.reduce(
    (latest, report) => (report.last > latest ? report.last : latest),
    holdings.asOf,
  );
  const snapshot: Snapshot = {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    builtOn: builtOn ?? newest,
    series,
    holdings,
  };
  return {
    snapshot,
    encoded: encodeSnapshot(snapshot, decimals),
    series: reports,
    holdings: {
      asOf: holdings.asOf,
      rows: holdings.rows.length,
      nonEquityRows: parsedHoldings.nonEquityRows,
      weightSum: holdings.rows.reduce((sum, row) => sum + row.weight, 0),
    },
  };
}
