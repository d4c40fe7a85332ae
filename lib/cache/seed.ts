/**
 * First-run (and every-update) seeding from the bundled snapshot: the offline default. Snapshot
 * data never replaces anything newer already cached.
 */
import type { Snapshot } from '../snapshot/types';
import type { StoredProfile } from './db';
import type { CacheContents, MarketCache, SeriesWrite, WriteOutcome } from './market-cache';
import { fromSnapshotSeries } from './stored-series';

/** Per-symbol outcome of {@link seedFromSnapshot}. */
export interface SeedReport {
  outcomes: Record<string, WriteOutcome>;
  profiles: number;
}

/** Profiles from the holdings file (Russell 2000 members) and from the snapshot's own series. */
export function profilesFromSnapshot(snapshot: Snapshot): StoredProfile[] {
  const { holdings } = snapshot;
  const members: StoredProfile[] = holdings.rows.map((h) => ({
    symbol: h.ticker,
    name: h.name,
    exchange: h.exchange || null,
    sector: h.sector || null,
    domicile: h.location || null,
    r2kMember: true,
    r2kWeight: Number.isFinite(h.weight) ? h.weight : null,
    asOf: holdings.asOf,
    source: holdings.source,
  }));
  const memberSymbols = new Set(members.map((m) => m.symbol));
  const others: StoredProfile[] = Object.values(snapshot.series)
    .filter((s) => !memberSymbols.has(s.symbol))
    .map((s) => ({
      symbol: s.symbol,
      name: s.name,
      exchange: null,
      sector: null,
      domicile: null,
      r2kMember: false,
      r2kWeight: null,
      asOf: s.asOf,
      source: s.source,
    }));
  return [...members, ...others];
}

/** Every snapshot series as a write (source `snapshot`, no fetch time). */
function snapshotWrites(snapshot: Snapshot, mode: SeriesWrite['mode']): SeriesWrite[] {
  return Object.values(snapshot.series).map((s) => ({
    series: fromSnapshotSeries(s),
    source: 'snapshot',
    fetchedAt: null,
    mode,
  }));
}

/**
 * What the cache holds right after "Clear cache": every snapshot series, the profiles, and the
 * given `state` entries (which snapshot this is), for {@link MarketCache.replaceAll}.
 */
export function snapshotContents(
  snapshot: Snapshot,
  state: Readonly<Record<string, unknown>> = {},
): CacheContents {
  return {
    series: snapshotWrites(snapshot, 'update'),
    profiles: profilesFromSnapshot(snapshot),
    state,
  };
}

/**
 * Writes every snapshot series (source `snapshot`, no fetch time) in `backfill` mode: a symbol
 * with nothing cached, or only older data, gets the snapshot; a symbol cached with data as new or
 * newer keeps its bars and metadata, and only gains the snapshot's older history. Also stores the
 * profiles. Safe to run on every install and update, and again after an interruption: each
 * symbol is one transaction, so a worker killed halfway leaves every symbol seeded or untouched.
 */
export async function seedFromSnapshot(
  cache: MarketCache,
  snapshot: Snapshot,
): Promise<SeedReport> {
  const outcomes: Record<string, WriteOutcome> = {};
  for (const write of snapshotWrites(snapshot, 'backfill')) {
    outcomes[write.series.symbol] = await cache.writeSeries(write);
  }
  const profiles = profilesFromSnapshot(snapshot);
  await cache.writeProfiles(profiles);
  return { outcomes, profiles: profiles.length };
}
