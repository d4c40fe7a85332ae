/**
 * `npm run detect -- FILE.jsonl [--companies]`: reads lines `{"id","text"}` and writes one line
 * `{"id","mentions":[{start,end,symbol,kind}]}` per input line to stdout, with the dictionary and
 * rules the extension ships. Blank lines are skipped; a line that is not valid JSON stops the run.
 */
import { readFileSync } from 'node:fs';
import { findMentions, type FindMentionsOptions } from './find-mentions';
import { loadCompanyMatcher } from './load-company-names';
import { loadSymbolDictionary } from './load-dictionary';

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npm run detect -- FILE.jsonl [--companies]\n');
    process.exit(2);
  }
  const dictionary = loadSymbolDictionary();
  const options: FindMentionsOptions = args.includes('--companies')
    ? { companies: loadCompanyMatcher() }
    : {};
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const out: string[] = [];
  lines.forEach((line, n) => {
    if (line.trim() === '') return;
    let item: { id?: unknown; text?: unknown };
    try {
      item = JSON.parse(line) as { id?: unknown; text?: unknown };
    } catch {
      throw new Error(`${file}:${n + 1}: not valid JSON`);
    }
    const text = typeof item.text === 'string' ? item.text : '';
    const mentions = findMentions(text, dictionary, options).map(
      ({ start, end, symbol, kind }) => ({
        start,
        end,
        symbol,
        kind,
      }),
    );
    out.push(JSON.stringify({ id: item.id ?? null, mentions }));
  });
  process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
}

main();
