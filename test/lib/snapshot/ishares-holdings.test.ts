import { describe, expect, it } from 'vitest';
import { parseISharesHoldings } from '../../../lib/snapshot/ishares-holdings';
import { source } from './sources';

const RAW = source('russell2000-constituents/IWM_holdings_2026-05-05.csv');

describe('parseISharesHoldings on the real 2026-05-05 IWM export', () => {
  const parsed = parseISharesHoldings(RAW);

  it('reads the as-of date from the preamble and keeps the 1,924 equity rows only', () => {
    expect(parsed.asOf).toBe('2026-05-05');
    expect(parsed.rows).toHaveLength(1924);
    expect(parsed.nonEquityRows).toBe(5); // XTSLA money market, USD and CAD cash, collateral, RTYM6 future
    expect(parsed.rows.map((row) => row.ticker)).not.toContain('RTYM6');
  });

  it('keeps ticker, name, sector, location and exchange as listed', () => {
    expect(parsed.rows[0]).toMatchObject({
      ticker: 'BE',
      name: 'BLOOM ENERGY CLASS A CORP',
      sector: 'Industrials',
      location: 'United States',
      exchange: 'NYSE',
    });
    expect(parsed.rows.filter((row) => row.location === 'United States')).toHaveLength(1881);
    expect(parsed.rows.filter((row) => row.ticker === '-')).toHaveLength(3); // unlisted rights, kept
  });

  it('derives weights as fractions from market value, agreeing with the rounded Weight (%)', () => {
    expect(parsed.rows[0]?.weight).toBeCloseTo(1532594919.5 / parsed.totalMarketValue, 15);
    expect(parsed.rows[0]?.weight).toBeCloseTo(0.0193, 4);
    parsed.rows.forEach((row, i) => {
      expect(
        Math.abs(row.weight * 100 - (parsed.listedWeightPercent[i] as number)),
      ).toBeLessThanOrEqual(0.005 + 1e-9);
    });
    const sum = parsed.rows.reduce((total, row) => total + row.weight, 0);
    expect(sum).toBeGreaterThan(0.99);
    expect(sum).toBeLessThan(1);
    expect(sum).toBeCloseTo(0.99489, 5); // the rest is cash and the money-market fund
  });
});

describe('parseISharesHoldings on malformed input', () => {
  it('rejects a file without the as-of date or the header', () => {
    expect(() => parseISharesHoldings('Ticker,Name\n')).toThrow(/Fund Holdings as of/);
    expect(() => parseISharesHoldings('Fund Holdings as of,"May 05, 2026"\n')).toThrow(
      /no "Ticker,/,
    );
  });

  it('rejects a row whose Market Value is not a number, naming the line', () => {
    const lines = RAW.split('\n');
    const header = lines.findIndex((line) => line.startsWith('Ticker,'));
    lines[header + 1] = lines[header + 1]!.replace('"1,532,594,919.50"', '"n/a"');
    expect(() => parseISharesHoldings(lines.join('\n'))).toThrow(
      `iShares holdings line ${header + 2}: Market Value is not a number`,
    );
  });
});
