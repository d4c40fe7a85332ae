import { dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Series } from '../../../lib/series/series';

// From the module's path, not `new URL(...)`: a DOM test environment replaces the global URL.
const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/prices') + '/';

/**
 * Reads a price CSV from test/fixtures/prices: Yahoo (`Date,Open,High,Low,Close,Adj Close,Volume`),
 * yfinance (`Date,Close,...`, with or without the three-line `Price/Ticker/Date` header) or
 * close-only files. `column` picks the price column (default `Close`). Rows whose value is not a
 * number (`null`, empty) are skipped, as the data's provenance says to do.
 */
export function loadFixture(relativePath: string, column = 'Close'): Series {
  const lines = readFileSync(FIXTURES + relativePath, 'utf8')
    .trim()
    .split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const multiHeader = lines[1]?.startsWith('Ticker,') === true;
  const dateCol = multiHeader ? 0 : header.indexOf('Date');
  const valueCol = header.indexOf(column);
  if (dateCol < 0 || valueCol < 0) throw new Error(`${relativePath}: no Date/${column} column`);
  const dates: string[] = [];
  const closes: number[] = [];
  for (const line of lines.slice(multiHeader ? 3 : 1)) {
    const cells = line.split(',');
    const value = Number(cells[valueCol]);
    const raw = cells[valueCol] ?? '';
    if (raw === '' || raw === 'null' || !Number.isFinite(value)) continue;
    dates.push(cells[dateCol] as string);
    closes.push(value);
  }
  return { dates, closes };
}

/** The series without the points after `lastDate` (e.g. to drop a row saved mid-day). */
export function truncateAfter(series: Series, lastDate: string): Series {
  let end = series.dates.length;
  while (end > 0 && (series.dates[end - 1] as string) > lastDate) end -= 1;
  return { dates: series.dates.slice(0, end), closes: series.closes.slice(0, end) };
}

/** Close on exactly `date`; throws when the fixture has no such row (keeps hand checks honest). */
export function closeOn(series: Series, date: string): number {
  const index = series.dates.indexOf(date);
  if (index < 0) throw new Error(`no close on ${date}`);
  return series.closes[index] as number;
}

/** yfinance 2026 dump, final closes only (its last row, 2026-02-23, was saved mid-day). */
export function loadYf2026(file: 'IDX_RUT' | 'IWM' | 'SPY' | 'QQQ'): Series {
  return truncateAfter(loadFixture(`index_etf_yf_2026/${file}.csv`), '2026-02-20');
}
