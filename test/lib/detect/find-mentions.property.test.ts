/**
 * Properties of `findMentions` on random and adversarial text (fast-check, fixed seed so a CI
 * failure replays): every mention lies in the text, mentions are sorted and do not overlap, the
 * text under a symbol-shaped mention spells its symbol, surrounding whitespace shifts mentions and
 * changes nothing else, and no input (lone surrogates, every plane of Unicode, megabytes) throws.
 * A ratio guard checks that ten times the text costs about ten times the time, side by side in one
 * test (the small-cap back-reference was quadratic: 4.3 s for 0.88 MB).
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../lib/detect/find-mentions';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';
import type { Mention } from '../../../lib/detect/mention';

const dictionary = loadSymbolDictionary();
const SEED = 20_240_312;

/** Pieces that make the detector's rules fire, and pieces that nearly do. */
const TOKENS = [
  '$IWM',
  '$aapl',
  '$BRK.B',
  '$brk.a',
  '$IONQ',
  '$KTOS',
  '$5',
  '$AirBnB',
  '$BTC',
  '$SPX',
  'AAPL',
  'SPY',
  'QQQ',
  'IWM',
  'RUT',
  'RTY',
  'HCA',
  'CEO',
  'US',
  'IT',
  'A',
  'I',
  'NYSE:IBM',
  'NASDAQ: AAPL',
  '(NYSE: KTOS)',
  'AAPL.O',
  'BRKb.N',
  'VOD.L',
  '^RUT',
  '^GSPC',
  'Russell 2000',
  'Russell 3000 Index',
  'the small-cap index',
  'small cap index',
  'S&P 500',
  'Dow',
  'Nasdaq Composite',
  'Standard & Poor',
  'shares of',
  'rose 3%',
  'ticker',
  'and',
  ',',
  '.',
  '/',
  '(',
  ')',
  ':',
  '-',
  "'s",
  'the',
  'stock',
  'fell',
  'Apple',
  'Citigroup',
  'é',
  'Ünïcödé',
  '株式',
  '📈',
  '\u200b',
  '\u00a0',
  '\n',
  '\t',
];

const SEPARATORS = [' ', ' ', ' ', '', '\n', ', ', ' and ', '\u00a0'];

/** Text made of the detector's tokens, separators and a little arbitrary Unicode. */
const tokenText = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...TOKENS) },
      { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

/** Any UTF-16 code units, lone surrogates included. */
const anyUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});

const anyText = fc.oneof(tokenText, anyUnits, fc.string({ unit: 'binary', maxLength: 200 }));

/** Kinds whose text is the symbol itself (with `$` for a cashtag). */
const SYMBOL_SHAPED = new Set(['cashtag', 'exchange', 'bare']);

/** The symbol a symbol-shaped span spells (share class separators as the dictionary writes them). */
function spelled(span: string): string {
  return span.replace(/^\$/, '').toUpperCase().replace(/[/-]/g, '.');
}

/** The first broken invariant, or null (one `expect` per text: megabyte inputs have many mentions). */
function brokenInvariant(text: string, mentions: readonly Mention[]): string | null {
  let previousEnd = 0;
  for (const m of mentions) {
    const span = text.slice(m.start, m.end);
    const at = `${JSON.stringify(span)} ${m.start}-${m.end} ${m.symbol}/${m.kind}`;
    if (!Number.isInteger(m.start) || !Number.isInteger(m.end)) return `offsets: ${at}`;
    if (m.start < previousEnd) return `overlaps or out of order: ${at}`;
    if (m.end <= m.start || m.end > text.length) return `out of bounds: ${at}`;
    previousEnd = m.end;
    if (!/^\^?[A-Z0-9][A-Z0-9.\-^]*$/.test(m.symbol)) return `symbol form: ${at}`;
    if (SYMBOL_SHAPED.has(m.kind)) {
      if (m.kind === 'cashtag' && !span.startsWith('$')) return `cashtag without $: ${at}`;
      // An index cashtag ($SPX) is reported as an index; every other symbol is spelled out.
      if (spelled(span) !== m.symbol) return `span does not spell the symbol: ${at}`;
    }
    if (m.kind === 'index' && !m.symbol.startsWith('^')) return `index without ^: ${at}`;
  }
  return null;
}

function checkInvariants(text: string, mentions: readonly Mention[]): void {
  expect(brokenInvariant(text, mentions)).toBeNull();
}

