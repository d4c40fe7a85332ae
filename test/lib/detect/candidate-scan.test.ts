import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIsharesHoldings } from '../../../lib/detect/directory-sources';
import { parseLabelledCorpus } from '../../../lib/detect/evaluate';
import { findMentions } from '../../../lib/detect/find-mentions';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';

const dictionary = loadSymbolDictionary();
const corpus = parseLabelledCorpus(
  readFileSync(new URL('../../fixtures/mentions/mentions-dev.jsonl', import.meta.url), 'utf8'),
).map((item) => item.text);
const holdings = parseIsharesHoldings(
  readFileSync(
    new URL('../../../lib/detect/sources/IWM_holdings_2026-05-05.csv', import.meta.url),
    'utf8',
  ),
);

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Both scans must agree: the candidate scan only skips words where no rule can start. */
function expectSameBothWays(text: string): void {
  const fast = findMentions(text, dictionary);
  const reference = findMentions(text, dictionary, { everyWord: true });
  expect(fast).toEqual(reference);
  // With evidence too: doubtful and against mentions start at the same kinds of words.
  expect(findMentions(text, dictionary, { evidence: true })).toEqual(
    findMentions(text, dictionary, { evidence: true, everyWord: true }),
  );
}

describe('the candidate scan (company names off)', () => {
  it('finds exactly what running the rules at every word finds, on every corpus item', () => {
    for (const text of corpus) expectSameBothWays(text);
    // And on the corpus as one text, where list and back-reference rules see more context.
    expectSameBothWays(corpus.join('\n'));
  });

  it('agrees on text built from Russell 2000 holdings in ticker contexts', () => {
    const next = rng(5);
    const parts: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const h = holdings[Math.floor(next() * holdings.length)]!;
      const forms = [
        `${h.name} (${h.ticker}) rose ${Math.floor(next() * 9)}%.`,
        `(NASDAQ: ${h.ticker})`,
        `$${h.ticker.toLowerCase()} and $${h.ticker}`,
        `<${h.ticker}.N> ${h.ticker}.OQ ${h.ticker}b.N`,
        `shares of ${h.ticker}, ${h.ticker} and IWM`,
        `The Russell 2000 and the small-cap index; S&P 500, Nasdaq, the Dow.`,
        `${h.name.toUpperCase()} ${h.ticker}-based ${h.ticker}_X ${h.ticker}:US`,
      ];
      parts.push(forms[i % forms.length]!);
    }
    expectSameBothWays(parts.join(' '));
  });

  it('agrees on random text dense in capitals, digits, dollars and punctuation', () => {
    const next = rng(9);
    const alphabet = 'AAAABBCDEFGIKMNOPRSTUVWXYZabcdeilmnorstu$$.:&-_/()<>#@ \n0123456789éÉ';
    const words = [
      'Russell',
      'Standard',
      "Poor's",
      'Nasdaq',
      'NasdaqGS',
      'Dow',
      'Jones',
      'Amex',
      'Cboe',
      'small-cap',
      'smallcap',
      'index',
      'S&P',
      '500',
      '2000',
      'NYSE',
      'shares',
      'of',
      'fell',
      '2%',
    ];
    for (let round = 0; round < 200; round++) {
      let text = '';
      const length = 50 + Math.floor(next() * 400);
      while (text.length < length) {
        if (next() < 0.3) text += `${words[Math.floor(next() * words.length)]!} `;
        else text += alphabet[Math.floor(next() * alphabet.length)]!;
      }
      expectSameBothWays(text);
    }
  });
});
