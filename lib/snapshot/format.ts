import { dayNumber, isIsoDate, isoDate } from './iso-day';
import type { Holding, InstrumentKind, Snapshot, SnapshotHoldings, SnapshotSeries } from './types';

/**
 * The on-disk (JSON) form of the bundled snapshot, `public/data/snapshot.json`:
 * - every series is columnar: `start` (first date), `days` (calendar-day steps: `days[0]` from
 *   `start`, then from the previous row) and `closes` (integers at 10^-`decimals`: the first close,
 *   then the change from the previous close); dates and closes are running sums of those arrays;
 * - metadata (name, kind, adjusted, source, asOf, gaps) travels beside the columns;
 * - holdings are columns too: repeated texts (sector, location, exchange) as an index into a list
 *   of distinct values, weights as integers at 10^-`weightDecimals` of a fraction.
 * A change to this shape must bump `SNAPSHOT_FORMAT_VERSION`.
 */
export const SNAPSHOT_FORMAT_VERSION = 1;

/** Decimals kept for holding weights (fractions): 1e-8 is 0.000001 percentage points. */
export const WEIGHT_DECIMALS = 8;

/** Day number of 9999-12-31, the last date a `YYYY-MM-DD` string can hold. */
const LAST_DAY = 2932896;

const KINDS: readonly InstrumentKind[] = ['index', 'etf', 'stock', 'rate'];

export interface EncodedSeries {
  name: string;
  kind: InstrumentKind;
  adjusted: boolean;
  source: string;
  asOf: string;
  gaps: { from: string; to: string }[];
  start: string;
  decimals: number;
  days: number[];
  closes: number[];
}

/** A text column with few distinct values: `values[index[i]]` is row i's text. */
export interface EncodedTextColumn {
  values: string[];
  index: number[];
}

export interface EncodedHoldings {
  asOf: string;
  source: string;
  ticker: string[];
  name: string[];
  sector: EncodedTextColumn;
  location: EncodedTextColumn;
  exchange: EncodedTextColumn;
  weightDecimals: number;
  weight: number[];
}

export interface EncodedSnapshot {
  formatVersion: number;
  builtOn: string;
  series: Record<string, EncodedSeries>;
  holdings: EncodedHoldings;
}

function scaled(value: number, decimals: number): number {
  const integer = Math.round(value * 10 ** decimals);
  if (!Number.isSafeInteger(integer)) {
    throw new RangeError(`value ${value} does not fit a safe integer at ${decimals} decimals`);
  }
  return integer === 0 ? 0 : integer; // no -0 in the file
}

/**
 * Encodes one series at a fixed number of decimals. Each close is rounded to the nearest
 * 10^-`decimals` (so the decoded value is within half of that unit of the input). Throws when
 * dates are not strictly ascending valid `YYYY-MM-DD`, lengths differ, the series is empty, or a
 * close is not finite.
 */
export function encodeSeries(series: SnapshotSeries, decimals: number): EncodedSeries {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(`${series.symbol}: decimals must be an integer 0..10, got ${decimals}`);
  }
  if (series.dates.length === 0) throw new Error(`${series.symbol}: cannot encode an empty series`);
  if (series.dates.length !== series.closes.length) {
    throw new Error(
      `${series.symbol}: ${series.dates.length} dates but ${series.closes.length} closes`,
    );
  }
  const start = series.dates[0] as string;
  const days: number[] = [];
  const closes: number[] = [];
  let previousDay = dayNumber(start);
  let previousClose = 0;
  series.dates.forEach((date, i) => {
    const day = dayNumber(date);
    if (i > 0 && day <= previousDay) {
      throw new Error(`${series.symbol}: date ${date} does not come after ${series.dates[i - 1]}`);
    }
    const close = series.closes[i] as number;
    if (!Number.isFinite(close)) throw new Error(`${series.symbol}: close on ${date} is ${close}`);
    const integer = scaled(close, decimals);
    days.push(day - previousDay);
    closes.push(integer - previousClose);
    previousDay = day;
    previousClose = integer;
  });
  return {
    name: series.name,
    kind: series.kind,
    adjusted: series.adjusted,
    source: series.source,
    asOf: series.dates.at(-1) as string,
    gaps: series.gaps.map(({ from, to }) => ({ from, to })),
    start,
    decimals,
    days,
    closes,
  };
}

function encodeTextColumn(texts: readonly string[]): EncodedTextColumn {
  const values: string[] = [];
  const positions = new Map<string, number>();
  const index = texts.map((text) => {
    let position = positions.get(text);
    if (position === undefined) {
      position = values.length;
      positions.set(text, position);
      values.push(text);
    }
    return position;
  });
  return { values, index };
}

/** Encodes holdings as columns; weights are rounded to 10^-`WEIGHT_DECIMALS` (fractions). */
export function encodeHoldings(holdings: SnapshotHoldings): EncodedHoldings {
  const column = <K extends keyof Holding>(key: K): Holding[K][] =>
    holdings.rows.map((row) => row[key]);
  return {
    asOf: holdings.asOf,
    source: holdings.source,
    ticker: column('ticker'),
    name: column('name'),
    sector: encodeTextColumn(column('sector')),
    location: encodeTextColumn(column('location')),
    exchange: encodeTextColumn(column('exchange')),
    weightDecimals: WEIGHT_DECIMALS,
    weight: column('weight').map((weight) => scaled(weight, WEIGHT_DECIMALS)),
  };
}

