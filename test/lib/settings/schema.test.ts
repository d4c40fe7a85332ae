import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isDetectionDisabled,
  normalizeHostname,
  numberLocaleOf,
  sanitizeSettings,
} from '../../../lib/settings/schema';

describe('sanitizeSettings', () => {
  it('returns the defaults for nothing stored', () => {
    expect(sanitizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid choices in the user order and drops unknown or duplicate ones', () => {
    const s = sanitizeSettings({
      comparison: {
        benchmarks: ['^DJI', 'BOGUS', '^GSPC', '^DJI'],
        periods: ['1Y', '1M', '2W'],
      },
      data: { providers: ['stooq', 'bloomberg', 'yahoo', 'stooq'] },
    });
    expect(s.comparison.benchmarks).toEqual(['^DJI', '^GSPC']);
    expect(s.comparison.periods).toEqual(['1Y', '1M']);
    expect(s.data.providers).toEqual(['stooq', 'yahoo']);
  });

  it('falls back to defaults when a list would be empty or a value is out of range', () => {
    const s = sanitizeSettings({
      comparison: {
        benchmarks: [],
        periods: 'YTD',
        volatilityWindow: 7,
        chartPeriod: '2Y',
        returnBasis: 'dividends',
      },
      detection: { quoteSite: 'evil.example' },
      data: { providers: [], cacheSymbols: 7 },
      appearance: { theme: 'neon', numberFormat: 'xx-XX' },
    });
    expect(s.comparison).toEqual(DEFAULT_SETTINGS.comparison);
    expect(s.detection.quoteSite).toBe('yahoo');
    expect(s.data).toEqual(DEFAULT_SETTINGS.data);
    expect(s.appearance).toEqual({ theme: 'system', numberFormat: 'browser' });
  });

  it('normalizes and dedupes disabled sites, dropping what is not a hostname', () => {
    const s = sanitizeSettings({
      detection: {
        disabledSites: ['https://www.Reuters.com/markets', 'reuters.com', 'not a host', 42],
      },
    });
    expect(s.detection.disabledSites).toEqual(['reuters.com']);
  });

  it('keeps every valid version-2 value', () => {
    const chosen = {
      comparison: {
        benchmarks: ['^NDX', '^DJI'],
        periods: ['YTD', '5Y'],
        chartPeriod: 'max',
        volatilityWindow: 252,
        returnBasis: 'total-return',
      },
      detection: {
        paused: true,
        disabledSites: ['ft.com'],
        sensitivity: 'strict',
        companyNames: true,
        quoteSite: 'finviz',
      },
      data: { providers: ['twelvedata', 'stooq'], refresh: 'offline', cacheSymbols: 1000 },
      appearance: { theme: 'dark', numberFormat: 'de-CH' },
    };
    expect(sanitizeSettings(chosen)).toEqual(chosen);
  });
});

describe('normalizeHostname', () => {
  it('strips scheme, www, path and port', () => {
    expect(normalizeHostname(' HTTPS://www.cnbc.com:443/quotes/IWM ')).toBe('cnbc.com');
    expect(normalizeHostname('finance.yahoo.com')).toBe('finance.yahoo.com');
    expect(normalizeHostname('')).toBeNull();
    expect(normalizeHostname('a b')).toBeNull();
  });
});

describe('isDetectionDisabled', () => {
  const base = DEFAULT_SETTINGS.detection;
  it('is off by default and on when paused', () => {
    expect(isDetectionDisabled(base, 'www.reuters.com')).toBe(false);
    expect(isDetectionDisabled({ ...base, paused: true }, 'www.reuters.com')).toBe(true);
  });
  it('covers a disabled site and its subdomains but not look-alikes', () => {
    const s = { ...base, disabledSites: ['yahoo.com'] };
    expect(isDetectionDisabled(s, 'finance.yahoo.com')).toBe(true);
    expect(isDetectionDisabled(s, 'yahoo.com')).toBe(true);
    expect(isDetectionDisabled(s, 'notyahoo.com')).toBe(false);
  });
});

describe('numberLocaleOf', () => {
  it('pins a locale, or leaves the browser its own', () => {
    expect(numberLocaleOf('browser')).toBeUndefined();
    expect(numberLocaleOf('de-DE')).toBe('de-DE');
  });
});
