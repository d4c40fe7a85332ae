/**
 * Settings version 1 → 2. Version 1 was `{ comparison, detection, data?, theme }`: one primary
 * provider with the no-key ones as implicit fallbacks, the theme at the top level, and (in the
 * first builds, before market-data settings existed) no `data` at all. Version 2 makes the
 * provider order explicit, moves the theme under `appearance`, and adds the chart period, the
 * return basis, the quote site and the number format.
 *
 * Pure and total: values present in the old object are carried over as they are (a later read
 * sanitizes them, an import validates them); fields the old shape did not have get the defaults
 * the new version introduced them with.
 */

/** Provider ids as version 1 knew them, in its fallback order. */
const V1_PROVIDERS = ['yahoo', 'stooq', 'twelvedata'] as const;
/** Version 1 asked the primary first, then these (the providers that need no key), in order. */
const V1_NO_KEY_FALLBACKS = ['yahoo', 'stooq'] as const;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The order version 1 asked providers in, made explicit. An unknown primary keeps the default order. */
function providersOf(primary: unknown): string[] {
  if (!V1_PROVIDERS.includes(primary as (typeof V1_PROVIDERS)[number])) {
    return [...V1_NO_KEY_FALLBACKS];
  }
  return [primary as string, ...V1_NO_KEY_FALLBACKS.filter((id) => id !== primary)];
}

/** Upgrades a stored or exported version-1 settings object to the version-2 shape. */
export function migrateV1ToV2(old: unknown): Record<string, unknown> {
  const v1 = record(old);
  const comparison = record(v1.comparison);
  const detection = record(v1.detection);
  const data = record(v1.data);
  return {
    comparison: { ...comparison, chartPeriod: '1Y', returnBasis: 'price' },
    detection: { ...detection, quoteSite: 'yahoo' },
    data: {
      providers: providersOf(data.primary),
      refresh: 'refresh' in data ? data.refresh : 'scheduled',
      cacheSymbols: 'cacheSymbols' in data ? data.cacheSymbols : 250,
    },
    appearance: { theme: 'theme' in v1 ? v1.theme : 'system', numberFormat: 'browser' },
  };
}
