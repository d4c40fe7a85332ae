import { describe, expect, it } from 'vitest';
import {
  decodeSnapshot,
  encodeHoldings,
  encodeSeries,
  SNAPSHOT_FORMAT_VERSION,
} from '../../../lib/snapshot/format';
import type { EncodedSnapshot } from '../../../lib/snapshot/format';
import type { SnapshotSeries } from '../../../lib/snapshot/types';

/** The first ^RUT closes of the real data, as yfinance wrote them (float32 noise included). */
const RUT_HEAD: SnapshotSeries = {
  symbol: '^RUT',
  name: 'Russell 2000',
  kind: 'index',
  adjusted: true,
  source: 'test',
  asOf: '1987-09-15',
  gaps: [],
  dates: ['1987-09-10', '1987-09-11', '1987-09-14', '1987-09-15'],
  // yfinance stores float32: 168.97 arrives as 168.97000122070312
  closes: [168.97, 170.54, 170.43, 168.63].map(Math.fround),
};

function validSnapshot(): EncodedSnapshot {
  return {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    builtOn: '1987-09-15',
    series: { '^RUT': encodeSeries(RUT_HEAD, 2) },
    holdings: encodeHoldings({
      asOf: '2026-05-05',
      source: 'test',
      rows: [
        {
          ticker: 'BE',
          name: 'BLOOM ENERGY CLASS A CORP',
          sector: 'Industrials',
          weight: 0.0193187,
          location: 'United States',
          exchange: 'NYSE',
        },
        {
          ticker: 'FN',
          name: 'FABRINET',
          sector: 'Information Technology',
          weight: 0.0071419,
          location: 'United States',
          exchange: 'NYSE',
        },
      ],
    }),
  };
}

/** A valid snapshot with one change made by `mutate`, as it would arrive from JSON. */
// oxlint-disable-next-line typescript/no-explicit-any -- tests reach into arbitrary JSON paths to break them
type MutableJson = Record<string, any>;

function broken(mutate: (json: MutableJson) => void): unknown {
  const json = JSON.parse(JSON.stringify(validSnapshot())) as MutableJson;
  mutate(json);
  return json;
}

describe('encodeSeries', () => {
  it('writes day steps from the start date and close steps at the kept decimals', () => {
    const encoded = encodeSeries(RUT_HEAD, 2);
    expect(encoded).toMatchObject({
      start: '1987-09-10',
      decimals: 2,
      days: [0, 1, 3, 1],
      closes: [16897, 157, -11, -180],
      asOf: '1987-09-15',
    });
  });

  it('refuses unordered dates, mismatched lengths, empty series and non-finite closes', () => {
    expect(() =>
      encodeSeries(
        { ...RUT_HEAD, dates: ['1987-09-11', '1987-09-10', '1987-09-14', '1987-09-15'] },
        2,
      ),
    ).toThrow('^RUT: date 1987-09-10 does not come after 1987-09-11');
    expect(() => encodeSeries({ ...RUT_HEAD, closes: [1, 2] }, 2)).toThrow(
      '^RUT: 4 dates but 2 closes',
    );
    expect(() => encodeSeries({ ...RUT_HEAD, dates: [], closes: [] }, 2)).toThrow('empty series');
    expect(() => encodeSeries({ ...RUT_HEAD, closes: [1, Number.NaN, 3, 4] }, 2)).toThrow(
      'close on 1987-09-11 is NaN',
    );
  });
});

