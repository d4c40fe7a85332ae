import { browser } from 'wxt/browser';
import { comparisonSymbols } from '../../lib/context/comparison-symbols';
import { runScheduledRefresh } from '../../lib/refresh/scheduled-refresh';
import type { Settings } from '../../lib/settings/schema';
import { loadSettings } from '../../lib/settings/store';
import { getDataService } from './data-service';
import { notifyDataUpdated } from './notify';

/** The one alarm that drives scheduled refreshes. */
export const REFRESH_ALARM = 'r2k-refresh';

/** Delay of the first refresh after install or browser start, ms (lets the browser settle). */
const FIRST_REFRESH_DELAY_MS = 60_000;

/**
 * Makes sure the refresh alarm matches the refresh policy: present (keeping an existing one, so a
 * restarted worker does not refresh early) when it is `scheduled`, absent otherwise.
 */
export async function syncRefreshAlarm(settings: Settings, soon = false): Promise<void> {
  if (settings.data.refresh !== 'scheduled') {
    await browser.alarms.clear(REFRESH_ALARM);
    return;
  }
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (!existing || soon) {
    await browser.alarms.create(REFRESH_ALARM, { when: Date.now() + FIRST_REFRESH_DELAY_MS });
  }
}

/**
 * One scheduled refresh: benchmarks first, then recently viewed symbols that are due; evicts
 * least-recently-used symbols beyond the user's bound; sets the alarm for the next due time.
 */
export async function runRefreshAlarm(): Promise<void> {
  const settings = await loadSettings();
  if (settings.data.refresh !== 'scheduled') return;
  const data = await getDataService();
  try {
    const outcome = await runScheduledRefresh({
      cache: data.cache,
      refresher: await data.refresher(),
      now: Date.now,
      userBenchmarks: comparisonSymbols(
        settings.comparison.benchmarks,
        settings.comparison.returnBasis,
      ),
      maxSymbols: settings.data.cacheSymbols,
    });
    const updated = outcome.results.filter((r) => r.status === 'updated').map((r) => r.symbol);
    if (updated.length > 0) notifyDataUpdated(updated);
    await browser.alarms.create(REFRESH_ALARM, {
      when: Math.max(outcome.nextAt, Date.now() + 30_000),
    });
  } catch (error) {
    // The cache failed (not a provider: those failures are recorded per symbol). Try again later.
    console.warn('R2K Lens: scheduled refresh failed', error);
    await browser.alarms.create(REFRESH_ALARM, { when: Date.now() + 15 * 60_000 });
  }
}
