import { describe, expect, it } from 'vitest';
import { parseDailyCsv } from '../../../lib/snapshot/daily-csv';
import { source } from './sources';

describe('parseDailyCsv on the real source files', () => {
  it('reads yfinance Date,Close,High,Low,Open,Volume files with CRLF and float32 noise (^RUT)', () => {
    const rut = parseDailyCsv(source('prices/index_etf_yf_2026/IDX_RUT.csv'), 'Close');
    expect(rut.layout).toBe('plain');
    expect(rut.dates).toHaveLength(9686);
    expect(rut.dates[0]).toBe('1987-09-10');
    expect(rut.dates.at(-1)).toBe('2026-02-23'); // the intraday row is the builder's to drop
    const i = rut.dates.indexOf('2008-10-10');
    expect(rut.closes[i]).toBe(522.47998046875); // as written; rounding is the encoder's job
    expect(rut.skippedRows).toBe(0);
  });

  it('reads the adjusted Close of a yfinance ETF file (IWM 2020-03-16 = 96.67, quoted 103.62)', () => {
    const iwm = parseDailyCsv(source('prices/index_etf_yf_2026/IWM.csv'), 'Close');
    expect(iwm.closes[iwm.dates.indexOf('2020-03-16')]).toBeCloseTo(96.67, 2);
  });

  it('reads Date,Close,Volume files (^GSPC from 1927)', () => {
    const gspc = parseDailyCsv(source('prices/close_only_yf_to_2026_08/IDX_GSPC.csv'), 'Close');
    expect(gspc.dates).toHaveLength(24777);
    expect([gspc.dates[0], gspc.dates.at(-1)]).toEqual(['1927-12-30', '2026-08-21']);
    expect(gspc.closes.at(-1)).toBe(7674.3701171875); // 7674.37 in float32
  });

  it('finds Close by name when it is the fifth column (^IXIC, Yahoo download layout)', () => {
    const ixic = parseDailyCsv(source('prices/nasdaq_composite_1971_2022/IDX_IXIC.csv'), 'Close');
    expect(ixic.dates).toHaveLength(12925);
    // 1987-10-19: Open 394.50 but Close 360.20
    expect(ixic.closes[ixic.dates.indexOf('1987-10-19')]).toBe(360.200012);
  });

  it('skips and counts the 3,618 "null" rows of the 1962-2020 ^TNX file', () => {
    const tnx = parseDailyCsv(source('rates/IDX_TNX_yahoo_1962_2020.csv'), 'Close');
    expect(tnx.skippedRows).toBe(3618);
    expect(tnx.dates).toHaveLength(14728);
    expect(tnx.dates).not.toContain('1962-01-07'); // a null row (a Sunday)
    expect(tnx.closes[tnx.dates.indexOf('1981-09-30')]).toBe(15.84);
    expect(Math.max(...tnx.closes)).toBe(15.84); // percent, not the old x10 CBOE quoting
  });

  it('reads the yfinance three-line header (Price / Ticker / Date) of the 2025-2026 ^TNX file', () => {
    const tnx = parseDailyCsv(source('rates/IDX_TNX_yf_multiheader_2025_2026.csv'), 'Close');
    expect(tnx.layout).toBe('yfinance-multiheader');
    expect(tnx.dates).toHaveLength(125);
    expect([tnx.dates[0], tnx.dates.at(-1)]).toEqual(['2025-09-08', '2026-03-06']);
    expect(tnx.closes[0]).toBe(4.046000003814697);
  });

  it('reads Adj Close, not Close, when asked (AAPL 2003-04-17: Close 0.234286, Adj Close 0.198346)', () => {
    const aapl = parseDailyCsv(
      source('prices/stocks_small_large_yahoo_2000_2024/AAPL.csv'),
      'Adj Close',
    );
    expect(aapl.closes[aapl.dates.indexOf('2003-04-17')]).toBe(0.198346);
    expect(aapl.dates.at(-1)).toBe('2024-03-08');
  });
});

describe('parseDailyCsv on malformed input', () => {
  it('names a missing column', () => {
    expect(() => parseDailyCsv('Date,Close\n2020-01-02,1\n', 'Adj Close')).toThrow(
      /no "Adj Close" column/,
    );
  });

  it('names the line of a bad date, a non-number and dates out of order', () => {
    expect(() => parseDailyCsv('Date,Close\n2020-13-02,1\n', 'Close')).toThrow(
      /line 2: date "2020-13-02"/,
    );
    expect(() => parseDailyCsv('Date,Close\n2020-01-02,abc\n', 'Close')).toThrow(
      /line 2: Close "abc" is not a number/,
    );
    expect(() => parseDailyCsv('Date,Close\n2020-01-03,1\n2020-01-02,2\n', 'Close')).toThrow(
      /line 3: date 2020-01-02 does not come after 2020-01-03/,
    );
    expect(() => parseDailyCsv('Date,Close\n2020-01-02,1\n2020-01-02,2\n', 'Close')).toThrow(
      /line 3/,
    );
  });

  it('skips and counts empty, NaN and all-empty rows; ignores blank lines and a BOM', () => {
    const parsed = parseDailyCsv(
      '\uFEFFDate,Close\r\n2020-01-02,1.5\r\n2020-01-03,\r\n,\r\n2020-01-06,NaN\r\n\r\n2020-01-07,2\r\n',
      'Close',
    );
    expect(parsed).toEqual({
      dates: ['2020-01-02', '2020-01-07'],
      closes: [1.5, 2],
      skippedRows: 3,
      layout: 'plain',
    });
  });
});
