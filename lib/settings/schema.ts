/**
 * The user's settings: one versioned object in `storage.sync`, defaults and migrations here, in
 * one place. Everything in this file is pure so the options page, the background and the tests
 * share one definition.
 */
import { PERIODS, type Period } from '../metrics/period';

/** Benchmarks the user can compare against (the Russell 2000 itself is always shown). */
export const BENCHMARK_CHOICES = [
  { symbol: '^GSPC', label: 'S&P 500' },
  { symbol: '^IXIC', label: 'Nasdaq Composite' },
  { symbol: '^NDX', label: 'Nasdaq-100' },
] as const;
export type BenchmarkSymbol = (typeof BENCHMARK_CHOICES)[number]['symbol'];

/** Realized-volatility windows offered, in trading days (1 month, 3 months, 1 year). */
export const VOLATILITY_WINDOWS = [21, 63, 252] as const;

/**
 * - `strict`: only unambiguous forms (cashtags, exchange prefixes, Reuters codes, quote links,
 *   index names).
 * - `balanced`: also bare symbols the detector accepts from their context ("shares of KTOS").
 */
export const DETECTION_SENSITIVITIES = ['strict', 'balanced'] as const;
export type DetectionSensitivity = (typeof DETECTION_SENSITIVITIES)[number];

/** Market-data providers, asked in the user's order of preference (see `DataSettings.primary`). */
export const DATA_SOURCES = [
  { id: 'yahoo', label: 'Yahoo Finance', needsKey: false },
  { id: 'stooq', label: 'Stooq', needsKey: false },
  { id: 'twelvedata', label: 'Twelve Data (API key)', needsKey: true },
] as const;
export type DataSourceId = (typeof DATA_SOURCES)[number]['id'];

/**
 * - `scheduled`: benchmarks and recently hovered symbols are refreshed on alarms that follow US
 *   market hours, and a hover on stale data fetches it.
 * - `on-demand`: nothing runs in the background; a hover on stale data fetches it.
 * - `offline`: never fetches; the bundled snapshot and the cache only.
 */
export const REFRESH_POLICIES = ['scheduled', 'on-demand', 'offline'] as const;
export type RefreshPolicy = (typeof REFRESH_POLICIES)[number];

/** How many non-benchmark symbols the cache keeps (least recently used are evicted). */
export const CACHE_SIZES = [100, 250, 500, 1000] as const;

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface ComparisonSettings {
  /** Benchmarks shown beside the Russell 2000, in the user's order; at least one. */
  benchmarks: BenchmarkSymbol[];
  /** Periods shown in the card and popup, in the UI's order; at least one. */
  periods: Period[];
  /** Realized-volatility window, trading days. */
  volatilityWindow: number;
}

export interface DetectionSettings {
  /** Pauses marking on every site. */
  paused: boolean;
  /** Hostnames where the content script does nothing (`example.com` also covers its subdomains). */
  disabledSites: string[];
  /** How much context a bare uppercase symbol needs before it is marked. */
  sensitivity: DetectionSensitivity;
  /** Resolve company names ("Goldman Sachs") to tickers. */
  companyNames: boolean;
}

export interface DataSettings {
  /** Provider asked first; the providers that need no key are the fallbacks, in list order. */
  primary: DataSourceId;
  refresh: RefreshPolicy;
  /** Symbols kept in the cache besides the benchmarks. */
  cacheSymbols: number;
}

export interface Settings {
  comparison: ComparisonSettings;
  detection: DetectionSettings;
  data: DataSettings;
  theme: Theme;
}

export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS: Settings = {
  comparison: {
    benchmarks: ['^GSPC', '^IXIC'],
    periods: ['1M', '3M', 'YTD', '1Y'],
    volatilityWindow: 63,
  },
  detection: { paused: false, disabledSites: [], sensitivity: 'balanced', companyNames: false },
  data: { primary: 'yahoo', refresh: 'scheduled', cacheSymbols: 250 },
  theme: 'system',
};

/** Providers in the order to ask them: the user's primary first, then the no-key fallbacks. */
export function providerOrder(data: DataSettings): DataSourceId[] {
  return [
    data.primary,
    ...DATA_SOURCES.filter((d) => !d.needsKey && d.id !== data.primary).map((d) => d.id),
  ];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pickList<T extends string>(value: unknown, allowed: readonly T[], fallback: T[]): T[] {
  if (!Array.isArray(value)) return fallback;
  const picked = allowed.filter((item) => value.includes(item));
  // Keep the user's order, drop unknown and duplicate entries.
  const ordered = value.filter(
    (item, i): item is T => picked.includes(item as T) && value.indexOf(item) === i,
  );
  return ordered.length > 0 ? ordered : fallback;
}

function pickOne<T extends string | number>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** Normalizes a hostname the user typed ("https://www.Example.com/x" → "example.com"); null if not a host. */
export function normalizeHostname(input: string): string | null {
  let host = input.trim().toLowerCase();
  if (!host) return null;
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#:].*$/, '');
  host = host.replace(/^www\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) ? host : null;
}

/**
 * Returns a complete, valid Settings object from anything read from storage: unknown keys are
 * dropped, missing or invalid values take their defaults, so a corrupt or hand-edited entry
 * never breaks the extension.
 */
export function sanitizeSettings(value: unknown): Settings {
  const raw = isRecord(value) ? value : {};
  const comparison = isRecord(raw.comparison) ? raw.comparison : {};
  const detection = isRecord(raw.detection) ? raw.detection : {};
  const data = isRecord(raw.data) ? raw.data : {};
  const defaults = DEFAULT_SETTINGS;
  const sites = Array.isArray(detection.disabledSites) ? detection.disabledSites : [];
  return {
    comparison: {
      benchmarks: pickList(
        comparison.benchmarks,
        BENCHMARK_CHOICES.map((b) => b.symbol),
        defaults.comparison.benchmarks,
      ),
      periods: pickList(comparison.periods, PERIODS, defaults.comparison.periods),
      volatilityWindow: pickOne(
        comparison.volatilityWindow,
        VOLATILITY_WINDOWS,
        defaults.comparison.volatilityWindow,
      ),
    },
    detection: {
      paused: typeof detection.paused === 'boolean' ? detection.paused : defaults.detection.paused,
      disabledSites: [
        ...new Set(
          sites
            .filter((s): s is string => typeof s === 'string')
            .map(normalizeHostname)
            .filter((s): s is string => s !== null),
        ),
      ],
      sensitivity: pickOne(
        detection.sensitivity,
        DETECTION_SENSITIVITIES,
        defaults.detection.sensitivity,
      ),
      companyNames:
        typeof detection.companyNames === 'boolean'
          ? detection.companyNames
          : defaults.detection.companyNames,
    },
    data: {
      primary: pickOne(
        data.primary,
        DATA_SOURCES.map((d) => d.id),
        defaults.data.primary,
      ),
      refresh: pickOne(data.refresh, REFRESH_POLICIES, defaults.data.refresh),
      cacheSymbols: pickOne(data.cacheSymbols, CACHE_SIZES, defaults.data.cacheSymbols),
    },
    theme: pickOne(raw.theme, THEMES, defaults.theme),
  };
}

/** True when the content script should do nothing on `hostname` (paused, or the site or a parent domain is switched off). */
export function isDetectionDisabled(settings: DetectionSettings, hostname: string): boolean {
  if (settings.paused) return true;
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return settings.disabledSites.some((site) => host === site || host.endsWith(`.${site}`));
}