describe('decodeSnapshot', () => {
  it('restores dates and closes at the kept precision, and holdings columns', () => {
    const snapshot = decodeSnapshot(validSnapshot());
    expect(snapshot.series['^RUT']?.dates).toEqual(RUT_HEAD.dates);
    expect(snapshot.series['^RUT']?.closes).toEqual([168.97, 170.54, 170.43, 168.63]);
    expect(
      snapshot.holdings.rows.map((row) => [row.ticker, row.sector, row.exchange, row.weight]),
    ).toEqual([
      ['BE', 'Industrials', 'NYSE', 0.0193187],
      ['FN', 'Information Technology', 'NYSE', 0.0071419],
    ]);
  });

  it.each([
    [
      'a non-object',
      () => 'hello',
      'Invalid snapshot: snapshot: expected an object, got the string "hello"',
    ],
    [
      'another format version',
      (j) => {
        j.formatVersion = 2;
      },
      'Invalid snapshot: formatVersion: unsupported version number 2 (this build reads 1)',
    ],
    [
      'a bad builtOn',
      (j) => {
        j.builtOn = '2026-02-30';
      },
      'Invalid snapshot: builtOn: expected a YYYY-MM-DD date, got the string "2026-02-30"',
    ],
    [
      'series not an object',
      (j) => {
        j.series = [];
      },
      'Invalid snapshot: series: expected an object, got an array of 0',
    ],
    [
      'an unknown kind',
      (j) => {
        j.series['^RUT'].kind = 'bond';
      },
      'Invalid snapshot: series["^RUT"].kind: expected one of index, etf, stock, rate, got the string "bond"',
    ],
    [
      'adjusted not boolean',
      (j) => {
        j.series['^RUT'].adjusted = 'yes';
      },
      'series["^RUT"].adjusted: expected a boolean',
    ],
    [
      'a missing name',
      (j) => {
        delete j.series['^RUT'].name;
      },
      'Invalid snapshot: series["^RUT"].name: expected a string, got undefined undefined',
    ],
    [
      'closes shorter than days',
      (j) => {
        j.series['^RUT'].closes.pop();
      },
      'Invalid snapshot: series["^RUT"].closes: expected 4 items, got 3',
    ],
    [
      'a fractional close step',
      (j) => {
        j.series['^RUT'].closes[2] = 1.5;
      },
      'Invalid snapshot: series["^RUT"].closes[2]: expected an integer, got number 1.5',
    ],
    [
      'a negative day step',
      (j) => {
        j.series['^RUT'].days[1] = -1;
      },
      'Invalid snapshot: series["^RUT"].days[1]: expected an integer >= 0, got number -1',
    ],
    [
      'a repeated date',
      (j) => {
        j.series['^RUT'].days[2] = 0;
      },
      'Invalid snapshot: series["^RUT"].days[2]: dates must be strictly ascending (step 0)',
    ],
    [
      'no rows',
      (j) => {
        j.series['^RUT'].days = [];
        j.series['^RUT'].closes = [];
      },
      'Invalid snapshot: series["^RUT"].days: expected at least one row',
    ],
    [
      'too many decimals',
      (j) => {
        j.series['^RUT'].decimals = 11;
      },
      'Invalid snapshot: series["^RUT"].decimals: expected an integer in 0..10, got number 11',
    ],
    [
      'an asOf that is not the last date',
      (j) => {
        j.series['^RUT'].asOf = '1987-09-14';
      },
      'Invalid snapshot: series["^RUT"].asOf: is 1987-09-14 but the last date is 1987-09-15',
    ],
    [
      'a reversed gap',
      (j) => {
        j.series['^RUT'].gaps = [{ from: '1987-09-14', to: '1987-09-11' }];
      },
      'Invalid snapshot: series["^RUT"].gaps[0]: from 1987-09-14 is not before to 1987-09-11',
    ],
    [
      'a date past 9999',
      (j) => {
        j.series['^RUT'].days[3] = 4e6;
      },
      'Invalid snapshot: series["^RUT"].days[3]: runs past the year 9999',
    ],
    [
      'closes that overflow',
      (j) => {
        j.series['^RUT'].closes[3] = Number.MAX_SAFE_INTEGER;
      },
      'Invalid snapshot: series["^RUT"].closes[3]: running sum leaves the safe-integer range',
    ],
    [
      'missing holdings',
      (j) => {
        delete j.holdings;
      },
      'Invalid snapshot: holdings: expected an object, got undefined undefined',
    ],
    [
      'a short holdings column',
      (j) => {
        j.holdings.name.pop();
      },
      'Invalid snapshot: holdings.name: expected 2 items, got 1',
    ],
    [
      'a sector index out of range',
      (j) => {
        j.holdings.sector.index[1] = 7;
      },
      'Invalid snapshot: holdings.sector.index[1]: 7 is past the 2 values',
    ],
    [
      'a negative weight',
      (j) => {
        j.holdings.weight[0] = -5;
      },
      'Invalid snapshot: holdings.weight[0]: expected an integer >= 0, got number -5',
    ],
  ] satisfies [string, (json: MutableJson) => unknown, string][])(
    'rejects %s with a message naming the field',
    (_label, mutate, message) => {
      const input = mutate.length === 0 ? (mutate as () => unknown)() : broken(mutate);
      expect(() => decodeSnapshot(input)).toThrow(message);
    },
  );
});