/**
 * Encodes a whole snapshot. `decimals` gives, per symbol, the decimals its closes keep; a symbol
 * missing from it is an error (the caller decides precision, see `chooseDecimals`).
 */
export function encodeSnapshot(
  snapshot: Snapshot,
  decimals: Readonly<Record<string, number>>,
): EncodedSnapshot {
  const series: Record<string, EncodedSeries> = {};
  for (const [symbol, entry] of Object.entries(snapshot.series)) {
    const kept = decimals[symbol];
    if (kept === undefined) throw new Error(`no decimals given for ${symbol}`);
    series[symbol] = encodeSeries(entry, kept);
  }
  return {
    formatVersion: snapshot.formatVersion,
    builtOn: snapshot.builtOn,
    series,
    holdings: encodeHoldings(snapshot.holdings),
  };
}

/**
 * The snapshot file's text: compact JSON with one line per series (readable heads, small diffs),
 * ending in a newline. Same input, same bytes.
 */
export function serializeSnapshot(encoded: EncodedSnapshot): string {
  const seriesLines = Object.entries(encoded.series).map(
    ([symbol, series]) => `${JSON.stringify(symbol)}:${JSON.stringify(series)}`,
  );
  return (
    `{"formatVersion":${JSON.stringify(encoded.formatVersion)},` +
    `"builtOn":${JSON.stringify(encoded.builtOn)},\n` +
    `"series":{\n${seriesLines.join(',\n')}\n},\n` +
    `"holdings":${JSON.stringify(encoded.holdings)}}\n`
  );
}

// ---------------------------------------------------------------------------------------------
// Decoding, with validation: the file is data from disk and is checked field by field.

