import { browser } from 'wxt/browser';
import { openCache } from '../../lib/cache/open-cache';
import type { MarketCache } from '../../lib/cache/market-cache';
import { seedFromSnapshot } from '../../lib/cache/seed';
import { sectorTotals } from '../../lib/context/sector-share';
import { createDefaultProviders } from '../../lib/providers/default-providers';
import { createRefresher, type Refresher } from '../../lib/refresh/refresher';
import { providerOrder, type Settings } from '../../lib/settings/schema';
import { loadSettings, twelveDataKeyItem } from '../../lib/settings/store';
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
  cache: MarketCache;
  /** The refresher for the current providers (rebuilt when the source or the API key changes). */
  refresher(): Promise<Refresher>;
}

let service: Promise<DataService> | null = null;

/**
 * Seeds the cache from the bundled snapshot once per extension version (and whenever the cache
 * is empty, e.g. in the memory fallback). Seeding never replaces newer data.
 */
export async function ensureSeeded(cache: MarketCache, force = false): Promise<void> {
  const version = browser.runtime.getManifest().version;
  if (!force && (await cache.readState(STATE_KEYS.seeded)) === version) return;
  const snapshot = await loadBundledSnapshot();
  await seedFromSnapshot(cache, snapshot);
  await cache.writeState(
    STATE_KEYS.snapshotSources,
    Object.fromEntries(Object.values(snapshot.series).map((s) => [s.symbol, s.source])),
  );
  await cache.writeState(STATE_KEYS.holdings, {
    asOf: snapshot.holdings.asOf,
    source: snapshot.holdings.source,
  });
  await cache.writeState(STATE_KEYS.sectorTotals, sectorTotals(snapshot.holdings.rows));
  await cache.writeState(STATE_KEYS.seeded, version);
}

function createService(): Promise<DataService> {
  return (async () => {
    const cache = await openCache(globalThis.indexedDB ?? null);
    await ensureSeeded(cache);
    let built: { key: string; refresher: Refresher } | null = null;
    return {
      cache,
      async refresher() {
        const settings: Settings = await loadSettings();
        const apiKey = await twelveDataKeyItem.getValue();
        const order = providerOrder(settings.data);
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
