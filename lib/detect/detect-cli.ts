/**
 * `npm run detect -- FILE.jsonl [--companies]`: reads lines `{"id","text"}` and writes one line
 * `{"id","mentions":[{start,end,symbol,kind}]}` per input line to stdout, with the dictionary and
 * rules the extension ships, each line decided as one document with its own evidence (company
 * names only with `--companies`, as the setting does).
 */
import { readFileSync } from 'node:fs';
import { detectJsonLines } from './detect-jsonl';
import type { FindMentionsOptions } from './find-mentions';
import { loadCompanyMatcher } from './load-company-names';
import { loadSymbolDictionary } from './load-dictionary';

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    process.stderr.write('usage: npm run detect -- FILE.jsonl [--companies]\n');
    process.exit(2);
  }
  const options: FindMentionsOptions = args.includes('--companies')
    ? { companies: loadCompanyMatcher() }
    : {};
  const lines = detectJsonLines(readFileSync(file, 'utf8'), loadSymbolDictionary(), options);
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
}

main();