const RUNS = 1500;

describe('findMentions properties', () => {
  it(`mentions lie in the text, sorted, apart, and spell their symbols (${RUNS} texts)`, () => {
    fc.assert(
      fc.property(anyText, (text) => checkInvariants(text, findMentions(text, dictionary))),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it(`the same with the evidence output (doubtful and against mentions too) (${RUNS} texts)`, () => {
    fc.assert(
      fc.property(tokenText, (text) =>
        checkInvariants(text, findMentions(text, dictionary, { evidence: true })),
      ),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  it(`surrounding whitespace only shifts the mentions (${RUNS} texts)`, () => {
    fc.assert(
      fc.property(
        tokenText,
        fc.constantFrom(' ', '  ', '\n', '\t', ' \n '),
        fc.constantFrom(' ', '\n', '  '),
        (text, before, after) => {
          const plain = findMentions(text, dictionary);
          const padded = findMentions(before + text + after, dictionary).map((m) => ({
            ...m,
            start: m.start - before.length,
            end: m.end - before.length,
          }));
          expect(padded).toEqual(plain);
        },
      ),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });

  it('is deterministic: the same text gives the same mentions', () => {
    fc.assert(
      fc.property(tokenText, (text) => {
        expect(findMentions(text, dictionary)).toEqual(findMentions(text, dictionary));
      }),
      { seed: SEED + 3, numRuns: 300 },
    );
  });

  it('does not throw on huge or degenerate input', () => {
    const inputs = [
      '',
      '$',
      '$'.repeat(200_000),
      'A'.repeat(500_000),
      'A '.repeat(200_000),
      '$A '.repeat(100_000),
      '$IWM, '.repeat(50_000),
      'the small-cap index '.repeat(20_000),
      'Russell '.repeat(50_000),
      '\ud800'.repeat(100_000),
      '\udc00\ud800'.repeat(50_000),
      '📈$AAPL'.repeat(40_000),
    ];
    for (const text of inputs) {
      const mentions = findMentions(text, dictionary);
      checkInvariants(text, mentions);
    }
  });
});

/** Time of one call of `fn`, ms. */
function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** Generated text ending in a back-reference to "the small-cap index". */
function sample(seed: number): string {
  return fc.sample(tokenText, { seed, numRuns: 60 }).join(' ') + ' the small-cap index fell. ';
}

describe('findMentions cost grows linearly', () => {
  // Texts that stress each rule family: the small-cap back-reference without ^RUT (was
  // quadratic), long cashtag lists, runs of capitals, index names and plain prose.
  const chunks = [
    sample(SEED + 10).replace(/\^RUT|Russell 2000|RUT|RTY/g, 'XYZ'),
    'AAPL rose while SPY, QQQ, IWM, HCA and the small-cap index fell; ',
    '$IWM, $KTOS, $IONQ, $AAPL, $BRK.B, $SPY and $QQQ. ',
    'ABC DEF GHI JKL MNO PQR STU VWX YZ ',
    'Shares of Apple Inc. rose 3% on Tuesday after the company said sales grew. ',
  ];

  for (const [n, chunk] of chunks.entries()) {
    it(`10x text costs about 10x time, at most 15x (stress ${n + 1})`, () => {
      const small = chunk.repeat(Math.ceil(20_000 / chunk.length));
      const large = small.repeat(10);
      const tenSmall = (): void => {
        for (let i = 0; i < 10; i++) findMentions(small, dictionary);
      };
      // Warm the JIT on both sizes, then measure side by side, interleaved, and keep the fastest
      // of each: ten calls on the small text against one on the text ten times as long. A linear
      // detector makes them about equal; the quadratic back-reference made the long one ~10x.
      tenSmall();
      findMentions(large, dictionary);
      let bestSmall = Infinity;
      let bestLarge = Infinity;
      for (let run = 0; run < 5; run++) {
        bestSmall = Math.min(bestSmall, time(tenSmall));
        bestLarge = Math.min(
          bestLarge,
          time(() => findMentions(large, dictionary)),
        );
      }
      // Measured: the long text takes 0.9-1.2x the ten short calls (more garbage to collect per
      // call). Allowed: 1.5x, i.e. 10x the text in at most 15x the time of one short call, far
      // below the 100x of a quadratic path; 2 ms for timer resolution.
      expect(bestLarge).toBeLessThanOrEqual(1.5 * bestSmall + 2);
    });
  }
});
