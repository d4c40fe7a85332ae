// oxlint-disable-next-line import/no-unassigned-import -- installs the IDB globals idb's wrap() checks with instanceof
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../../lib/cache/open-cache';
import { seedFromSnapshot } from '../../../lib/cache/seed';
import { decodeSnapshot } from '../../../lib/snapshot/format';
import type { Snapshot } from '../../../lib/snapshot/types';
import { storedFromFixture } from './helpers';

function bundledSnapshot(): Snapshot {
  const path = new URL('../../../public/data/snapshot.json', import.meta.url);
  return decodeSnapshot(JSON.parse(readFileSync(path, 'utf8')) as unknown);
}

describe('seedFromSnapshot with the bundled snapshot', () => {
  const snapshot = bundledSnapshot();
  const rut = snapshot.series['^RUT'];

  it('writes every snapshot series and the holdings profiles into an empty cache', async () => {
    const cache = await openCache(new IDBFactory());
    const report = await seedFromSnapshot(cache, snapshot);
    const symbols = Object.keys(snapshot.series);
    expect(Object.values(report.outcomes).every((o) => o.status === 'written')).toBe(true);
    expect((await cache.listSymbols()).toSorted()).toEqual(symbols.toSorted());
    const stored = await cache.readSeries('^RUT');
    expect(stored?.series.asOf).toBe(rut?.asOf);
    expect(stored?.series.adjClose.at(-1)).toBe(rut?.closes.at(-1));
    expect(stored?.meta).toMatchObject({ source: 'snapshot', fetchedAt: null, asOf: rut?.asOf });
    const member = snapshot.holdings.rows[0];
    expect(await cache.readProfile(member?.ticker ?? '')).toMatchObject({
      name: member?.name,
      r2kMember: true,
      r2kWeight: member?.weight,
      asOf: snapshot.holdings.asOf,
    });
    expect(report.profiles).toBeGreaterThanOrEqual(snapshot.holdings.rows.length);
    cache.close();
  });

  it('never replaces newer live data when seeding again (an extension update)', async () => {
    const cache = await openCache(new IDBFactory());
    await seedFromSnapshot(cache, snapshot);
    // Real ^IXIC bars of 2025-2026, newer than the snapshot's ^IXIC (which stops in 2022).
    const live = storedFromFixture('derived-IDX_IXIC-recent.json', '^IXIC');
    expect(live.asOf > (snapshot.series['^IXIC']?.asOf ?? '')).toBe(true);
    const fetchedAt = Date.parse('2026-03-07T00:00:00Z');
    expect((await cache.writeSeries({ series: live, source: 'yahoo', fetchedAt })).status).toBe(
      'written',
    );
    const before = await cache.readSeries('^IXIC');
    const again = await seedFromSnapshot(cache, snapshot);
    expect(again.outcomes['^IXIC']).toEqual({
      status: 'kept',
      reason: 'stored-is-newer',
      asOf: live.asOf,
    });
    const after = await cache.readSeries('^IXIC');
    expect(after).toEqual(before);
    expect(after?.meta).toMatchObject({ source: 'yahoo', fetchedAt });
    cache.close();
  });

  it('backfills older history behind live data fetched before seeding, keeping the live bars', async () => {
    const cache = await openCache(new IDBFactory());
    const live = storedFromFixture('derived-IDX_RUT-2025-02-to-2026-02-20.json', '^RUT');
    const fetchedAt = Date.parse('2026-02-21T00:00:00Z');
    await cache.writeSeries({ series: live, source: 'yahoo', fetchedAt });
    const report = await seedFromSnapshot(cache, snapshot);
    expect(report.outcomes['^RUT']).toEqual({
      status: 'written',
      reason: 'backfilled',
      asOf: live.asOf,
    });
    const after = await cache.readSeries('^RUT');
    const older = rut?.dates.filter((d) => d < (live.dates[0] as string)) ?? [];
    expect(after?.series.dates).toEqual([...older, ...live.dates]);
    expect(after?.series.close.slice(-live.dates.length)).toEqual(live.close);
    expect(after?.series.open.at(-1)).toBe(live.open.at(-1));
    expect(after?.meta).toMatchObject({ source: 'yahoo', fetchedAt });
    cache.close();
  });
});
