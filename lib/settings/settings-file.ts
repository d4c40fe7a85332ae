/**
 * Settings export and import: a small JSON file that says what it is and which settings version
 * wrote it. Import is strict: a file that is not JSON, is cut short, belongs to something else,
 * comes from a newer R2K Lens or holds a value R2K Lens does not know is refused with a sentence
 * saying what is wrong, so the caller can leave the current settings as they were. (Reading
 * storage is lenient instead, see `sanitizeSettings`: there a broken value must not break the
 * extension, here the user can fix the file.)
 *
 * The API key is never in the file: it is not a setting (it stays on this device).
 */
import * as v from 'valibot';
import { PERIODS } from '../metrics/period';
import { migrateSettings } from './migrations';
import { QUOTE_SITE_IDS } from '../links/quote-sites';
import {
  BENCHMARK_CHOICES,
  CACHE_SIZES,
  CHART_PERIODS,
  DATA_SOURCES,
  DETECTION_SENSITIVITIES,
  NUMBER_FORMATS,
  REFRESH_POLICIES,
  RETURN_BASES,
  SETTINGS_VERSION,
  THEMES,
  VOLATILITY_WINDOWS,
  normalizeHostname,
  type Settings,
} from './schema';

/** The `format` every settings file carries. */
export const SETTINGS_FILE_FORMAT = 'r2k-lens-settings';

/** Largest file import reads (a settings file is well under 2 KB; the sync area caps an item at 8 KB). */
export const MAX_SETTINGS_FILE_BYTES = 64 * 1024;

/** What an export writes. */
export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  /** The settings version of `settings` ({@link SETTINGS_VERSION} when written). */
  version: number;
  /** When the file was written (ISO timestamp). */
  exportedAt: string;
  settings: Settings;
}

export type SettingsImport =
  | {
      ok: true;
      settings: Settings;
      /** The settings version the file was written with (older ones were migrated). */
      fileVersion: number;
    }
  | { ok: false; error: string };

