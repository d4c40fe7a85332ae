import { tryDayNumber } from './iso-day';

/** Which layout of daily-price CSV was read. */
export type DailyCsvLayout = 'plain' | 'yfinance-multiheader';

export interface DailyCsv {
  /** Trading days, `YYYY-MM-DD`, strictly ascending. */
  dates: string[];
  /** Value of the requested column on each date, as written in the file (float noise included). */
  closes: number[];
  /** Rows that had a date but no value in the requested column (`null`, `NaN`, empty), left out. */
  skippedRows: number;
  layout: DailyCsvLayout;
}

const MISSING_VALUES = new Set(['', 'null', 'nan', 'none', '-']);

function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

/**
 * The header and the index of the first data line. Handles both a plain `Date,...` header and the
 * three-line header that yfinance writes for multi-ticker downloads:
 * `Price,Close,High,...` / `Ticker,^TNX,^TNX,...` / `Date,,,,,`.
 */
function readHeader(lines: string[]): {
  header: string[];
  firstDataLine: number;
  layout: DailyCsvLayout;
} {
  const first = (lines[0] ?? '').split(',').map((cell) => cell.trim());
  if (
    first[0] === 'Price' &&
    lines[1]?.startsWith('Ticker,') &&
    /^Date,*$/.test((lines[2] ?? '').trim())
  ) {
    return {
      header: ['Date', ...first.slice(1)],
      firstDataLine: 3,
      layout: 'yfinance-multiheader',
    };
  }
  return { header: first, firstDataLine: 1, layout: 'plain' };
}

/**
 * Parses a daily price CSV as written by Yahoo Finance or yfinance (columns in any order, found by
 * name; CRLF or LF; optional BOM; plain or three-line yfinance header) and returns one column of it.
 *
 * Values are returned exactly as parsed (yfinance's float32 noise such as `168.97000122070312` is
 * kept; rounding is the encoder's job). Rows whose value is `null`, `NaN` or empty are skipped and
 * counted in `skippedRows`; blank lines are ignored. Throws an Error naming the line for a missing
 * column, a malformed date, a non-numeric value, or dates that are not strictly ascending.
 *
 * @param text whole file content
 * @param column header of the value column to return, e.g. `Close` or `Adj Close`
 */
export function parseDailyCsv(text: string, column: string): DailyCsv {
  const lines = splitLines(text);
  const { header, firstDataLine, layout } = readHeader(lines);
  const dateIndex = header.indexOf('Date');
  const valueIndex = header.indexOf(column);
  if (dateIndex < 0)
    throw new Error(`daily CSV: no "Date" column in header ${JSON.stringify(header)}`);
  if (valueIndex < 0) {
    throw new Error(
      `daily CSV: no ${JSON.stringify(column)} column in header ${JSON.stringify(header)}`,
    );
  }

  const dates: string[] = [];
  const closes: number[] = [];
  let skippedRows = 0;
  let previousDay = -Infinity;
  let previousDate = '';
  for (let i = firstDataLine; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const cells = line.split(',');
    const date = (cells[dateIndex] ?? '').trim();
    const raw = (cells[valueIndex] ?? '').trim();
    const lineNo = i + 1;
    if (date === '' && cells.every((cell) => cell.trim() === '')) {
      skippedRows++;
      continue;
    }
    const day = tryDayNumber(date);
    if (day === undefined)
      throw new Error(`daily CSV line ${lineNo}: date ${JSON.stringify(date)} is not YYYY-MM-DD`);
    if (day <= previousDay) {
      throw new Error(`daily CSV line ${lineNo}: date ${date} does not come after ${previousDate}`);
    }
    previousDay = day;
    previousDate = date;
    if (MISSING_VALUES.has(raw.toLowerCase())) {
      skippedRows++;
      continue;
    }
    const value = Number(raw);
    if (!Number.isFinite(value)) {
      throw new Error(`daily CSV line ${lineNo}: ${column} ${JSON.stringify(raw)} is not a number`);
    }
    dates.push(date);
    closes.push(value);
  }
  return { dates, closes, skippedRows, layout };
}
