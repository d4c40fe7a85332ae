import { describe, expect, it } from 'vitest';
import { migrateV1ToV2 } from '../../../lib/settings/migrations/v1-to-v2';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from '../../../lib/settings/schema';
import {
  exportSettingsFile,
  parseSettingsFile,
  settingsFileName,
} from '../../../lib/settings/settings-file';

const CHOSEN: Settings = {
  comparison: {
    benchmarks: ['^DJI', '^GSPC'],
    periods: ['1M', 'YTD', '5Y'],
    chartPeriod: 'max',
    volatilityWindow: 21,
    returnBasis: 'total-return',
  },
  detection: {
    paused: false,
    disabledSites: ['ft.com', 'news.example.org'],
    sensitivity: 'strict',
    companyNames: true,
    quoteSite: 'cnbc',
  },
  data: { providers: ['stooq', 'yahoo'], refresh: 'on-demand', cacheSymbols: 500 },
  appearance: { theme: 'dark', numberFormat: 'de-DE' },
};

const NOW = new Date('2026-03-04T10:20:30.000Z');

function fileWith(patch: Record<string, unknown>): string {
  return JSON.stringify({ ...JSON.parse(exportSettingsFile(CHOSEN, NOW)), ...patch });
}

// oxlint-disable-next-line typescript/no-explicit-any -- tests break a deep copy of the settings at any path
function settingsWith(mutate: (s: Record<string, any>) => void): string {
  const file = JSON.parse(exportSettingsFile(CHOSEN, NOW));
  mutate(file.settings);
  return JSON.stringify(file);
}

function refusal(text: string): string {
  const result = parseSettingsFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}

describe('settings export', () => {
  it('writes a file that says what it is, which version wrote it and when', () => {
    const file = JSON.parse(exportSettingsFile(CHOSEN, NOW));
    expect(file).toEqual({
      format: 'r2k-lens-settings',
      version: SETTINGS_VERSION,
      exportedAt: '2026-03-04T10:20:30.000Z',
      settings: CHOSEN,
    });
    expect(JSON.stringify(file)).not.toMatch(/apikey|twelveDataApiKey/i);
  });

  it('round-trips every setting', () => {
    expect(parseSettingsFile(exportSettingsFile(CHOSEN, NOW))).toEqual({
      ok: true,
      settings: CHOSEN,
      fileVersion: SETTINGS_VERSION,
    });
    expect(parseSettingsFile(exportSettingsFile(DEFAULT_SETTINGS, NOW))).toMatchObject({
      ok: true,
      settings: DEFAULT_SETTINGS,
    });
  });

  it('names the file after the local date', () => {
    expect(settingsFileName(new Date(2026, 0, 5, 23, 59))).toBe(
      'r2k-lens-settings-2026-01-05.json',
    );
  });
});

