import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isDetectionDisabled,
  normalizeHostname,
  providerOrder,
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
      comparison: { benchmarks: ['^IXIC', 'BOGUS', '^GSPC', '^IXIC'], periods: ['1Y', '1M', '2W'] },
    });
    expect(s.comparison.benchmarks).toEqual(['^IXIC', '^GSPC']);
    expect(s.comparison.periods).toEqual(['1Y', '1M']);
  });

  it('falls back to defaults when a list would be empty or a value is out of range', () => {
    const s = sanitizeSettings({
      comparison: { benchmarks: [], periods: 'YTD', volatilityWindow: 7 },
      theme: 'neon',
    });
    expect(s.comparison.benchmarks).toEqual(DEFAULT_SETTINGS.comparison.benchmarks);
    expect(s.comparison.periods).toEqual(DEFAULT_SETTINGS.comparison.periods);
    expect(s.comparison.volatilityWindow).toBe(63);
    expect(s.theme).toBe('system');
  });

  it('normalizes and dedupes disabled sites, dropping what is not a hostname', () => {
    const s = sanitizeSettings({
      detection: {
        disabledSites: ['https://www.Reuters.com/markets', 'reuters.com', 'not a host', 42],
      },
    });
    expect(s.detection.disabledSites).toEqual(['reuters.com']);
  });
});

describe('data settings', () => {
  it('defaults to Yahoo with scheduled refresh and keeps valid choices', () => {
    expect(sanitizeSettings({}).data).toEqual({
      primary: 'yahoo',
      refresh: 'scheduled',
      cacheSymbols: 250,
    });
    expect(
      sanitizeSettings({ data: { primary: 'twelvedata', refresh: 'offline', cacheSymbols: 1000 } })
        .data,
    ).toEqual({ primary: 'twelvedata', refresh: 'offline', cacheSymbols: 1000 });
    expect(sanitizeSettings({ data: { primary: 'bloomberg', cacheSymbols: 7 } }).data).toEqual(
      DEFAULT_SETTINGS.data,
    );
  });
  it('asks the primary provider first, then the providers that need no key', () => {
    expect(providerOrder({ ...DEFAULT_SETTINGS.data, primary: 'yahoo' })).toEqual([
      'yahoo',
      'stooq',
    ]);
    expect(providerOrder({ ...DEFAULT_SETTINGS.data, primary: 'stooq' })).toEqual([
      'stooq',
      'yahoo',
    ]);
    expect(providerOrder({ ...DEFAULT_SETTINGS.data, primary: 'twelvedata' })).toEqual([
      'twelvedata',
      'yahoo',
      'stooq',
    ]);
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
