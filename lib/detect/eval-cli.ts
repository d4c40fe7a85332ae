/**
 * `npm run eval:detect [-- --errors] [-- --companies]` (--errors lists the tune half's errors only): precision and recall of the shipped
 * detector on the labelled corpus copy in test/fixtures/mentions, per kind, over the core kinds,
 * for the whole corpus and for its tune / held-out halves.
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
import { findMentions, type FindMentionsOptions } from './find-mentions';
import { loadSymbolDictionary } from './load-dictionary';
import { MENTION_KINDS } from './mention';
import { loadCompanyMatcher } from './load-company-names';

const here = dirname(fileURLToPath(import.meta.url));
const corpusPath = join(here, '..', '..', 'test', 'fixtures', 'mentions', 'mentions-dev.jsonl');

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

function main(): void {
  const args = process.argv.slice(2);
  const withCompanies = args.includes('--companies');
  const dictionary = loadSymbolDictionary();
  const options: FindMentionsOptions = withCompanies ? { companies: loadCompanyMatcher() } : {};
  const predict = (text: string) => findMentions(text, dictionary, options);
  const items = parseLabelledCorpus(readFileSync(corpusPath, 'utf8'));
  const { tune, heldOut } = splitCorpus(items);
  const out: string[] = [`company names: ${withCompanies ? 'on' : 'off'}`];
  for (const [title, set] of [
    ['whole corpus', items],
    ['tune half (even lines)', tune],
    ['held-out half (odd lines)', heldOut],
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
