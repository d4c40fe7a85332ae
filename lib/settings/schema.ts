/**
 * The user's settings: one versioned object in `storage.sync`, choices and defaults here, in one
 * place. Everything in this file is pure so the options page, the background and the tests share
 * one definition. Older stored shapes are upgraded by `./migrations` (one pure function per step).
 */
import { PERIODS, type Period } from '../metrics/period';
import { QUOTE_SITE_IDS, type QuoteSiteId } from '../links/quote-sites';

/**
 * Benchmarks the user can compare against (the Russell 2000 itself is always shown), in the
 * order the options page lists them. The Dow has a bundled history (^DJI, 1992 on).
 */
export const BENCHMARK_CHOICES = [
  { symbol: '^GSPC', label: 'S&P 500' },
  { symbol: '^IXIC', label: 'Nasdaq Composite' },
  { symbol: '^NDX', label: 'Nasdaq-100' },
  { symbol: '^DJI', label: 'Dow Jones Industrial Average' },
] as const;
export type BenchmarkSymbol = (typeof BENCHMARK_CHOICES)[number]['symbol'];

/** Periods of the popup's rebased chart (`max`: all the history the charted series share). */
export const CHART_PERIODS = ['1M', '3M', 'YTD', '1Y', '5Y', 'max'] as const;
export type ChartPeriod = (typeof CHART_PERIODS)[number];

/** Realized-volatility windows offered, in trading days (1 month, 3 months, 1 year). */
export const VOLATILITY_WINDOWS = [21, 63, 252] as const;

/**
 * - `price`: index levels, as quoted (dividends excluded).
 * - `total-return`: dividends reinvested, through the fund that tracks the index (IWM for the
 *   Russell 2000, SPY for the S&P 500, QQQ for the Nasdaq-100, DIA for the Dow) where its
 *   history is available; an index without such a fund stays on price, and the UI says so.
 */
export const RETURN_BASES = ['price', 'total-return'] as const;
export type ReturnBasisChoice = (typeof RETURN_BASES)[number];

/**
 * - `strict`: only unambiguous forms (cashtags, exchange prefixes, Reuters codes, quote links,
 *   index names).
 * - `balanced`: also bare symbols the detector accepts from their context ("shares of KTOS").
 */
export const DETECTION_SENSITIVITIES = ['strict', 'balanced'] as const;
export type DetectionSensitivity = (typeof DETECTION_SENSITIVITIES)[number];

/** Market-data providers, asked in the user's order (see `DataSettings.providers`). */
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

/**
 * How numbers are written: `browser` follows the browser's language (the default); the others
 * pin a convention whatever the browser says.
 */
export const NUMBER_FORMATS = [
  { id: 'browser', label: 'As the browser’s language', locale: null },
  { id: 'en-US', label: 'English (United States)', locale: 'en-US' },
  { id: 'de-DE', label: 'German (Germany)', locale: 'de-DE' },
  { id: 'fr-FR', label: 'French (France)', locale: 'fr-FR' },
  { id: 'de-CH', label: 'German (Switzerland)', locale: 'de-CH' },
] as const;
export type NumberFormatId = (typeof NUMBER_FORMATS)[number]['id'];

export interface ComparisonSettings {
  /** Benchmarks shown beside the Russell 2000, in the user's order; at least one. */
  benchmarks: BenchmarkSymbol[];
  /** Periods shown in the card and popup, in the UI's order; at least one. */
  periods: Period[];
  /** Period the popup's rebased chart opens on. */
  chartPeriod: ChartPeriod;
  /** Realized-volatility window, trading days. */
  volatilityWindow: number;
  /** Returns as price (index levels) or total return (through tracking funds, where available). */
  returnBasis: ReturnBasisChoice;
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
  /** Where the card's "quote" link goes. */
  quoteSite: QuoteSiteId;
}

export interface DataSettings {
  /**
   * Providers in the order they are asked; at least one. Twelve Data is skipped while no API
   * key is set (the key itself is not a setting: it stays on this device, see `api-key-store`).
   */
  providers: DataSourceId[];
  refresh: RefreshPolicy;
  /** Symbols kept in the cache besides the benchmarks. */
  cacheSymbols: number;
}

export interface AppearanceSettings {
  theme: Theme;
  numberFormat: NumberFormatId;
}

