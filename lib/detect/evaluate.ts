import { MENTION_KINDS, type Mention, type MentionKind } from './mention';

/** One labelled corpus item (test/fixtures/mentions/*.jsonl). */
export interface LabelledItem {
  id: string;
  source?: string;
  text: string;
  mentions: (Mention & { text?: string })[];
}

/** Counts and the derived precision and recall (NaN when undefined: no predictions / no gold). */
export interface Score {
  truePositives: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
}

/** A miss or a false alarm, for reading the errors. */
export interface ScoreError {
  id: string;
  type: 'false-positive' | 'false-negative';
  mention: Mention;
  text: string;
}

/** Scores per kind, over a group of kinds, and the errors. */
export interface Evaluation {
  byKind: Record<MentionKind, Score>;
  /** cashtag, exchange, ric, bare and index together (the issue's target). */
  core: Score;
  errors: ScoreError[];
}

/** The kinds the main accuracy target is measured over. */
export const CORE_KINDS: readonly MentionKind[] = ['cashtag', 'exchange', 'ric', 'bare', 'index'];

function score(tp: number, predicted: number, gold: number): Score {
  return {
    truePositives: tp,
    predicted,
    gold,
    precision: predicted === 0 ? NaN : tp / predicted,
    recall: gold === 0 ? NaN : tp / gold,
  };
}

const key = (m: Mention) => `${m.start}:${m.end}:${m.symbol}:${m.kind}`;

/**
 * Compares predictions with gold labels item by item. A prediction is correct only when start,
 * end, symbol and kind all match a gold mention. Kinds in `ignoredKinds` are dropped from both
 * sides (e.g. `company` when company names are not being evaluated).
 */
export function evaluate(
  items: readonly LabelledItem[],
  predict: (text: string) => Mention[],
  ignoredKinds: readonly MentionKind[] = [],
): Evaluation {
  const tp: Record<string, number> = {};
  const pred: Record<string, number> = {};
  const gold: Record<string, number> = {};
  const errors: ScoreError[] = [];
  for (const item of items) {
    const goldList = item.mentions.filter((m) => !ignoredKinds.includes(m.kind));
    const predList = predict(item.text).filter((m) => !ignoredKinds.includes(m.kind));
    const goldKeys = new Set(goldList.map(key));
    const predKeys = new Set(predList.map(key));
    for (const m of predList) {
      pred[m.kind] = (pred[m.kind] ?? 0) + 1;
      if (goldKeys.has(key(m))) tp[m.kind] = (tp[m.kind] ?? 0) + 1;
      else
        errors.push({
          id: item.id,
          type: 'false-positive',
          mention: m,
          text: item.text.slice(m.start, m.end),
        });
    }
    for (const m of goldList) {
      gold[m.kind] = (gold[m.kind] ?? 0) + 1;
      if (!predKeys.has(key(m))) {
        const { start, end, symbol, kind } = m;
        errors.push({
          id: item.id,
          type: 'false-negative',
          mention: { start, end, symbol, kind },
          text: item.text.slice(start, end),
        });
      }
    }
  }
  const byKind = Object.fromEntries(
    MENTION_KINDS.map((k) => [k, score(tp[k] ?? 0, pred[k] ?? 0, gold[k] ?? 0)]),
  ) as Record<MentionKind, Score>;
  const sum = (f: (s: Score) => number) => CORE_KINDS.reduce((acc, k) => acc + f(byKind[k]), 0);
  return {
    byKind,
    core: score(
      sum((s) => s.truePositives),
      sum((s) => s.predicted),
      sum((s) => s.gold),
    ),
    errors,
  };
}

/** Parses a JSON-lines corpus. */
export function parseLabelledCorpus(jsonl: string): LabelledItem[] {
  return jsonl
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LabelledItem);
}

/**
 * Splits the corpus by line number into the half the rules were tuned on (even lines) and the
 * held-out half (odd lines). Items are stratified by source in file order, so both halves mix
 * all sources.
 */
export function splitCorpus(items: readonly LabelledItem[]): {
  tune: LabelledItem[];
  heldOut: LabelledItem[];
} {
  return {
    tune: items.filter((_, i) => i % 2 === 0),
    heldOut: items.filter((_, i) => i % 2 === 1),
  };
}
