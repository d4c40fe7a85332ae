import type { Holding } from './types';

export interface ISharesHoldings {
  /** The "Fund Holdings as of" date of the export, `YYYY-MM-DD`. */
  asOf: string;
  /** Equity rows in file order (cash, money-market, futures and collateral rows left out). */
  rows: Holding[];
  /** Table rows that were not equities (cash, XTSLA money market, index futures...). */
  nonEquityRows: number;
  /** Sum of Market Value over every table row, equities and the rest (USD); the weights' denominator. */
  totalMarketValue: number;
  /** The file's own `Weight (%)` per equity row, in percent rounded to 0.01, kept for cross-checks. */
  listedWeightPercent: number[];
}

const MONTHS: Record<string, string> = {
  Jan: '01',
  Feb: '02',
  Mar: '03',
  Apr: '04',
  May: '05',
  Jun: '06',
  Jul: '07',
  Aug: '08',
  Sep: '09',
  Oct: '10',
  Nov: '11',
  Dec: '12',
};

const REQUIRED_COLUMNS = [
  'Ticker',
  'Name',
  'Sector',
  'Asset Class',
  'Market Value',
  'Weight (%)',
  'Location',
  'Exchange',
] as const;

/** Splits one CSV line into fields, honouring double quotes and `""` escapes. */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
}

/** "May 05, 2026" -> "2026-05-05"; undefined when the text is not in that form. */
function parseLongDate(text: string): string | undefined {
  const match = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/.exec(text.trim());
  const month = match ? MONTHS[match[1] ?? ''] : undefined;
  if (!match || !month) return undefined;
  return `${match[3]}-${month}-${(match[2] ?? '').padStart(2, '0')}`;
}

/** "1,532,594,919.50" -> 1532594919.5; NaN for "-" or anything not a number. */
function parseGroupedNumber(text: string): number {
  const plain = text.trim().replaceAll(',', '');
  return plain === '' ? Number.NaN : Number(plain);
}

/**
 * Parses an iShares "Detailed Holdings and Analytics" CSV export of IWM (BOM, a preamble with
 * "Fund Holdings as of", the holdings table with quoted numbers using thousands separators, then a
 * legal footer after a blank line).
 *
 * Keeps equity rows only. `weight` is a fraction computed from Market Value over the summed Market
 * Value of every table row (the fund's net assets as listed), because the file's own `Weight (%)` is
 * rounded to 0.01 percentage points (it shows 0.00 for about half of the members); the two agree
 * within that rounding. Placeholder tickers such as `-` (unlisted rights) are kept as listed.
 * Throws an Error naming the line when the as-of date, the header or a row's Market Value is
 * missing or malformed.
 */
export function parseISharesHoldings(text: string): ISharesHoldings {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);

  const asOfLine = lines.find((line) => line.startsWith('Fund Holdings as of,'));
  const asOf = asOfLine ? parseLongDate(splitCsvLine(asOfLine)[1] ?? '') : undefined;
  if (!asOf)
    throw new Error('iShares holdings: no valid "Fund Holdings as of" date in the preamble');

  const headerIndex = lines.findIndex((line) => line.startsWith('Ticker,'));
  if (headerIndex < 0) throw new Error('iShares holdings: no "Ticker,..." header line');
  const header = splitCsvLine(lines[headerIndex] ?? '');
  const column = Object.fromEntries(
    REQUIRED_COLUMNS.map((name) => {
      const index = header.indexOf(name);
      if (index < 0)
        throw new Error(`iShares holdings: header lacks column ${JSON.stringify(name)}`);
      return [name, index];
    }),
  ) as Record<(typeof REQUIRED_COLUMNS)[number], number>;

  const table: { cells: string[]; marketValue: number; lineNo: number }[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') break; // the legal footer follows the first blank line
    const cells = splitCsvLine(line);
    const lineNo = i + 1;
    if (cells.length !== header.length) {
      throw new Error(
        `iShares holdings line ${lineNo}: ${cells.length} fields, header has ${header.length}`,
      );
    }
    const marketValue = parseGroupedNumber(cells[column['Market Value']] ?? '');
    if (!Number.isFinite(marketValue)) {
      throw new Error(`iShares holdings line ${lineNo}: Market Value is not a number`);
    }
    table.push({ cells, marketValue, lineNo });
  }
  if (table.length === 0) throw new Error('iShares holdings: the holdings table is empty');

  const totalMarketValue = table.reduce((sum, row) => sum + row.marketValue, 0);
  const rows: Holding[] = [];
  const listedWeightPercent: number[] = [];
  for (const { cells, marketValue } of table) {
    if (cells[column['Asset Class']] !== 'Equity') continue;
    const cell = (name: (typeof REQUIRED_COLUMNS)[number]): string =>
      (cells[column[name]] ?? '').trim();
    rows.push({
      ticker: cell('Ticker'),
      name: cell('Name'),
      sector: cell('Sector'),
      weight: marketValue / totalMarketValue,
      location: cell('Location'),
      exchange: cell('Exchange'),
    });
    listedWeightPercent.push(parseGroupedNumber(cell('Weight (%)')));
  }
  return {
    asOf,
    rows,
    nonEquityRows: table.length - rows.length,
    totalMarketValue,
    listedWeightPercent,
  };
}
