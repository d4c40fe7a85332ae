import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acceptInDocument } from '../../../lib/detect/document-evidence';
import { evaluate, parseLabelledCorpus, splitCorpus } from '../../../lib/detect/evaluate';
import { findMentions, type FindMentionsOptions } from '../../../lib/detect/find-mentions';
import { loadCompanyMatcher } from '../../../lib/detect/load-company-names';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';

const items = parseLabelledCorpus(
  readFileSync(new URL('../../fixtures/mentions/mentions-dev.jsonl', import.meta.url), 'utf8'),
);
const second = parseLabelledCorpus(
  readFileSync(new URL('../../fixtures/mentions/second-set.jsonl', import.meta.url), 'utf8'),
);
const dictionary = loadSymbolDictionary();

/** What a page shows for one text: findMentions with evidence, decided over the text. */
const shown =
  (options: FindMentionsOptions = {}) =>
  (text: string) =>
    acceptInDocument(findMentions(text, dictionary, { ...options, evidence: true }));

describe('accuracy on the labelled corpus (test/fixtures/mentions)', () => {
  it('meets the targets over cashtag, exchange, ric, bare and index on each half', () => {
    const { tune, heldOut } = splitCorpus(items);
    for (const half of [tune, heldOut]) {
      const { core } = evaluate(half, shown());
      expect(core.precision).toBeGreaterThanOrEqual(0.97);
      expect(core.recall).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('finds one mention more with the document evidence ("LBSR ..." confirmed by "$LBSR")', () => {
    const alone = evaluate(items, (text) => findMentions(text, dictionary));
    expect(alone.core).toMatchObject({ truePositives: 328, predicted: 329, gold: 333 });
    expect(evaluate(items, shown()).core).toMatchObject({
      truePositives: 329,
      predicted: 330,
      gold: 333,
    });
  });

  it('keeps company-name precision at or above 0.95 on the whole corpus when enabled', () => {
    const companies = loadCompanyMatcher();
    const { byKind } = evaluate(items, shown({ companies }));
    expect(byKind.company.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('agrees with the gold offsets: every gold span slices to its text', () => {
    for (const item of items) {
      for (const m of item.mentions) expect(item.text.slice(m.start, m.end)).toBe(m.text);
    }
  });
});

describe('accuracy on the second evaluation set (test/fixtures/mentions/second-set.jsonl)', () => {
  it('keeps core precision and recall at the issue targets on the whole set', () => {
    const { core } = evaluate(second, shown());
    expect(core.precision).toBeGreaterThanOrEqual(0.985);
    expect(core.recall).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps company names at the issue targets on the whole set when enabled', () => {
    const { byKind } = evaluate(second, shown({ companies: loadCompanyMatcher() }));
    expect(byKind.company.precision).toBeGreaterThanOrEqual(0.97);
    expect(byKind.company.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('agrees with the gold offsets: every gold span slices to its text', () => {
    for (const item of second) {
      for (const m of item.mentions) expect(item.text.slice(m.start, m.end)).toBe(m.text);
    }
  });
});

describe('evaluate', () => {
  it('counts a prediction only when span, symbol and kind all match', () => {
    const gold = [
      {
        id: 'x',
        text: '$AAPL and IWM',
        mentions: [
          { start: 0, end: 5, symbol: 'AAPL', kind: 'cashtag' as const },
          { start: 10, end: 13, symbol: 'IWM', kind: 'bare' as const },
        ],
      },
    ];
    const ev = evaluate(gold, () => [
      { start: 0, end: 5, symbol: 'AAPL', kind: 'cashtag' },
      { start: 10, end: 13, symbol: 'IWM', kind: 'index' },
    ]);
    expect(ev.byKind.cashtag).toMatchObject({ truePositives: 1, precision: 1, recall: 1 });
    expect(ev.byKind.bare).toMatchObject({ truePositives: 0, predicted: 0, gold: 1, recall: 0 });
    expect(ev.core).toMatchObject({ truePositives: 1, predicted: 2, gold: 2 });
  });
});