export interface Settings {
  comparison: ComparisonSettings;
  detection: DetectionSettings;
  data: DataSettings;
  appearance: AppearanceSettings;
}

/**
 * Version of the stored shape. 1: `{ comparison, detection, data?, theme }` with one primary
 * provider; 2: this file's shape. Each step up is a pure function in `./migrations`.
 */
export const SETTINGS_VERSION = 2;

export const DEFAULT_SETTINGS: Settings = {
  comparison: {
    benchmarks: ['^GSPC', '^IXIC'],
    periods: ['1M', '3M', 'YTD', '1Y'],
    chartPeriod: '1Y',
    volatilityWindow: 63,
    returnBasis: 'price',
  },
  detection: {
    paused: false,
    disabledSites: [],
    sensitivity: 'balanced',
    companyNames: false,
    quoteSite: 'yahoo',
  },
  data: { providers: ['yahoo', 'stooq'], refresh: 'scheduled', cacheSymbols: 250 },
  appearance: { theme: 'system', numberFormat: 'browser' },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pickList<T extends string>(value: unknown, allowed: readonly T[], fallback: T[]): T[] {
  if (!Array.isArray(value)) return [...fallback];
  // Keep the user's order, drop unknown and duplicate entries.
  const ordered = value.filter(
    (item, i): item is T => allowed.includes(item as T) && value.indexOf(item) === i,
  );
  return ordered.length > 0 ? ordered : [...fallback];
}

function pickOne<T extends string | number>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function pickBoolean(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
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
 * Returns a complete, valid current-version Settings object from anything read from storage:
 * unknown keys are dropped, missing or invalid values take their defaults, so a corrupt or
 * hand-edited entry never breaks the extension. (Imports are checked strictly instead, see
 * `settings-file.ts`: a file is refused rather than silently repaired.)
 */
export function sanitizeSettings(value: unknown): Settings {
  const raw = isRecord(value) ? value : {};
  const comparison = isRecord(raw.comparison) ? raw.comparison : {};
  const detection = isRecord(raw.detection) ? raw.detection : {};
  const data = isRecord(raw.data) ? raw.data : {};
  const appearance = isRecord(raw.appearance) ? raw.appearance : {};
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
      chartPeriod: pickOne(comparison.chartPeriod, CHART_PERIODS, defaults.comparison.chartPeriod),
      volatilityWindow: pickOne(
        comparison.volatilityWindow,
        VOLATILITY_WINDOWS,
        defaults.comparison.volatilityWindow,
      ),
      returnBasis: pickOne(comparison.returnBasis, RETURN_BASES, defaults.comparison.returnBasis),
    },
    detection: {
      paused: pickBoolean(detection.paused, defaults.detection.paused),
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
      companyNames: pickBoolean(detection.companyNames, defaults.detection.companyNames),
      quoteSite: pickOne(detection.quoteSite, QUOTE_SITE_IDS, defaults.detection.quoteSite),
    },
    data: {
      providers: pickList(
        data.providers,
        DATA_SOURCES.map((d) => d.id),
        defaults.data.providers,
      ),
      refresh: pickOne(data.refresh, REFRESH_POLICIES, defaults.data.refresh),
      cacheSymbols: pickOne(data.cacheSymbols, CACHE_SIZES, defaults.data.cacheSymbols),
    },
    appearance: {
      theme: pickOne(appearance.theme, THEMES, defaults.appearance.theme),
      numberFormat: pickOne(
        appearance.numberFormat,
        NUMBER_FORMATS.map((n) => n.id),
        defaults.appearance.numberFormat,
      ),
    },
  };
}

/** True when `hostname` is `site` or one of its subdomains (`www.` ignored). */
export function hostMatchesSite(hostname: string, site: string): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, '');
  return host === site || host.endsWith(`.${site}`);
}

/** True when the content script should do nothing on `hostname` (paused, or the site or a parent domain is switched off). */
export function isDetectionDisabled(settings: DetectionSettings, hostname: string): boolean {
  if (settings.paused) return true;
  return settings.disabledSites.some((site) => hostMatchesSite(hostname, site));
}

/**
 * The locale numbers are written in: the pinned one, or `undefined` for the browser's own
 * (`Intl` then uses the runtime's default locale, the browser's language).
 */
export function numberLocaleOf(format: NumberFormatId): string | undefined {
  return NUMBER_FORMATS.find((n) => n.id === format)?.locale ?? undefined;
}
