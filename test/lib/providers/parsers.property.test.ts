import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../../lib/providers/provider-error';
import type { ProviderSeries } from '../../../lib/providers/provider-types';
import { parseStooqCsv } from '../../../lib/providers/stooq-csv';
import { parseTwelveData, parseTwelveDataText } from '../../../lib/providers/twelve-data';
import { parseYahooChart, parseYahooChartText } from '../../../lib/providers/yahoo-chart';
import { fixtureText, yahooBody } from './fixture';
import {
  HOSTILE_VALUES,
  csvMutations,
  jsonMutations,
  mutateCsv,
  mutateJson,
  mutateText,
  textMutations,
} from './mutations';

/**
 * Every provider parser on mutated real answers (test/fixtures/providers): whatever the mutation,
 * a parser returns a valid series or throws its own ProviderError, never anything else. Validity
 * is checked here by a second, straightforward implementation, not by the parser's own check.
 * The seed is fixed so CI runs the same cases every time; `RUNS` says how many.
 */
export const RUNS = {
  yahooJson: 2000,
  yahooText: 500,
  yahooOneBar: 300,
  stooqCsv: 2000,
  stooqOneCell: 300,
  twelveJson: 1000,
  twelveText: 300,
} as const;

const SEED = 20_261_123;

const YAHOO_DIR = fileURLToPath(new URL('../../fixtures/providers/yahoo-chart/', import.meta.url));
/** Every recorded and derived chart answer but the 3303-bar TSLA history (too slow to clone thousands of times). */
const YAHOO_FIXTURES = readdirSync(YAHOO_DIR)
  .filter((f) => f.endsWith('.json') && !f.includes('TSLA'))
  .toSorted();