/** The export file's text for `settings` (pretty-printed, so it can be read and diffed). */
export function exportSettingsFile(settings: Settings, now: Date): string {
  const file: SettingsFile = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: now.toISOString(),
    settings,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** File name of an export made on `now` (local date). */
export function settingsFileName(now: Date): string {
  return `r2k-lens-settings-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

function oneOf(options: readonly (string | number)[]): (issue: v.BaseIssue<unknown>) => string {
  return (issue) => `${issue.received} is not one of ${options.join(', ')}`;
}

/** A list of choices from `options`, in the user's order, each once, at least one. */
function choiceList<T extends string>(options: readonly T[], what: string) {
  return v.pipe(
    v.array(v.picklist(options, oneOf(options)), `should be a list of ${what}`),
    v.minLength(1, `should name at least one ${what.replace(/s$/, '')}`),
    v.check(
      (list) => new Set(list).size === list.length,
      `names a ${what.replace(/s$/, '')} twice`,
    ),
  );
}

const flag = v.boolean((issue) => `should be true or false, not ${issue.received}`);

/** The current version's settings, every field required, nothing else allowed. */
const SETTINGS_SCHEMA = v.strictObject({
  comparison: v.strictObject({
    benchmarks: choiceList(
      BENCHMARK_CHOICES.map((b) => b.symbol),
      'benchmarks',
    ),
    periods: choiceList(PERIODS, 'periods'),
    chartPeriod: v.picklist(CHART_PERIODS, oneOf(CHART_PERIODS)),
    volatilityWindow: v.picklist(VOLATILITY_WINDOWS, oneOf(VOLATILITY_WINDOWS)),
    returnBasis: v.picklist(RETURN_BASES, oneOf(RETURN_BASES)),
  }),
  detection: v.strictObject({
    paused: flag,
    disabledSites: v.pipe(
      v.array(
        v.pipe(
          v.string('should be a site name'),
          v.check(
            (site) => normalizeHostname(site) === site,
            (issue) => `${issue.received} is not a site name such as reuters.com`,
          ),
        ),
        'should be a list of site names',
      ),
      v.maxLength(500, 'lists more than 500 sites'),
      v.check((list) => new Set(list).size === list.length, 'names a site twice'),
    ),
    sensitivity: v.picklist(DETECTION_SENSITIVITIES, oneOf(DETECTION_SENSITIVITIES)),
    companyNames: flag,
    quoteSite: v.picklist(QUOTE_SITE_IDS, oneOf(QUOTE_SITE_IDS)),
  }),
  data: v.strictObject({
    providers: choiceList(
      DATA_SOURCES.map((d) => d.id),
      'providers',
    ),
    refresh: v.picklist(REFRESH_POLICIES, oneOf(REFRESH_POLICIES)),
    cacheSymbols: v.picklist(CACHE_SIZES, oneOf(CACHE_SIZES)),
  }),
  appearance: v.strictObject({
    theme: v.picklist(THEMES, oneOf(THEMES)),
    numberFormat: v.picklist(
      NUMBER_FORMATS.map((n) => n.id),
      oneOf(NUMBER_FORMATS.map((n) => n.id)),
    ),
  }),
});

function pathOf(issue: v.BaseIssue<unknown>): string {
  let text = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    text += typeof key === 'number' ? `[${key}]` : text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** One issue as "where: what" in words a user can act on. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const where = pathOf(issue) || 'settings';
  if (issue.type === 'strict_object') {
    if (issue.expected === 'never') return `${where} is not a setting R2K Lens knows`;
    if (issue.received === 'undefined') return `${where} is missing`;
    return `${where} should be a group of settings, not ${issue.received}`;
  }
  return `${where}: ${issue.message}`;
}

function truncated(text: string, message: string): boolean {
  if (/end of (json )?(data|input)|unterminated/i.test(message)) return true;
  const at = /position (\d+)/.exec(message);
  return at !== null && Number(at[1]) >= text.trimEnd().length - 1;
}

/**
 * Reads an export file. Returns the settings it holds, migrated to the current version, or an
 * error sentence saying what is wrong with the file (the caller keeps the current settings).
 */
export function parseSettingsFile(text: string): SettingsImport {
  if (text.length > MAX_SETTINGS_FILE_BYTES) {
    return {
      ok: false,
      error: `The file is ${Math.round(text.length / 1024)} KB: too large to be an R2K Lens settings file (those are under 2 KB).`,
    };
  }
  if (text.trim() === '') return { ok: false, error: 'The file is empty.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: truncated(text, message)
        ? `The file ends too early: it looks truncated (${message}).`
        : `The file is not valid JSON (${message}).`,
    };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      error: `The file holds ${Array.isArray(raw) ? 'a list' : shown(raw)}, not an R2K Lens settings file.`,
    };
  }
  const file = raw as Record<string, unknown>;
  if (file.format !== SETTINGS_FILE_FORMAT) {
    return {
      ok: false,
      error:
        file.format === undefined
          ? `This is not an R2K Lens settings file: it has no "format": "${SETTINGS_FILE_FORMAT}".`
          : `This is not an R2K Lens settings file: its format is ${shown(file.format)}, not "${SETTINGS_FILE_FORMAT}".`,
    };
  }
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      error: `The file's "version" should be a settings version (a whole number from 1), not ${shown(version)}.`,
    };
  }
  if (version > SETTINGS_VERSION) {
    return {
      ok: false,
      error: `The file was written by a newer R2K Lens (settings version ${version}); this one reads versions up to ${SETTINGS_VERSION}. Update R2K Lens, then import the file again.`,
    };
  }
  if (typeof file.settings !== 'object' || file.settings === null || Array.isArray(file.settings)) {
    return { ok: false, error: 'The file has no "settings" object.' };
  }
  const current = migrateSettings(file.settings, version, SETTINGS_VERSION);
  const checked = v.safeParse(SETTINGS_SCHEMA, current);
  if (!checked.success) {
    const problems = checked.issues.map(describeIssue);
    const listed = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? `; and ${problems.length - 3} more` : '';
    return { ok: false, error: `The settings in the file are not valid: ${listed}${more}.` };
  }
  return { ok: true, settings: checked.output as Settings, fileVersion: version };
}
