import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../lib/snapshot/build';
import type { SnapshotBuild } from '../../../lib/snapshot/build';
import { SNAPSHOT_CATALOGUE } from '../../../lib/snapshot/catalogue';
import { decodeSnapshot } from '../../../lib/snapshot/format';
import { readSourceTexts } from '../../../lib/snapshot/source-files';
import type { Snapshot } from '../../../lib/snapshot/types';

let build: SnapshotBuild;
let decoded: Snapshot;

beforeAll(() => {
  build = buildSnapshot(readSourceTexts(SNAPSHOT_CATALOGUE), SNAPSHOT_CATALOGUE);
  decoded = decodeSnapshot(JSON.parse(JSON.stringify(build.encoded)));
});

function close(symbol: string, date: string): number | undefined {
  const series = decoded.series[symbol];
  return series?.closes[series.dates.indexOf(date)];
}

describe('buildSnapshot on the committed sources', () => {
  it('holds every series with its first date, last date, row count and kept decimals', () => {
    const table = build.series.map((s) => [s.symbol, s.first, s.last, s.rows, s.decimals]);
    expect(table).toEqual([
      ['^RUT', '1987-09-10', '2026-02-20', 9685, 2],
      ['IWM', '2000-05-26', '2026-02-20', 6472, 3],
      ['^GSPC', '1927-12-30', '2026-08-21', 24777, 2],
      ['SPY', '1993-01-29', '2026-08-21', 8448, 3],
      ['^DJI', '1992-01-02', '2026-02-20', 8595, 2],
      ['^IXIC', '1971-02-05', '2022-05-04', 12925, 2],
      ['QQQ', '1999-03-10', '2026-08-21', 6906, 3],
      ['^TNX', '1962-01-02', '2026-03-06', 14853, 3],
      ['SFM', '2013-08-01', '2024-03-08', 2669, 2],
      ['HIMS', '2019-09-13', '2024-03-08', 1129, 3],
      ['CRDO', '2022-01-27', '2024-03-08', 531, 3],
      ['BE', '2018-07-25', '2024-03-08', 1415, 2],
      ['FN', '2010-06-25', '2024-03-08', 3449, 2],
      ['STRL', '2000-01-03', '2024-03-08', 6084, 5],
      ['IONQ', '2021-01-04', '2024-03-08', 800, 2],
      ['ENSG', '2007-11-09', '2024-03-08', 4109, 4],
      ['ONB', '2000-01-03', '2024-03-08', 6084, 4],
      ['UMBF', '2000-01-03', '2024-03-08', 6084, 4],
      ['SM', '2000-01-03', '2024-03-08', 6084, 5],
      ['CMC', '2000-01-03', '2024-03-08', 6084, 4],
      ['AAPL', '2000-01-03', '2024-03-08', 6084, 5],
      ['MSFT', '2000-01-03', '2024-03-08', 6084, 3],
      ['NVDA', '2000-01-03', '2024-03-08', 6084, 5],
      ['TSLA', '2010-06-29', '2024-03-08', 3447, 4],
      ['AMZN', '2000-01-03', '2024-03-08', 6084, 5],
      ['JPM', '2000-01-03', '2024-03-08', 6084, 4],
      ['GOOGL', '2004-08-19', '2024-03-08', 4922, 4],
    ]);
  });

  it('drops the intraday 2026-02-23 row of ^RUT, IWM and ^DJI and nothing else', () => {
    const dropped = build.series.filter((s) => s.droppedRows.length > 0);
    expect(dropped.map((s) => [s.symbol, s.droppedRows])).toEqual([
      ['^RUT', ['2026-02-23']],
      ['IWM', ['2026-02-23']],
      ['^DJI', ['2026-02-23']],
    ]);
    expect(decoded.series['^RUT']?.asOf).toBe('2026-02-20');
  });

  it('keeps the closes the provenance files quote', () => {
    expect(close('^RUT', '2008-10-10')).toBe(522.48);
    expect(close('^RUT', '2020-03-16')).toBe(1037.42);
    expect(close('IWM', '2020-03-16')).toBe(96.669); // adjusted; quoted close that day was 103.62
    expect(close('^GSPC', '2026-08-21')).toBe(7674.37);
    expect(close('SPY', '1993-01-29')).toBe(24.313);
    expect(close('^IXIC', '2022-05-04')).toBe(12964.86);
    expect(close('^DJI', '2008-10-09')).toBe(8579.19);
    expect(close('^DJI', '2020-03-23')).toBe(18591.93);
    expect(close('^DJI', '2026-02-20')).toBe(49625.97);
    expect(close('^TNX', '2020-12-31')).toBe(0.917);
    expect(close('^TNX', '2025-09-08')).toBe(4.046);
    expect(close('NVDA', '2024-03-08')).toBe(875.28003); // before the June-2024 10:1 split
    expect(close('AAPL', '2003-04-17')).toBe(0.19835); // Adj Close, not Close 0.234286
  });

  it('records the 2020-2025 ^TNX gap without filling it, from the 3,618 skipped null rows and two files', () => {
    const tnx = build.series.find((s) => s.symbol === '^TNX');
    expect(tnx?.skippedRows).toEqual([3618, 0]);
    expect(tnx?.layouts).toEqual(['plain', 'yfinance-multiheader']);
    expect(decoded.series['^TNX']?.gaps).toEqual([{ from: '2020-12-31', to: '2025-09-08' }]);
    const dates = decoded.series['^TNX']?.dates ?? [];
    expect(dates.filter((d) => d > '2020-12-31' && d < '2025-09-08')).toEqual([]);
  });

  it('records the 1933 bank-holiday closure of ^GSPC as a gap but not the 2001 closure', () => {
    expect(decoded.series['^GSPC']?.gaps).toEqual([{ from: '1933-03-03', to: '1933-03-15' }]);
    const withGaps = Object.values(decoded.series).filter((s) => s.gaps.length > 0);
    expect(withGaps.map((s) => s.symbol)).toEqual(['^GSPC', '^TNX']);
  });

  it('describes each series: kind, adjusted flag, Yahoo symbol and source', () => {
    expect(decoded.series['^RUT']).toMatchObject({
      symbol: '^RUT',
      name: 'Russell 2000',
      kind: 'index',
      adjusted: true,
      source: 'Yahoo Finance daily closes via yfinance (alitalbi/storage_data_fy @9414068)',
    });
    expect(decoded.series['^TNX']?.kind).toBe('rate');
    expect(decoded.series['QQQ']?.kind).toBe('etf');
    expect(decoded.series['CRDO']).toMatchObject({ kind: 'stock', asOf: '2024-03-08' });
    expect(Object.values(decoded.series).every((s) => s.adjusted)).toBe(true);
  });

  it('carries the 2026-05-05 holdings: 1,924 equities, weights summing to about 1', () => {
    expect(build.holdings).toMatchObject({ asOf: '2026-05-05', rows: 1924, nonEquityRows: 5 });
    const rows = decoded.holdings.rows;
    expect(rows).toHaveLength(1924);
    expect(rows[0]).toEqual({
      ticker: 'BE',
      name: 'BLOOM ENERGY CLASS A CORP',
      sector: 'Industrials',
      weight: 0.01931864,
      location: 'United States',
      exchange: 'NYSE',
    });
    const sum = rows.reduce((total, row) => total + row.weight, 0);
    expect(sum).toBeCloseTo(0.99489, 4);
    expect(decoded.holdings.source).toContain('iShares');
  });

  it('sets builtOn to the newest as-of date, so a rebuild is byte-identical', () => {
    expect(decoded.builtOn).toBe('2026-08-21');
    const again = buildSnapshot(readSourceTexts(SNAPSHOT_CATALOGUE), SNAPSHOT_CATALOGUE);
    expect(JSON.stringify(again.encoded)).toBe(JSON.stringify(build.encoded));
  });

  it('round-trips every close to within half a unit of the last kept decimal, dates exactly', () => {
    for (const report of build.series) {
      const parsed = build.snapshot.series[report.symbol]!;
      const back = decoded.series[report.symbol]!;
      const factor = 10 ** report.decimals;
      expect(back.dates).toEqual(parsed.dates);
      let worst = 0;
      parsed.closes.forEach((value, i) => {
        const restored = back.closes[i] as number;
        expect(restored).toBe(Math.round(value * factor) / factor);
        worst = Math.max(worst, Math.abs(restored - value) * factor);
      });
      expect(worst, report.symbol).toBeLessThanOrEqual(0.5 + 1e-6);
    }
  });

  it('keeps every holding weight to 1e-8', () => {
    build.snapshot.holdings.rows.forEach((row, i) => {
      expect(Math.abs((decoded.holdings.rows[i]?.weight ?? NaN) - row.weight)).toBeLessThanOrEqual(
        5e-9,
      );
    });
  });

  it('fails loudly when a source file is missing or a row to drop is absent', () => {
    const texts = readSourceTexts(SNAPSHOT_CATALOGUE);
    const withoutIwm = { ...texts };
    delete withoutIwm['prices/index_etf_yf_2026/IWM.csv'];
    expect(() => buildSnapshot(withoutIwm, SNAPSHOT_CATALOGUE)).toThrow(
      'snapshot build: source file prices/index_etf_yf_2026/IWM.csv was not provided',
    );
    const rut = texts['prices/index_etf_yf_2026/IDX_RUT.csv']!;
    const truncated = {
      ...texts,
      'prices/index_etf_yf_2026/IDX_RUT.csv': rut.slice(0, rut.lastIndexOf('2026-02-23')),
    };
    expect(() => buildSnapshot(truncated, SNAPSHOT_CATALOGUE)).toThrow(
      /row 2026-02-23 to drop is not in/,
    );
  });
});