class SnapshotFormatError extends Error {
  constructor(path: string, problem: string) {
    super(`Invalid snapshot: ${path}: ${problem}`);
    this.name = 'SnapshotFormatError';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function expectObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SnapshotFormatError(path, `expected an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

function expectString(value: unknown, path: string): string {
  if (typeof value !== 'string')
    throw new SnapshotFormatError(path, `expected a string, got ${describe(value)}`);
  return value;
}

function expectDate(value: unknown, path: string): string {
  if (!isIsoDate(value))
    throw new SnapshotFormatError(path, `expected a YYYY-MM-DD date, got ${describe(value)}`);
  return value;
}

function expectInteger(value: unknown, path: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < min || (value as number) > max) {
    throw new SnapshotFormatError(
      path,
      `expected an integer in ${min}..${max}, got ${describe(value)}`,
    );
  }
  return value as number;
}

function expectArray(value: unknown, path: string, length?: number): unknown[] {
  if (!Array.isArray(value))
    throw new SnapshotFormatError(path, `expected an array, got ${describe(value)}`);
  if (length !== undefined && value.length !== length) {
    throw new SnapshotFormatError(path, `expected ${length} items, got ${value.length}`);
  }
  return value;
}

function expectIntegers(
  value: unknown,
  path: string,
  length?: number,
  min = Number.MIN_SAFE_INTEGER,
): number[] {
  const items = expectArray(value, path, length);
  items.forEach((item, i) => {
    if (!Number.isSafeInteger(item) || (item as number) < min) {
      throw new SnapshotFormatError(
        `${path}[${i}]`,
        `expected an integer${min > Number.MIN_SAFE_INTEGER ? ` >= ${min}` : ''}, got ${describe(item)}`,
      );
    }
  });
  return items as number[];
}

function expectStrings(value: unknown, path: string, length?: number): string[] {
  return expectArray(value, path, length).map((item, i) => expectString(item, `${path}[${i}]`));
}

function decodeSeries(symbol: string, value: unknown): SnapshotSeries {
  const path = `series[${JSON.stringify(symbol)}]`;
  const raw = expectObject(value, path);
  const kind = raw['kind'];
  if (!KINDS.includes(kind as InstrumentKind)) {
    throw new SnapshotFormatError(
      `${path}.kind`,
      `expected one of ${KINDS.join(', ')}, got ${describe(kind)}`,
    );
  }
  const adjusted = raw['adjusted'];
  if (typeof adjusted !== 'boolean') {
    throw new SnapshotFormatError(
      `${path}.adjusted`,
      `expected a boolean, got ${describe(adjusted)}`,
    );
  }
  const decimals = expectInteger(raw['decimals'], `${path}.decimals`, 0, 10);
  const start = dayNumber(expectDate(raw['start'], `${path}.start`));
  const days = expectIntegers(raw['days'], `${path}.days`, undefined, 0);
  if (days.length === 0) throw new SnapshotFormatError(`${path}.days`, 'expected at least one row');
  const closeSteps = expectIntegers(raw['closes'], `${path}.closes`, days.length);

  const dates: string[] = [];
  const closes: number[] = [];
  const divisor = 10 ** decimals;
  let day = start;
  let scaledClose = 0;
  for (let i = 0; i < days.length; i++) {
    const step = days[i] as number;
    if (i > 0 && step === 0) {
      throw new SnapshotFormatError(
        `${path}.days[${i}]`,
        'dates must be strictly ascending (step 0)',
      );
    }
    day += step;
    scaledClose += closeSteps[i] as number;
    if (day > LAST_DAY) {
      throw new SnapshotFormatError(`${path}.days[${i}]`, 'runs past the year 9999');
    }
    if (!Number.isSafeInteger(scaledClose)) {
      throw new SnapshotFormatError(
        `${path}.closes[${i}]`,
        'running sum leaves the safe-integer range',
      );
    }
    dates.push(isoDate(day));
    closes.push(scaledClose / divisor); // a division gives the nearest double to the decimal
  }

  const asOf = expectDate(raw['asOf'], `${path}.asOf`);
  if (asOf !== dates.at(-1)) {
    throw new SnapshotFormatError(
      `${path}.asOf`,
      `is ${asOf} but the last date is ${dates.at(-1)}`,
    );
  }
  const gaps = expectArray(raw['gaps'], `${path}.gaps`).map((item, i) => {
    const gap = expectObject(item, `${path}.gaps[${i}]`);
    const from = expectDate(gap['from'], `${path}.gaps[${i}].from`);
    const to = expectDate(gap['to'], `${path}.gaps[${i}].to`);
    if (from >= to)
      throw new SnapshotFormatError(`${path}.gaps[${i}]`, `from ${from} is not before to ${to}`);
    return { from, to };
  });

  return {
    symbol,
    name: expectString(raw['name'], `${path}.name`),
    kind: kind as InstrumentKind,
    adjusted,
    source: expectString(raw['source'], `${path}.source`),
    asOf,
    gaps,
    dates,
    closes,
  };
}

function decodeTextColumn(value: unknown, path: string, length: number): string[] {
  const raw = expectObject(value, path);
  const values = expectStrings(raw['values'], `${path}.values`);
  const index = expectIntegers(raw['index'], `${path}.index`, length, 0);
  return index.map((position, i) => {
    const found = values[position];
    if (found === undefined) {
      throw new SnapshotFormatError(
        `${path}.index[${i}]`,
        `${position} is past the ${values.length} values`,
      );
    }
    return found;
  });
}

function decodeHoldings(value: unknown): SnapshotHoldings {
  const path = 'holdings';
  const raw = expectObject(value, path);
  const ticker = expectStrings(raw['ticker'], `${path}.ticker`);
  const count = ticker.length;
  const name = expectStrings(raw['name'], `${path}.name`, count);
  const sector = decodeTextColumn(raw['sector'], `${path}.sector`, count);
  const location = decodeTextColumn(raw['location'], `${path}.location`, count);
  const exchange = decodeTextColumn(raw['exchange'], `${path}.exchange`, count);
  const weightDecimals = expectInteger(raw['weightDecimals'], `${path}.weightDecimals`, 0, 12);
  const weight = expectIntegers(raw['weight'], `${path}.weight`, count, 0);
  const divisor = 10 ** weightDecimals;
  return {
    asOf: expectDate(raw['asOf'], `${path}.asOf`),
    source: expectString(raw['source'], `${path}.source`),
    rows: ticker.map((symbol, i) => ({
      ticker: symbol,
      name: name[i] as string,
      sector: sector[i] as string,
      weight: (weight[i] as number) / divisor,
      location: location[i] as string,
      exchange: exchange[i] as string,
    })),
  };
}

/**
 * Decodes and validates the bundled snapshot file (the parsed JSON of `public/data/snapshot.json`).
 * Returns closes as numbers at the file's per-series decimals (e.g. ^RUT 522.48) and holdings
 * weights as fractions. Throws an Error whose message starts with `Invalid snapshot:` and names
 * the offending field (`series["^RUT"].closes[12]: ...`) on an unknown format version, a missing
 * or mistyped field, columns of different lengths, dates that do not ascend, an `asOf` that is not
 * the last date, or a text index out of range. Missing data is never filled in.
 */
export function decodeSnapshot(json: unknown): Snapshot {
  const raw = expectObject(json, 'snapshot');
  if (raw['formatVersion'] !== SNAPSHOT_FORMAT_VERSION) {
    throw new SnapshotFormatError(
      'formatVersion',
      `unsupported version ${describe(raw['formatVersion'])} (this build reads ${SNAPSHOT_FORMAT_VERSION})`,
    );
  }
  const rawSeries = expectObject(raw['series'], 'series');
  const series: Record<string, SnapshotSeries> = {};
  for (const [symbol, entry] of Object.entries(rawSeries)) {
    if (symbol.trim() === '')
      throw new SnapshotFormatError('series', 'a series has an empty symbol');
    series[symbol] = decodeSeries(symbol, entry);
  }
  return {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    builtOn: expectDate(raw['builtOn'], 'builtOn'),
    series,
    holdings: decodeHoldings(raw['holdings']),
  };
}