const YAHOO_BODIES = YAHOO_FIXTURES.map((f) => yahooBody(f));
const STOOQ_TEXTS = ['stooq/spy.us.csv', 'stooq/qqq.us.csv', 'stooq/spy.us.bulk-tail.txt'].map(
  fixtureText,
);
const TWELVE_TEXT = fixtureText('twelvedata/AAPL-time_series.json');
const TWELVE_BODY = JSON.parse(TWELVE_TEXT) as unknown;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function realDate(d: unknown): boolean {
  if (typeof d !== 'string' || !ISO.test(d)) return false;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

const positive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;
const priceOrNull = (x: unknown) => x === null || positive(x);

/** The second implementation of "a valid series": returns what is wrong, or `null`. */
function invalid(s: ProviderSeries): string | null {
  if (!Array.isArray(s.bars) || s.bars.length === 0) return 'no bars';
  let prev = '';
  for (const b of s.bars) {
    if (!realDate(b.date)) return `date ${String(b.date)}`;
    if (!(b.date > prev)) return `order at ${b.date}`;
    prev = b.date;
    if (b.close === null && b.adjClose === null) return `no close on ${b.date}`;
    for (const x of [b.open, b.high, b.low, b.close, b.adjClose]) {
      if (!priceOrNull(x)) return `price ${String(x)} on ${b.date}`;
    }
    if (b.volume !== null && !(Number.isFinite(b.volume) && b.volume >= 0)) {
      return `volume ${b.volume} on ${b.date}`;
    }
  }
  for (const d of s.dividends) if (!positive(d.amount) || !realDate(d.date)) return 'dividend';
  for (const x of s.splits) {
    if (!positive(x.numerator) || !positive(x.denominator) || !realDate(x.date)) return 'split';
  }
  if (!priceOrNull(s.meta.regularMarketPrice)) return 'market price';
  const t = s.meta.regularMarketTime;
  if (t !== null && !Number.isFinite(t)) return 'market time';
  if (!s.badPrints.every(realDate)) return 'bad-print dates';
  return null;
}

/** What a parser did with one input: `ok`, the ProviderError kind, or the foreign throw itself. */
function outcome(parse: () => ProviderSeries): string {
  try {
    const s = parse();
    const problem = invalid(s);
    return problem === null ? 'ok' : `INVALID SERIES: ${problem}`;
  } catch (error) {
    if (error instanceof ProviderError) return error.kind;
    return `FOREIGN THROW: ${String(error)}`;
  }
}

const typedOrValid = (o: string) => !o.startsWith('INVALID') && !o.startsWith('FOREIGN');

function check<T>(arb: fc.Arbitrary<T>, runs: number, parse: (input: T) => ProviderSeries) {
  const seen = new Map<string, number>();
  fc.assert(
    fc.property(arb, (input) => {
      const o = outcome(() => parse(input));
      seen.set(o, (seen.get(o) ?? 0) + 1);
      return typedOrValid(o);
    }),
    { numRuns: runs, seed: SEED },
  );
  return seen;
}

describe('provider parsers on mutated real answers', () => {
  it('the unmutated fixtures parse to valid series or their documented errors', () => {
    const kinds = YAHOO_BODIES.map((b) => outcome(() => parseYahooChart(b, 'X')));
    expect(kinds.filter((k) => k === 'ok')).toHaveLength(YAHOO_FIXTURES.length - 2);
    expect(kinds.filter((k) => k !== 'ok').toSorted()).toEqual(['empty', 'unknown-symbol']);
    expect(STOOQ_TEXTS.map((t) => outcome(() => parseStooqCsv(t, 'SPY')))).toEqual([
      'ok',
      'ok',
      'ok',
    ]);
    expect(outcome(() => parseTwelveDataText(TWELVE_TEXT, 'AAPL'))).toBe('ok');
  });

  it(`Yahoo chart, decoded body: ${RUNS.yahooJson} cases`, () => {
    const arb = fc.tuple(fc.nat({ max: YAHOO_BODIES.length - 1 }), jsonMutations);
    const seen = check(arb, RUNS.yahooJson, ([i, m]) =>
      parseYahooChart(mutateJson(YAHOO_BODIES[i], m), 'X'),
    );
    // The mutations reach both sides: many answers still parse, many are refused.
    expect(seen.get('ok')).toBeGreaterThan(RUNS.yahooJson / 10);
    expect(seen.get('malformed')).toBeGreaterThan(RUNS.yahooJson / 10);
  });

  it(`Yahoo chart, raw text: ${RUNS.yahooText} cases`, () => {
    const texts = YAHOO_BODIES.map((b) => JSON.stringify(b));
    const arb = fc.tuple(fc.nat({ max: texts.length - 1 }), textMutations);
    check(arb, RUNS.yahooText, ([i, m]) =>
      parseYahooChartText(mutateText(texts[i] as string, m), 'X'),
    );
  });

  it(`Yahoo chart, one hostile value in one bar costs at most that bar: ${RUNS.yahooOneBar} cases`, () => {
    type Chart = {
      chart: {
        result: {
          timestamp: number[];
          indicators: {
            quote: Record<string, (number | null)[]>[];
            adjclose: { adjclose: (number | null)[] }[];
          };
        }[];
      };
    };
    const base = yahooBody('derived-IWM-2025-02-to-2026-02-20.json') as Chart;
    const clean = parseYahooChart(base, 'IWM');
    const n = clean.bars.length;
    const arb = fc.record({
      row: fc.nat({ max: n - 1 }),
      column: fc.constantFrom('open', 'high', 'low', 'close', 'volume', 'adjclose'),
      // Any number JSON can carry (1e999 decodes to Infinity; NaN cannot come from JSON, and the
      // schema refuses it as malformed, which the decoded-body property above covers).
      value: fc.constantFrom(
        ...HOSTILE_VALUES.filter((v) => (typeof v === 'number' && !Number.isNaN(v)) || v === null),
      ),
    });
    fc.assert(
      fc.property(arb, ({ row, column, value }) => {
        const body = structuredClone(base);
        const r = body.chart.result[0]!;
        const col =
          column === 'adjclose'
            ? r.indicators.adjclose[0]!.adjclose
            : r.indicators.quote[0]![column]!;
        col[row] = value as number | null;
        const s = parseYahooChart(body, 'IWM');
        const kept = new Set(s.bars.map((b) => b.date));
        // Every other bar is there, unchanged.
        return (
          invalid(s) === null &&
          clean.bars.every(
            (b, i) =>
              i === row ||
              (kept.has(b.date) && s.bars.find((x) => x.date === b.date)?.adjClose === b.adjClose),
          )
        );
      }),
      { numRuns: RUNS.yahooOneBar, seed: SEED },
    );
  });

  it(`Stooq CSV: ${RUNS.stooqCsv} cases`, () => {
    const arb = fc.tuple(fc.nat({ max: STOOQ_TEXTS.length - 1 }), csvMutations);
    const seen = check(arb, RUNS.stooqCsv, ([i, m]) =>
      parseStooqCsv(mutateCsv(STOOQ_TEXTS[i] as string, m), 'SPY'),
    );
    expect(seen.get('ok')).toBeGreaterThan(RUNS.stooqCsv / 10);
    expect(seen.get('malformed')).toBeGreaterThan(RUNS.stooqCsv / 20);
  });

  it(`Stooq CSV, one hostile cell in one row costs at most that row: ${RUNS.stooqOneCell} cases`, () => {
    const text = STOOQ_TEXTS[0] as string;
    const lines = text.split('\r\n').filter((l) => l !== '');
    const clean = parseStooqCsv(text, 'SPY');
    const arb = fc.record({
      row: fc.integer({ min: 1, max: lines.length - 1 }),
      cell: fc.integer({ min: 1, max: 5 }), // not the date
      value: fc.constantFrom('', 'N/D', '-1', '0', '1e999', 'Infinity', 'NaN', '1e300', 'abc'),
    });
    fc.assert(
      fc.property(arb, ({ row, cell, value }) => {
        const copy = [...lines];
        const cells = (copy[row] as string).split(',');
        cells[cell] = value;
        copy[row] = cells.join(',');
        const s = parseStooqCsv(copy.join('\r\n'), 'SPY');
        const dropped = clean.bars.filter((b) => !s.bars.some((x) => x.date === b.date));
        return invalid(s) === null && dropped.length <= 1;
      }),
      { numRuns: RUNS.stooqOneCell, seed: SEED },
    );
  });

  it(`Twelve Data, decoded body: ${RUNS.twelveJson} cases`, () => {
    const seen = check(jsonMutations, RUNS.twelveJson, (m) =>
      parseTwelveData(mutateJson(TWELVE_BODY, m), 'AAPL'),
    );
    expect(seen.get('ok')).toBeGreaterThan(RUNS.twelveJson / 10);
  });

  it(`Twelve Data, raw text: ${RUNS.twelveText} cases`, () => {
    check(textMutations, RUNS.twelveText, (m) =>
      parseTwelveDataText(mutateText(TWELVE_TEXT, m), 'AAPL'),
    );
  });
});

function aaplBody() {
  return structuredClone(yahooBody('chart-AAPL-2020-08-31-to-2020-11-07.json')) as {
    chart: { result: { timestamp: number[]; meta: Record<string, unknown> }[] };
  };
}

describe('the bad timestamps of issue 12, as single cases', () => {
  it.each([1e20, -1e13, Infinity])('a timestamp of %s is malformed, not a RangeError', (t) => {
    const b = aaplBody();
    b.chart.result[0]!.timestamp[5] = t;
    expect(outcome(() => parseYahooChart(b, 'AAPL'))).toBe('malformed');
  });

  it('1e999 in the raw text is malformed', () => {
    const text = JSON.stringify(aaplBody()).replace(/"timestamp":\[\d+/, '"timestamp":[1e999');
    expect(outcome(() => parseYahooChartText(text, 'AAPL'))).toBe('malformed');
  });

  it('a gmtoffset of a thousand years is malformed', () => {
    const b = aaplBody();
    b.chart.result[0]!.meta.gmtoffset = 86_400 * 365 * 1000;
    b.chart.result[0]!.meta.exchangeTimezoneName = null;
    expect(outcome(() => parseYahooChart(b, 'AAPL'))).toBe('malformed');
  });
});
