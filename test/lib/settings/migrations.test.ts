import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_MIGRATIONS, migrateSettings } from '../../../lib/settings/migrations';
import { migrateV1ToV2 } from '../../../lib/settings/migrations/v1-to-v2';
import { SETTINGS_VERSION, sanitizeSettings } from '../../../lib/settings/schema';

/** Version 1 as the first builds stored it (commit 9b6b066: no market-data settings yet). */
const V1_EARLY = {
  comparison: { benchmarks: ['^IXIC', '^NDX'], periods: ['1Y', 'YTD'], volatilityWindow: 21 },
  detection: {
    paused: false,
    disabledSites: ['ft.com'],
    sensitivity: 'strict',
    companyNames: true,
  },
  theme: 'dark',
};

/** Version 1 as it was stored from commit b97281f on (one primary provider). */
const V1 = {
  comparison: { benchmarks: ['^GSPC'], periods: ['1M', '3M', 'YTD', '1Y'], volatilityWindow: 63 },
  detection: { paused: true, disabledSites: [], sensitivity: 'balanced', companyNames: false },
  data: { primary: 'stooq', refresh: 'on-demand', cacheSymbols: 500 },
  theme: 'light',
};

describe('settings migrations', () => {
  it('has one step per version, from 2 up to the current one', () => {
    const steps = Object.keys(SETTINGS_MIGRATIONS).map(Number);
    expect(steps).toEqual(Array.from({ length: SETTINGS_VERSION - 1 }, (_, i) => i + 2));
  });

  it('v1 → v2 (early shape, no data settings): keeps every choice, adds the new defaults', () => {
    expect(migrateV1ToV2(V1_EARLY)).toEqual({
      comparison: {
        benchmarks: ['^IXIC', '^NDX'],
        periods: ['1Y', 'YTD'],
        volatilityWindow: 21,
        chartPeriod: '1Y',
        returnBasis: 'price',
      },
      detection: {
        paused: false,
        disabledSites: ['ft.com'],
        sensitivity: 'strict',
        companyNames: true,
        quoteSite: 'yahoo',
      },
      data: { providers: ['yahoo', 'stooq'], refresh: 'scheduled', cacheSymbols: 250 },
      appearance: { theme: 'dark', numberFormat: 'browser' },
    });
  });

  it('v1 → v2 (with data settings): the primary provider comes first, then the no-key fallbacks', () => {
    const v2 = migrateV1ToV2(V1);
    expect(v2.data).toEqual({
      providers: ['stooq', 'yahoo'],
      refresh: 'on-demand',
      cacheSymbols: 500,
    });
    expect(v2.appearance).toEqual({ theme: 'light', numberFormat: 'browser' });
    expect(
      migrateV1ToV2({ ...V1, data: { ...V1.data, primary: 'twelvedata' } }).data,
    ).toMatchObject({
      providers: ['twelvedata', 'yahoo', 'stooq'],
    });
    expect(migrateV1ToV2({ ...V1, data: { ...V1.data, primary: 'yahoo' } }).data).toMatchObject({
      providers: ['yahoo', 'stooq'],
    });
  });

  it('v1 → v2 results are valid settings that keep what the user chose', () => {
    for (const old of [V1_EARLY, V1]) {
      const migrated = migrateV1ToV2(old);
      expect(sanitizeSettings(migrated)).toEqual(migrated);
    }
  });

  it('v1 → v2 is total: nothing stored, or garbage, gives a shape the reader can repair', () => {
    for (const junk of [undefined, null, 42, 'x', [], { comparison: 'no' }]) {
      expect(() => sanitizeSettings(migrateV1ToV2(junk))).not.toThrow();
    }
  });

  it('runs the steps in order and refuses a gap', () => {
    expect(migrateSettings(V1, 1, SETTINGS_VERSION)).toEqual(migrateV1ToV2(V1));
    expect(migrateSettings({ a: 1 }, SETTINGS_VERSION, SETTINGS_VERSION)).toEqual({ a: 1 });
    expect(() => migrateSettings(V1, 1, SETTINGS_VERSION + 1)).toThrow(/no settings migration/);
  });
});

/** The store module as a new context loads it (its item runs migrations when defined). */
function freshStore() {
  return import('../../../lib/settings/store');
}

describe('the stored settings item', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.resetModules();
  });

  for (const [name, stored, meta] of [
    ['version 1 with its version mark', V1, { v: 1 }],
    ['version 1 written before version marks', V1, undefined],
    ['the early version 1', V1_EARLY, { v: 1 }],
  ] as const) {
    it(`upgrades ${name} in storage on first use`, async () => {
      await fakeBrowser.storage.sync.set({
        settings: stored,
        ...(meta ? { settings$: meta } : {}),
      });
      const { loadSettings } = await freshStore();
      const settings = await loadSettings();
      expect(settings).toEqual(sanitizeSettings(migrateV1ToV2(stored)));
      const raw = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
      expect(raw.settings$).toEqual({ v: SETTINGS_VERSION });
      expect(raw.settings).toEqual(migrateV1ToV2(stored));
    });
  }

  it('leaves a fresh install on the defaults and marks the version on first save', async () => {
    const { loadSettings, saveSettings } = await freshStore();
    const settings = await loadSettings();
    expect(settings).toEqual(sanitizeSettings(undefined));
    await saveSettings({ ...settings, appearance: { ...settings.appearance, theme: 'dark' } });
    const raw = await fakeBrowser.storage.sync.get(['settings$']);
    expect(raw.settings$).toEqual({ v: SETTINGS_VERSION });
  });

  it('reads settings synced from a newer version as well as it can, without failing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await fakeBrowser.storage.sync.set({
      settings: { ...migrateV1ToV2(V1), futureSection: { x: 1 } },
      settings$: { v: SETTINGS_VERSION + 1 },
    });
    const { loadSettings } = await freshStore();
    const settings = await loadSettings();
    expect(settings.data.providers).toEqual(['stooq', 'yahoo']);
    expect(settings).not.toHaveProperty('futureSection');
    errors.mockRestore();
  });
});
