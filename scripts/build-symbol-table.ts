/**
 * `npm run symbols`: builds `public/data/symbols.json` (symbol → name, venue, instrument) from
 * the directories in lib/detect/sources and prints the counts and size. A unit test checks the
 * committed file equals a fresh build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSymbolTable, type SymbolTableSources } from '../lib/symbols/build-symbol-table';

// Paths from this file's path (a DOM test environment replaces the global URL).
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = join(ROOT, 'lib/detect/sources');
const OUTPUT = join(ROOT, 'public/data/symbols.json');

/** The raw files the table is built from, with their dates (lib/detect/sources/PROVENANCE.txt). */
export function readSymbolTableSources(dir = SOURCES): SymbolTableSources {
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    nasdaqListed: { text: read('nasdaqlisted_2025-07-21.txt'), asOf: '2025-07-21' },
    otherListed: { text: read('otherlisted_2025-07-21.txt'), asOf: '2025-07-21' },
    secTickers: { text: read('sec_company_tickers_exchange_2025-08.json.txt'), asOf: '2025-08' },
    iwmHoldings: { text: read('IWM_holdings_2026-05-05.csv'), asOf: '2026-05-05' },
  };
}

/** The file as committed: JSON with a trailing newline. */
export function serializeSymbolTable(encoded: unknown): string {
  return `${JSON.stringify(encoded)}\n`;
}

function main(): void {
  const build = buildSymbolTable(readSymbolTableSources());
  const json = serializeSymbolTable(build.encoded);
  writeFileSync(OUTPUT, json);
  process.stdout.write(
    `${JSON.stringify(build.stats)}\nwrote ${OUTPUT}: ${Buffer.byteLength(json)} bytes, ${gzipSync(json).length} gzipped\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
