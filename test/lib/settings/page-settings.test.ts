import { describe, expect, it } from 'vitest';
import { pageSettingsChanged, pageSettingsFor } from '../../../lib/settings/page-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';

const withDetection = (patch: Partial<Settings['detection']>): Settings => ({
  ...DEFAULT_SETTINGS,
  detection: { ...DEFAULT_SETTINGS.detection, ...patch },
});

describe('pageSettingsFor', () => {
  it('tells a covered page to run, with only what the content script needs', () => {
    const page = pageSettingsFor(DEFAULT_SETTINGS, 'www.reuters.com', true);
    expect(page).toEqual({
      active: true,
      reason: null,
      sensitivity: 'balanced',
      companyNames: false,
      theme: 'system',
      quoteSite: 'yahoo',
      numberLocale: null,
    });
    // Nothing about other sites, the data source or the comparison leaves the trusted side.
    expect(JSON.stringify(page)).not.toMatch(/disabledSites|providers|benchmarks|key/i);
  });

  it('says why it should not run: paused first, then no access, then switched off', () => {
    expect(pageSettingsFor(withDetection({ paused: true }), 'ft.com', true)).toMatchObject({
      active: false,
      reason: 'paused',
    });
    expect(pageSettingsFor(DEFAULT_SETTINGS, 'example.com', false)).toMatchObject({
      active: false,
      reason: 'no-access',
    });
    expect(
      pageSettingsFor(withDetection({ disabledSites: ['ft.com'] }), 'markets.ft.com', true),
    ).toMatchObject({ active: false, reason: 'site-off' });
  });

  it('passes on the pinned number locale', () => {
    const s = {
      ...DEFAULT_SETTINGS,
      appearance: { theme: 'dark' as const, numberFormat: 'fr-FR' as const },
    };
    expect(pageSettingsFor(s, 'ft.com', true)).toMatchObject({
      theme: 'dark',
      numberLocale: 'fr-FR',
    });
  });
});

describe('pageSettingsChanged', () => {
  it('is true only for what a content script is told', () => {
    expect(pageSettingsChanged(DEFAULT_SETTINGS, withDetection({ sensitivity: 'strict' }))).toBe(
      true,
    );
    expect(
      pageSettingsChanged(DEFAULT_SETTINGS, {
        ...DEFAULT_SETTINGS,
        appearance: { ...DEFAULT_SETTINGS.appearance, theme: 'dark' },
      }),
    ).toBe(true);
    expect(
      pageSettingsChanged(DEFAULT_SETTINGS, {
        ...DEFAULT_SETTINGS,
        comparison: { ...DEFAULT_SETTINGS.comparison, benchmarks: ['^DJI'] },
      }),
    ).toBe(false);
  });
});
