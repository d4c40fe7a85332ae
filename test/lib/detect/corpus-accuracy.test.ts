import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, parseLabelledCorpus, splitCorpus } from '../../../lib/detect/evaluate';
import { findMentions } from '../../../lib/detect/find-mentions';
import { loadCompanyMatcher } from '../../../lib/detect/load-company-names';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';

const items = parseLabelledCorpus(
  readFileSync(new URL('../../fixtures/mentions/mentions-dev.jsonl', import.meta.url), 'utf8'),
);
const dictionary = loadSymbolDictionary();

describe('accuracy on the labelled corpus (test/fixtures/mentions)', () => {
  it('meets the targets over cashtag, exchange, ric, bare and index on each half', () => {
    const { tune, heldOut } = splitCorpus(items);
    for (const half of [tune, heldOut]) {
      const { core } = evaluate(half, (text) => findMentions(text, dictionary));
      expect(core.precision).toBeGreaterThanOrEqual(0.97);
      expect(core.recall).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('keeps company-name precision at or above 0.95 on the whole corpus when enabled', () => {
    const companies = loadCompanyMatcher();
    const { byKind } = evaluate(items, (text) => findMentions(text, dictionary, { companies }));
    expect(byKind.company.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('agrees with the gold offsets: every gold span slices to its text', () => {
    for (const item of items) {
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
