/**
 * `npm run eval:detect [-- --errors] [-- --companies] [-- --alone]`: precision and recall of the
 * shipped detector per kind and over the core kinds, on the development corpus (whole, tune and
 * held-out halves) and on the second evaluation set (test/fixtures/mentions/second-set.jsonl, built
 * from other text; never used to write rules). Each item is one document: `findMentions` with
 * evidence, then `acceptInDocument` (what a page shows); `--alone` scores `findMentions` without
 * the document's evidence. `--errors` lists the errors of the development corpus's tune half only.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CORE_KINDS,
  evaluate,
  parseLabelledCorpus,
  splitCorpus,
  type Evaluation,
  type LabelledItem,
  type Score,
} from './evaluate';
import { acceptInDocument } from './document-evidence';
import { findMentions, type FindMentionsOptions } from './find-mentions';
import { loadSymbolDictionary } from './load-dictionary';
import { MENTION_KINDS } from './mention';
import { loadCompanyMatcher } from './load-company-names';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', '..', 'test', 'fixtures', 'mentions');
const corpusPath = join(fixtures, 'mentions-dev.jsonl');
const secondSetPath = join(fixtures, 'second-set.jsonl');

const pct = (x: number) => (Number.isNaN(x) ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
const line = (label: string, s: Score) =>
  `${label.padEnd(10)} P ${pct(s.precision)}  R ${pct(s.recall)}  (tp ${s.truePositives}, predicted ${s.predicted}, gold ${s.gold})`;

function report(title: string, items: LabelledItem[], ev: Evaluation): string {
  const rows = [`== ${title} (${items.length} items)`];
  for (const k of MENTION_KINDS)
    if (ev.byKind[k].gold + ev.byKind[k].predicted > 0) rows.push(line(k, ev.byKind[k]));
  rows.push(line('CORE', ev.core) + `  [${CORE_KINDS.join('+')}]`);
  return rows.join('\n');
}

/**
 * The part of the second set whose errors were never read: the late batch's odd-numbered
 * templates (ids `late-<template>-<copy>`; every copy of a template is on one side).
 */
function neverRead(item: LabelledItem): boolean {
  const [batch, template] = item.id.split('-');
  return batch === 'late' && Number(template) % 2 === 1;
}

function main(): void {
  const args = process.argv.slice(2);
  const withCompanies = args.includes('--companies');
  const dictionary = loadSymbolDictionary();
  const options: FindMentionsOptions = withCompanies ? { companies: loadCompanyMatcher() } : {};
  const alone = args.includes('--alone');
  const predict = alone
    ? (text: string) => findMentions(text, dictionary, options)
    : (text: string) =>
        acceptInDocument(findMentions(text, dictionary, { ...options, evidence: true }));
  const items = parseLabelledCorpus(readFileSync(corpusPath, 'utf8'));
  const second = parseLabelledCorpus(readFileSync(secondSetPath, 'utf8'));
  const { tune, heldOut } = splitCorpus(items);
  const out: string[] = [
    `company names: ${withCompanies ? 'on' : 'off'}; document evidence: ${alone ? 'off' : 'on'}`,
  ];
  for (const [title, set] of [
    ['development corpus, whole', items],
    ['development corpus, tune half (even lines)', tune],
    ['development corpus, held-out half (odd lines)', heldOut],
    ['second set, whole (second-set.jsonl, other text)', second],
    ['second set, errors read (see PROVENANCE.txt)', second.filter((i) => !neverRead(i))],
    ['second set, never read (late batch, odd templates)', second.filter(neverRead)],
  ] as const) {
    const ev = evaluate(set, predict);
    out.push(report(title, [...set], ev));
    if (args.includes('--errors') && set === tune) {
      for (const e of ev.errors) {
        if (!withCompanies && e.mention.kind === 'company' && e.type === 'false-negative') continue;
        out.push(
          `  ${e.type === 'false-positive' ? 'FP' : 'FN'} ${e.id} ${e.mention.kind} ${e.mention.symbol} ${JSON.stringify(e.text)}`,
        );
      }
    }
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
