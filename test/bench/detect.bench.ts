/**
 * Scan throughput of findMentions on 1 MB and 10 MB of real-looking text, generated here (not
 * committed) from the labelled corpus and the IWM holdings names, plus the dictionary's decode
 * time. Run with `npx vitest bench --run test/bench/detect.bench.ts`; MB/s = size / mean time.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parseIsharesHoldings } from '../../lib/detect/directory-sources';
import { parseLabelledCorpus } from '../../lib/detect/evaluate';
import { findMentions } from '../../lib/detect/find-mentions';
import { PACKED_SYMBOLS } from '../../lib/detect/generated/symbols';
import { loadCompanyMatcher } from '../../lib/detect/load-company-names';
import { loadSymbolDictionary } from '../../lib/detect/load-dictionary';
import { decodeSymbolDictionary } from '../../lib/detect/symbol-dictionary';

const corpus = parseLabelledCorpus(
  readFileSync(new URL('../fixtures/mentions/mentions-dev.jsonl', import.meta.url), 'utf8'),
).map((item) => item.text);
/** iShares writes names in capitals; news prose writes them in title case ("Bloom Energy Corp"). */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

const holdings = parseIsharesHoldings(
  readFileSync(
    new URL('../../lib/detect/sources/IWM_holdings_2026-05-05.csv', import.meta.url),
    'utf8',
  ),
);

/** Deterministic PRNG (mulberry32) so every run scans the same text. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEMPLATES = [
  (n: string, t: string, p: number) =>
    `${n} (${t}) shares rose ${p}% after the company raised its outlook.`,
  (n: string, t: string, p: number) =>
    `Analysts at a regional broker cut their target on ${n}, and ${t} fell ${p}% in afternoon trade.`,
  (n: string, t: string) => `${n} (NASDAQ: ${t}) announced quarterly results on Tuesday.`,
  (n: string, t: string) =>
    `Traders piled into $${t} ahead of the earnings call; ${n} reports after the bell.`,
  (n: string, _t: string, p: number) =>
    `The small-cap Russell 2000 slipped ${p / 10}% while ${n} was little changed.`,
  (n: string) =>
    `Shares of ${n} have lagged the S&P 500 and the Nasdaq Composite so far this year.`,
];

/** Builds about `bytes` of text: corpus items and holdings sentences, shuffled, joined by newlines. */
function buildText(bytes: number, seed: number): string {
  const next = rng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    let piece: string;
    if (next() < 0.5) {
      piece = corpus[Math.floor(next() * corpus.length)] ?? '';
    } else {
      const h = holdings[Math.floor(next() * holdings.length)];
      const template = TEMPLATES[Math.floor(next() * TEMPLATES.length)];
      piece =
        h && template ? template(titleCase(h.name), h.ticker, 1 + Math.floor(next() * 9)) : '';
    }
    parts.push(piece);
    size += piece.length + 1;
  }
  return parts.join('\n');
}

const oneMb = buildText(1 << 20, 1);
const tenMb = buildText(10 << 20, 2);
const dictionary = loadSymbolDictionary();
const companies = loadCompanyMatcher();

/** Prints a throughput line; Tinybench latencies are in milliseconds. */
function report(label: string, chars: number, p50: number, mean: number): void {
  const mb = chars / (1 << 20);
  process.stdout.write(
    `detect bench: ${label}: ${mb.toFixed(1)} M chars, median ${p50.toFixed(1)} ms ` +
      `(${(mb / (p50 / 1000)).toFixed(0)} MB/s), mean ${mean.toFixed(1)} ms\n`,
  );
}

test('findMentions throughput on 1 MB and 10 MB', async ({ bench }) => {
  expect(findMentions(oneMb, dictionary).length).toBeGreaterThan(1000);
  const one = await bench('1 MB', () => {
    findMentions(oneMb, dictionary);
  }).run({ time: 2000, warmupIterations: 5 });
  report('1 MB', oneMb.length, one.latency.p50, one.latency.mean);
  const ten = await bench('10 MB', () => {
    findMentions(tenMb, dictionary);
  }).run({ iterations: 8, time: 0, warmupIterations: 1 });
  report('10 MB', tenMb.length, ten.latency.p50, ten.latency.mean);
  const co = await bench('1 MB, company names on', () => {
    findMentions(oneMb, dictionary, { companies });
  }).run({ time: 2000, warmupIterations: 3 });
  report('1 MB with company names', oneMb.length, co.latency.p50, co.latency.mean);
});

test('symbol dictionary decode', async ({ bench }) => {
  const result = await bench('decodeSymbolDictionary', () => {
    decodeSymbolDictionary(PACKED_SYMBOLS);
  }).run({ time: 1000 });
  process.stdout.write(
    `detect bench: decode ${PACKED_SYMBOLS.length} chars: median ${result.latency.p50.toFixed(2)} ms\n`,
  );
});
