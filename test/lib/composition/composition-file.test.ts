import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildCompositionData,
  decodeCompositionData,
} from '../../../lib/composition/composition-file';
import { SNAPSHOT_CATALOGUE } from '../../../lib/snapshot/catalogue';
import { buildSnapshot } from '../../../lib/snapshot/build';
import { readSourceTexts } from '../../../lib/snapshot/source-files';
import { readHoldingsTexts, serializeComposition } from '../../../scripts/build-composition';

const COMMITTED = new URL('../../../public/data/composition.json', import.meta.url);
const data = buildCompositionData(readHoldingsTexts());

describe('composition of the Russell 2000 from the three iShares IWM holdings files', () => {
  it('the committed public/data/composition.json is what `npm run composition` builds', () => {
    // On failure: run `npm run composition` and commit the result with the source change.
    expect(readFileSync(COMMITTED, 'utf8') === serializeComposition(data)).toBe(true);
  });

  it('has the three files oldest first, the last being the snapshot holdings file', () => {
    expect(data.files.map((f) => [f.asOf, f.members])).toEqual([
      ['2025-05-13', 1939],
      ['2025-11-05', 1962],
      ['2026-05-05', 1924],
    ]);
    const snapshot = buildSnapshot(readSourceTexts(SNAPSHOT_CATALOGUE), SNAPSHOT_CATALOGUE);
    expect(data.files.at(-1)!.asOf).toBe(snapshot.snapshot.holdings.asOf);
    expect(data.files.at(-1)!.source).toBe('iShares Russell 2000 ETF (IWM) holdings, BlackRock');
  });

  it('2026-05-05: Industrials lead, the top 10 weigh 7.25% and the median member 0.024%', () => {
    const now = data.files.at(-1)!;
    expect(now.sectors.slice(0, 3)).toEqual([
      { sector: 'Industrials', weight: 0.19441, members: 260 },
      { sector: 'Information Technology', weight: 0.169033, members: 207 },
      { sector: 'Financials', weight: 0.162225, members: 408 },
    ]);
    expect(now.sectors).toHaveLength(11);
    expect(now.top10.weight).toBe(0.072504);
    expect(now.top10.holdings.map((h) => h.ticker)).toEqual([
      'BE',
      'CRDO',
      'STRL',
      'FN',
      'NXT',
      'CDE',
      'IONQ',
      'TTMI',
      'SATS',
      'MOD',
    ]);
    expect(now.top10.holdings[0]).toEqual({
      ticker: 'BE',
      name: 'BLOOM ENERGY CLASS A CORP',
      sector: 'Industrials',
      weight: 0.019319,
    });
    expect(now.medianWeight).toBe(0.000238);
    expect(now.equityWeight).toBe(0.994894);
    expect(now.unitedStates).toEqual({ members: 1881, weight: 0.978792 });
  });

  it('counts banks and biotechs by name only, as floors (the files have no industry column)', () => {
    const now = data.files.at(-1)!;
    expect(now.nameGroups.map((g) => [g.id, g.members, g.weight])).toEqual([
      ['banks', 141, 0.052777],
      ['biotech', 167, 0.076281],
    ]);
  });

  it('tracks change over time: members in and out, Financials from 19.7% to 16.2%', () => {
    expect(data.changes.map((c) => [c.from, c.to, c.joined, c.left])).toEqual([
      ['2025-05-13', '2025-11-05', 261, 236],
      ['2025-11-05', '2026-05-05', 55, 93],
      ['2025-05-13', '2026-05-05', 304, 317],
    ]);
    const financials = data.changes[2]!.sectors.find((s) => s.sector === 'Financials');
    expect(financials).toEqual({ sector: 'Financials', from: 0.196996, to: 0.162225 });
    // A sector of one file only is 0 in the other.
    expect(data.changes[2]!.sectors.at(-1)).toEqual({ sector: 'Other', from: 0.00004, to: 0 });
  });

  it('decodes the committed file and refuses malformed data with a reason', () => {
    expect(decodeCompositionData(JSON.parse(readFileSync(COMMITTED, 'utf8')))).toEqual(data);
    expect(decodeCompositionData(null)).toBe('composition data is not an object');
    expect(decodeCompositionData({ ...data, formatVersion: 2 })).toBe(
      'composition data has format 2, expected 1',
    );
    expect(decodeCompositionData({ ...data, files: [{ asOf: '2026-05-05' }] })).toBe(
      'a composition summary is malformed',
    );
  });

  it('refuses two files of the same date', () => {
    const [one] = readHoldingsTexts();
    expect(() => buildCompositionData([one!, one!])).toThrow(
      'composition: two holdings files dated 2025-05-13',
    );
  });
});