describe('settings import refuses bad files and says why', () => {
  it('an empty file', () => {
    expect(refusal('')).toBe('The file is empty.');
    expect(refusal('  \n')).toBe('The file is empty.');
  });

  it('a truncated file', () => {
    const text = exportSettingsFile(CHOSEN, NOW);
    for (const cut of [text.length - 5, Math.floor(text.length / 2), 20]) {
      expect(refusal(text.slice(0, cut))).toMatch(/^The file ends too early: it looks truncated/);
    }
  });

  it('a file that is not JSON', () => {
    expect(refusal('format=r2k-lens-settings')).toMatch(/^The file is not valid JSON \(/);
    expect(refusal('{"format": r2k}')).toMatch(/^The file is not valid JSON/);
  });

  it('JSON that is not a settings file', () => {
    expect(refusal('[1, 2]')).toBe('The file holds a list, not an R2K Lens settings file.');
    expect(refusal('"hello"')).toBe('The file holds "hello", not an R2K Lens settings file.');
    expect(refusal('{"theme": "dark"}')).toBe(
      'This is not an R2K Lens settings file: it has no "format": "r2k-lens-settings".',
    );
    expect(refusal(fileWith({ format: 'dark-reader-settings' }))).toBe(
      'This is not an R2K Lens settings file: its format is "dark-reader-settings", not "r2k-lens-settings".',
    );
  });

  it('a file from a newer R2K Lens', () => {
    expect(refusal(fileWith({ version: SETTINGS_VERSION + 1 }))).toBe(
      `The file was written by a newer R2K Lens (settings version ${SETTINGS_VERSION + 1}); this one reads versions up to ${SETTINGS_VERSION}. Update R2K Lens, then import the file again.`,
    );
  });

  it('a file without a sensible version or settings', () => {
    for (const version of [0, 1.5, '2', null]) {
      expect(refusal(fileWith({ version }))).toMatch(/"version" should be a settings version/);
    }
    expect(refusal(fileWith({ settings: undefined }))).toBe('The file has no "settings" object.');
    expect(refusal(fileWith({ settings: [1] }))).toBe('The file has no "settings" object.');
  });

  it('a value R2K Lens does not know, naming where it is', () => {
    expect(refusal(settingsWith((s) => (s.comparison.benchmarks = ['^GSPC', '^FTSE'])))).toBe(
      'The settings in the file are not valid: comparison.benchmarks[1]: "^FTSE" is not one of ^GSPC, ^IXIC, ^NDX, ^DJI.',
    );
    expect(refusal(settingsWith((s) => (s.appearance.theme = 'neon')))).toBe(
      'The settings in the file are not valid: appearance.theme: "neon" is not one of system, light, dark.',
    );
    expect(refusal(settingsWith((s) => (s.data.cacheSymbols = 7)))).toMatch(
      /data\.cacheSymbols: 7 is not one of 100, 250, 500, 1000/,
    );
    expect(refusal(settingsWith((s) => (s.detection.paused = 'yes')))).toMatch(
      /detection\.paused: should be true or false, not "yes"/,
    );
    expect(
      refusal(settingsWith((s) => (s.detection.disabledSites = ['https://ft.com/x']))),
    ).toMatch(
      /detection\.disabledSites\[0\]: "https:\/\/ft.com\/x" is not a site name such as reuters.com/,
    );
  });

  it('empty, repeated or missing choices, unknown and missing settings', () => {
    expect(refusal(settingsWith((s) => (s.data.providers = [])))).toMatch(
      /data\.providers: should name at least one provider/,
    );
    expect(refusal(settingsWith((s) => (s.comparison.periods = ['1M', '1M'])))).toMatch(
      /comparison\.periods: names a period twice/,
    );
    expect(refusal(settingsWith((s) => delete s.detection.quoteSite))).toMatch(
      /detection\.quoteSite is missing/,
    );
    expect(refusal(settingsWith((s) => (s.telemetry = true)))).toMatch(
      /telemetry is not a setting R2K Lens knows/,
    );
    expect(refusal(settingsWith((s) => (s.data = 'fast')))).toMatch(
      /data should be a group of settings, not "fast"/,
    );
  });

  it('lists at most three problems and counts the rest', () => {
    const error = refusal(
      settingsWith((s) => {
        s.appearance = { theme: 1, numberFormat: 2 };
        s.comparison.chartPeriod = 3;
        s.comparison.returnBasis = 4;
        s.detection.sensitivity = 5;
      }),
    );
    expect(error).toMatch(/; and 2 more\.$/);
    expect(error.split('; ').length).toBe(4);
  });

  it('a file far larger than any settings file', () => {
    expect(refusal(`{"x":"${'a'.repeat(70_000)}"}`)).toMatch(/^The file is 68 KB: too large/);
  });
});

describe('settings import of an older version', () => {
  it('upgrades a version-1 file through the same migrations as storage', () => {
    const v1 = {
      comparison: { benchmarks: ['^NDX'], periods: ['1Y'], volatilityWindow: 252 },
      detection: { paused: false, disabledSites: [], sensitivity: 'strict', companyNames: false },
      data: { primary: 'twelvedata', refresh: 'scheduled', cacheSymbols: 100 },
      theme: 'light',
    };
    const result = parseSettingsFile(
      JSON.stringify({ format: 'r2k-lens-settings', version: 1, settings: v1 }),
    );
    expect(result).toEqual({ ok: true, settings: migrateV1ToV2(v1), fileVersion: 1 });
  });

  it('still refuses a version-1 file with a bad value', () => {
    const error = refusal(
      JSON.stringify({
        format: 'r2k-lens-settings',
        version: 1,
        settings: {
          comparison: { benchmarks: ['^NDX'], periods: ['1Y'], volatilityWindow: 252 },
          detection: {
            paused: false,
            disabledSites: [],
            sensitivity: 'strict',
            companyNames: false,
          },
          theme: 'sepia',
        },
      }),
    );
    expect(error).toMatch(/appearance\.theme: "sepia" is not one of/);
  });
});
