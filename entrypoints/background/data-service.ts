import { browser } from 'wxt/browser';
import { BENCHMARK_SYMBOLS } from '../../lib/cache/lru';
import type { MarketCache } from '../../lib/cache/market-cache';
import { openCache } from '../../lib/cache/open-cache';
import type { Replacement } from '../../lib/cache/resilient-cache';
import { seedFromSnapshot, snapshotContents } from '../../lib/cache/seed';
import { sectorTotals } from '../../lib/context/sector-share';
import { createDefaultProviders } from '../../lib/providers/default-providers';
import { POLITENESS_STATE_KEY } from '../../lib/refresh/politeness';
import { createRefresher, type Refresher } from '../../lib/refresh/refresher';
import type { Settings } from '../../lib/settings/schema';
import { loadSettings } from '../../lib/settings/store';
import type { Snapshot } from '../../lib/snapshot/types';
import { apiKeyStore } from './api-key';
import { loadBundledSnapshot } from './snapshot-source';

/** The chart provider's origin, fixed at build time (`WXT_CHART_BASE_URL`; see wxt.config.ts). */
const CHART_BASE_URL: string = import.meta.env.WXT_CHART_BASE_URL;

/** Keys of the small values the background keeps in the cache's state store. */
export const STATE_KEYS = {
  /** Which bundled snapshot the cache was seeded from (the extension version). */
  seeded: 'seededSnapshot',
  /** `{ symbol: source text }` of the snapshot's series, to cite them once cached. */
  snapshotSources: 'snapshotSources',
  /** `{ asOf, source }` of the holdings file the profiles come from. */
  holdings: 'holdingsFile',
  /** `{ sector: { weight, members } }` of that holdings file (a member's weight within its sector). */
  sectorTotals: 'sectorTotals',
} as const;

export interface DataService {
  /** The cache of this worker: IndexedDB, recovering by itself (see `openCache`), or memory when it must. */
  cache: MarketCache;
  /** The refresher for the current providers (rebuilt when the source or the API key changes). */
  refresher(): Promise<Refresher>;
}

let service: Promise<DataService> | null = null;

/**
 * Seeds the cache from the bundled snapshot when it was not seeded by this extension version, or
 * when a benchmark series is missing (a seeding cut short, a database deleted and recreated, the
 * memory fallback). Seeding never replaces newer data; the flag is written last, so a worker
 * killed halfway seeds again on its next start.
 */
export async function ensureSeeded(cache: MarketCache): Promise<void> {
  const version = browser.runtime.getManifest().version;
  if ((await cache.readState(STATE_KEYS.seeded)) === version) {
    const cached = new Set(await cache.listSymbols());
    if (BENCHMARK_SYMBOLS.every((s) => cached.has(s))) return;
  }
  const snapshot = await loadBundledSnapshot();
  await seedFromSnapshot(cache, snapshot);
  for (const [key, value] of Object.entries(snapshotState(snapshot, version))) {
    await cache.writeState(key, value);
  }
}

/** The `state` entries that say which snapshot the cache was seeded from (the flag last). */
function snapshotState(snapshot: Snapshot, version: string): Record<string, unknown> {
  return {
    [STATE_KEYS.snapshotSources]: Object.fromEntries(
      Object.values(snapshot.series).map((s) => [s.symbol, s.source]),
    ),
    [STATE_KEYS.holdings]: { asOf: snapshot.holdings.asOf, source: snapshot.holdings.source },
    [STATE_KEYS.sectorTotals]: sectorTotals(snapshot.holdings.rows),
    [STATE_KEYS.seeded]: version,
  };
}

/**
 * "Clear cache": replaces everything but the providers' politeness with the bundled snapshot, in
 * one transaction, so a worker killed at any point leaves either the old cache or the new one.
 */
export async function resetToSnapshot(cache: MarketCache): Promise<void> {
  const version = browser.runtime.getManifest().version;
  const snapshot = await loadBundledSnapshot(); // read before the transaction opens
  await cache.replaceAll(snapshotContents(snapshot, snapshotState(snapshot, version)));
}

/**
 * Readies a backend that replaces a failed one: carries the providers' politeness over when the
 * old storage can still be read (so a fallback cannot hammer a provider that asked us to wait),
 * then seeds it if it needs seeding.
 */
async function prepareBackend(next: MarketCache, _why: Replacement, previous: MarketCache) {
  try {
    const politeness = await previous.readState(POLITENESS_STATE_KEY);
    if (politeness !== undefined) await next.writeState(POLITENESS_STATE_KEY, politeness);
  } catch {
    // The old storage is gone; the refresher still holds the state in memory and saves it again.
  }
  await ensureSeeded(next);
}

function createService(): Promise<DataService> {
  return (async () => {
    const cache = await openCache(globalThis.indexedDB ?? null, {
      prepare: prepareBackend,
      onEvent: (event) => console.warn(`R2K Lens storage: ${event.what}: ${event.detail}`),
    });
    await ensureSeeded(cache);
    let built: { key: string; refresher: Refresher } | null = null;
    return {
      cache,
      async refresher() {
        const settings: Settings = await loadSettings();
        const apiKey = await apiKeyStore().get();
        const order = settings.data.providers;
        const key = JSON.stringify([order, apiKey]);
        if (built?.key !== key) {
          const all = createDefaultProviders({
            chartBaseUrl: CHART_BASE_URL,
            twelveDataApiKey: apiKey,
          });
          const providers = order.flatMap((id) => all.filter((p) => p.id === id));
          built = { key, refresher: createRefresher({ providers, cache }) };
        }
        return built.refresher;
      },
    };
  })();
}

/** The data service of this worker's lifetime: opened and seeded on first use. */
export function getDataService(): Promise<DataService> {
  service ??= createService().catch((error: unknown) => {
    service = null;
    throw error;
  });
  return service;
}
