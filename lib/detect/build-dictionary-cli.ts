/**
 * `npm run dictionary`: rebuilds lib/detect/generated/ from the raw files in lib/detect/sources
 * and prints the sizes. The generated modules are committed; a unit test checks they match.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildDictionary, type DictionarySources } from './build-dictionary';
import { renderCompanyModule, renderSymbolModule } from './generated-modules';

const here = dirname(fileURLToPath(import.meta.url));

/** Reads the committed raw sources. */
export function readDictionarySources(dir = join(here, 'sources')): DictionarySources {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    nasdaqListed: read('nasdaqlisted_2025-07-21.txt'),
    otherListed: read('otherlisted_2025-07-21.txt'),
    secTickers: read('sec_company_tickers_exchange_2025-08.json.txt'),
    iwmHoldings: read('IWM_holdings_2026-05-05.csv'),
    englishWords: read('english-words-subtlex.tsv'),
    properNouns: read('proper-nouns-subtlex.tsv'),
    acronyms: read('english-acronyms-wordnet.tsv'),
  };
}

const gz = (s: string) => gzipSync(Buffer.from(s)).length;

function main(): void {
  const build = buildDictionary(readDictionarySources());
  const symbolModule = renderSymbolModule(build);
  const companyModule = renderCompanyModule(build);
  writeFileSync(join(here, 'generated', 'symbols.ts'), symbolModule);
  writeFileSync(join(here, 'generated', 'company-names.ts'), companyModule);
  process.stdout.write(`${JSON.stringify(build.stats, null, 2)}\n`);
  process.stdout.write(
    `packed symbols: ${build.packed.length} chars, ${gz(build.packed)} B gzipped; ` +
      `company names module: ${companyModule.length} chars, ${gz(companyModule)} B gzipped\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
