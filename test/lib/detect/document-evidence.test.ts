import { describe, expect, it } from 'vitest';
import {
  acceptInDocument,
  decideDocument,
  decideStrength,
  DocumentEvidence,
  type EvidenceCandidate,
} from '../../../lib/detect/document-evidence';
import { findMentions } from '../../../lib/detect/find-mentions';
import { loadCompanyMatcher } from '../../../lib/detect/load-company-names';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';
import type { Mention } from '../../../lib/detect/mention';

const dictionary = loadSymbolDictionary();

const c = (id: number, symbol: string, strength: EvidenceCandidate['strength']) => ({
  id,
  symbol,
  strength,
});

describe('decideStrength', () => {
  it('accepts strong always, plain unless only against, doubtful only with strong, against never', () => {
    expect([0, 1].map((s) => decideStrength('strong', s, 1))).toEqual([true, true]);
    expect(decideStrength('plain', 0, 0)).toBe(true);
    expect(decideStrength('plain', 0, 2)).toBe(false);
    expect(decideStrength('plain', 1, 2)).toBe(true);
    expect(decideStrength('doubtful', 0, 0)).toBe(false);
    expect(decideStrength('doubtful', 1, 0)).toBe(true);
    expect(decideStrength('against', 5, 0)).toBe(false);
  });
});

describe('DocumentEvidence', () => {
  it('promotes an earlier doubtful mention when a later chunk names the symbol strongly', () => {
    const doc = new DocumentEvidence();
    expect(doc.add(1, [c(10, 'PSA', 'doubtful'), c(11, 'KTOS', 'plain')])).toEqual({
      accepted: [11],
      withdrawn: [],
    });
    expect(doc.isAccepted(10)).toBe(false);
    const change = doc.add(2, [c(20, 'PSA', 'strong')]);
    expect(change.accepted.toSorted()).toEqual([10, 20]);
    expect(change.withdrawn).toEqual([]);
    expect(doc.isAccepted(10)).toBe(true);
  });

  it('withdraws a plain mention when later text says the letters mean something else', () => {
    const doc = new DocumentEvidence();
    doc.add('intro', [c(1, 'MTN', 'plain')]);
    expect(doc.isAccepted(1)).toBe(true);
    expect(doc.add('body', [c(2, 'MTN', 'against')])).toEqual({ accepted: [], withdrawn: [1] });
    expect(doc.isAccepted(1)).toBe(false);
    // A strong mention of the symbol settles it the other way.
    expect(doc.add('links', [c(3, 'MTN', 'strong')])).toEqual({ accepted: [1, 3], withdrawn: [] });
  });

  it('undoes promotions and withdrawals when the deciding chunk is forgotten', () => {
    const doc = new DocumentEvidence();
    doc.add(1, [c(1, 'ABI', 'doubtful'), c(2, 'ETR', 'plain')]);
    doc.add(2, [c(3, 'ABI', 'strong'), c(4, 'ETR', 'against')]);
    expect([1, 2].map((id) => doc.isAccepted(id))).toEqual([true, false]);
    expect(doc.forget(2)).toEqual({ accepted: [2], withdrawn: [1] });
    expect(doc.forget(2)).toEqual({ accepted: [], withdrawn: [] });
    expect(doc.forget('never added')).toEqual({ accepted: [], withdrawn: [] });
  });

  it('replaces a re-scanned chunk without reporting its old ids', () => {
    const doc = new DocumentEvidence();
    doc.add(1, [c(1, 'NOC', 'doubtful')]);
    doc.add(2, [c(2, 'NOC', 'strong')]);
    expect(doc.isAccepted(1)).toBe(true);
    // Chunk 2 changed: the cashtag is gone, so the doubtful mention of chunk 1 is withdrawn.
    expect(doc.add(2, [c(5, 'LMT', 'strong')])).toEqual({ accepted: [5], withdrawn: [1] });
    expect(doc.isAccepted(2)).toBe(false);
  });

  it('decides the same whatever order the chunks arrive in, as the batch reference does', () => {
    const chunks: EvidenceCandidate[][] = [
      [c(1, 'PSA', 'doubtful'), c(2, 'KTOS', 'plain')],
      [c(3, 'KTOS', 'against'), c(4, 'ETR', 'plain')],
      [c(5, 'PSA', 'strong')],
      [c(6, 'ETR', 'against'), c(7, 'AI', 'doubtful')],
      [c(8, 'KTOS', 'strong'), c(9, 'NOC', 'doubtful')],
    ];
    const expected = decideDocument(chunks);
    expect([...expected].toSorted((a, b) => a - b)).toEqual([1, 2, 5, 8]);
    const orders = [
      [0, 1, 2, 3, 4],
      [4, 3, 2, 1, 0],
      [2, 0, 4, 1, 3],
      [3, 4, 0, 2, 1],
    ];
    for (const order of orders) {
      const doc = new DocumentEvidence();
      const shown = new Set<number>();
      for (const k of order) {
        const change = doc.add(k, chunks[k]!);
        for (const id of change.withdrawn) shown.delete(id);
        for (const id of change.accepted) shown.add(id);
      }
      // What the caller drew from the changes is exactly the batch decision.
      expect([...shown].toSorted((a, b) => a - b)).toEqual([1, 2, 5, 8]);
      for (let id = 1; id <= 9; id++) expect(doc.isAccepted(id)).toBe(expected.has(id));
    }
  });

  it('keeps memory bounded: past maxChunks the oldest chunk is sealed, its evidence kept', () => {
    const doc = new DocumentEvidence({ maxChunks: 3 });
    doc.add(0, [c(100, 'PSA', 'strong')]);
    for (let k = 1; k <= 50; k++) doc.add(k, [c(k, 'PSA', 'doubtful')]);
    expect(doc.openChunks).toBe(3);
    // Sealed chunks: their doubtful ids are no longer tracked, forgetting them does nothing...
    expect(doc.isAccepted(10)).toBe(false);
    expect(doc.forget(0)).toEqual({ accepted: [], withdrawn: [] });
    // ...and the sealed cashtag still counts for every new chunk.
    expect(doc.add(51, [c(51, 'PSA', 'doubtful')])).toEqual({ accepted: [51], withdrawn: [] });
  });
});

