/**
 * `npm run composition`: builds `public/data/composition.json` (what the Russell 2000 is made of,
 * per iShares IWM holdings file) from lib/snapshot/sources/russell2000-constituents and prints a
 * line per file. A unit test checks the committed file equals a fresh build.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCompositionData } from '../lib/composition/composition-file';

/** Folder of the raw holdings files. */
// Paths from this file's path, not `new URL(relative, import.meta.url)`: a DOM test environment
// replaces the global URL with one that resolves against the page instead.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const HOLDINGS_DIR = join(ROOT, 'lib/snapshot/sources/russell2000-constituents');
const OUTPUT = join(ROOT, 'public/data/composition.json');

/** The raw holdings CSVs, in file-name order. */
export function readHoldingsTexts(dir = HOLDINGS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^IWM_holdings_\d{4}-\d{2}-\d{2}\.csv$/.test(f))
    .toSorted()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The file as committed: JSON with a trailing newline. */
export function serializeComposition(data: unknown): string {
  return `${JSON.stringify(data)}\n`;
}

function main(): void {
  const data = buildCompositionData(readHoldingsTexts());
  const json = serializeComposition(data);
  writeFileSync(OUTPUT, json);
  for (const f of data.files) {
    process.stdout.write(
      `${f.asOf}: ${f.members} members, top 10 ${(f.top10.weight * 100).toFixed(2)}%, ` +
        `largest sector ${f.sectors[0]?.sector} ${((f.sectors[0]?.weight ?? 0) * 100).toFixed(2)}%\n`,
    );
  }
  process.stdout.write(`wrote ${OUTPUT}: ${Buffer.byteLength(json)} bytes\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
