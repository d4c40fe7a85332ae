import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../../lib/snapshot/build';
import { SNAPSHOT_CATALOGUE } from '../../../lib/snapshot/catalogue';
import { decodeSnapshot, serializeSnapshot } from '../../../lib/snapshot/format';
import { readSourceTexts } from '../../../lib/snapshot/source-files';

const COMMITTED = new URL('../../../public/data/snapshot.json', import.meta.url);

describe('the committed public/data/snapshot.json', () => {
  const committed = readFileSync(COMMITTED, 'utf8');

  it('is exactly what `npm run snapshot` builds from lib/snapshot/sources (no drift)', () => {
    const built = buildSnapshot(readSourceTexts(SNAPSHOT_CATALOGUE), SNAPSHOT_CATALOGUE);
    // On failure: run `npm run snapshot` and commit the result with the source change.
    expect(committed === serializeSnapshot(built.encoded)).toBe(true);
  });

  it('decodes, with every catalogue symbol present', () => {
    const snapshot = decodeSnapshot(JSON.parse(committed));
    expect(Object.keys(snapshot.series)).toEqual(SNAPSHOT_CATALOGUE.series.map((s) => s.symbol));
    expect(snapshot.holdings.rows.length).toBe(1924);
  });

  it('stays small enough to bundle (under 1.5 MB raw)', () => {
    expect(Buffer.byteLength(committed)).toBeLessThan(1_500_000);
  });
});
