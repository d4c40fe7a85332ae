/**
 * `npm run snapshot`: builds `public/data/snapshot.json` from `lib/snapshot/sources/**` and prints
 * what went in (rows, dates, decimals, skipped rows, gaps) and the file size, raw and gzipped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSnapshot } from './build';
import { SNAPSHOT_CATALOGUE } from './catalogue';
import { serializeSnapshot } from './format';
import { readSourceTexts } from './source-files';

const OUTPUT = fileURLToPath(new URL('../../public/data/snapshot.json', import.meta.url));

function main(): void {
  const build = buildSnapshot(readSourceTexts(SNAPSHOT_CATALOGUE), SNAPSHOT_CATALOGUE);
  const json = serializeSnapshot(build.encoded);
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, json);

  const lines = build.series.map((s) => {
    const notes = [
      s.skippedRows.some((n) => n > 0) ? `skipped null rows ${s.skippedRows.join('+')}` : '',
      s.droppedRows.length > 0 ? `dropped ${s.droppedRows.join(', ')}` : '',
      s.gaps.length > 0 ? `gaps ${s.gaps.map((g) => `${g.from}..${g.to}`).join(', ')}` : '',
    ].filter(Boolean);
    return `  ${s.symbol.padEnd(6)} ${s.first}..${s.last} ${String(s.rows).padStart(6)} rows, 1e-${s.decimals}${notes.length ? `; ${notes.join('; ')}` : ''}`;
  });
  const bytes = Buffer.byteLength(json);
  const gzipped = gzipSync(json, { level: 9 }).length;
  const h = build.holdings;
  process.stdout.write(
    [
      `snapshot built on ${build.encoded.builtOn}: ${build.series.length} series`,
      ...lines,
      `  holdings ${h.asOf}: ${h.rows} equities (${h.nonEquityRows} non-equity rows left out), weights sum ${h.weightSum.toFixed(4)}`,
      `wrote ${OUTPUT}: ${bytes} bytes, ${gzipped} gzipped`,
      '',
    ].join('\n'),
  );
}

main();