/** What a page shows for one text, as `text=SYMBOL/kind`. */
const shown = (text: string, companies = false): string[] =>
  acceptInDocument(
    findMentions(text, dictionary, {
      evidence: true,
      ...(companies ? { companies: loadCompanyMatcher() } : {}),
    }),
  ).map((m: Mention) => `${text.slice(m.start, m.end)}=${m.symbol}/${m.kind}`);

describe('findMentions with evidence, decided over the document', () => {
  it('tags every mention with a strength and returns doubtful and against ones', () => {
    const text =
      'Northrop ($NOC) won the bid. NOC looks cheap; the Italian bankers group ABI (ABI.MI) did not comment.';
    expect(
      findMentions(text, dictionary, { evidence: true }).map(
        (m) => `${text.slice(m.start, m.end)}/${m.kind}/${m.strength}`,
      ),
    ).toEqual(['$NOC/cashtag/strong', 'NOC/bare/doubtful', 'ABI/bare/against']);
  });

  it('shows a word-like symbol the same text names with a cashtag, not one it does not', () => {
    expect(shown('Loading up on $PSA here. PSA has the best storage portfolio.')).toEqual([
      '$PSA=PSA/cashtag',
      'PSA=PSA/bare',
    ]);
    expect(shown('PSA: the office closes early on Friday.')).toEqual([]);
  });

  it('withdraws a bare symbol the same text shows to be a foreign company', () => {
    expect(
      shown('MTN expanded its fibre network. Telecom group MTN <MTNJ.J> said profit rose.'),
    ).toEqual([]);
    expect(shown('MTN expanded its ski resorts.')).toEqual(['MTN=MTN/bare']);
  });

  it('confirms a company short name that needs context when the text names the company', () => {
    const text = 'Target (TGT) cut prices again. Analysts expect Target to gain market share.';
    expect(shown(text, true)).toEqual(['Target=TGT/company', 'TGT=TGT/bare', 'Target=TGT/company']);
    expect(shown('Analysts expect Target to gain market share.', true)).toEqual([]);
  });
});
