/**
 * Settings from anywhere (storage written by a compromised renderer in Firefox, a hand-edited or
 * hostile export file) never break R2K Lens: fast-check, fixed seed. `sanitizeSettings` turns any
 * JSON value into a complete, valid settings object, keeps every valid field it is given, and is
 * idempotent; `parseSettingsFile` never throws and accepts exactly what exports write.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUOTE_SITE_IDS } from '../../../lib/links/quote-sites';
import { PERIODS } from '../../../lib/metrics/period';
import {
  BENCHMARK_CHOICES,
  CACHE_SIZES,
  CHART_PERIODS,
  DATA_SOURCES,
  DEFAULT_SETTINGS,
  DETECTION_SENSITIVITIES,
  NUMBER_FORMATS,
  REFRESH_POLICIES,
  RETURN_BASES,
  sanitizeSettings,
  SETTINGS_VERSION,
  THEMES,
  VOLATILITY_WINDOWS,
  type Settings,
} from '../../../lib/settings/schema';
import { exportSettingsFile, parseSettingsFile } from '../../../lib/settings/settings-file';

const SEED = 20_240_313;
const RUNS = 1000;

/** A non-empty list of distinct allowed values, in any order. */
const someOf = <T>(values: readonly T[]) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: values.length });

/** Any valid settings object. */
const validSettings: fc.Arbitrary<Settings> = fc.record({
  comparison: fc.record({
    benchmarks: someOf(BENCHMARK_CHOICES.map((b) => b.symbol)),
    periods: someOf(PERIODS),
    chartPeriod: fc.constantFrom(...CHART_PERIODS),
    volatilityWindow: fc.constantFrom(...VOLATILITY_WINDOWS),
    returnBasis: fc.constantFrom(...RETURN_BASES),
  }),
  detection: fc.record({
    paused: fc.boolean(),
    disabledSites: fc.uniqueArray(
      fc.domain().map((d) => d.toLowerCase().replace(/^www\./, '')),
      {
        maxLength: 5,
      },
    ),
    sensitivity: fc.constantFrom(...DETECTION_SENSITIVITIES),
    companyNames: fc.boolean(),
    quoteSite: fc.constantFrom(...QUOTE_SITE_IDS),
  }),
  data: fc.record({
    providers: someOf(DATA_SOURCES.map((d) => d.id)),
    refresh: fc.constantFrom(...REFRESH_POLICIES),
    cacheSymbols: fc.constantFrom(...CACHE_SIZES),
  }),
  appearance: fc.record({
    theme: fc.constantFrom(...THEMES),
    numberFormat: fc.constantFrom(...NUMBER_FORMATS.map((n) => n.id)),
  }),
}) as fc.Arbitrary<Settings>;

/** Values a hostile writer would try in any slot. */
const junk = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    null,
    undefined,
    NaN,
    Infinity,
    -0,
    '',
    '__proto__',
    'constructor',
    [],
    {},
    { __proto__: { paused: true } },
    Object.create(null) as object,
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '^GSPC',
    ['^GSPC', '^GSPC'],
    ['evil.com', 'https://www.Example.com/path', 42, null],
    1e308,
    -1,
    250.5,
    '250',
  ),
);

/** Checks every field against its allowed values. */
function expectValid(s: Settings): void {
  expect(Object.keys(s).toSorted()).toEqual(['appearance', 'comparison', 'data', 'detection']);
  const c = s.comparison;
  expect(c.benchmarks.length).toBeGreaterThan(0);
  expect(new Set(c.benchmarks).size).toBe(c.benchmarks.length);
  for (const b of c.benchmarks) expect(BENCHMARK_CHOICES.map((x) => x.symbol)).toContain(b);
  expect(c.periods.length).toBeGreaterThan(0);
  for (const p of c.periods) expect(PERIODS).toContain(p);
  expect(CHART_PERIODS).toContain(c.chartPeriod);
  expect(VOLATILITY_WINDOWS).toContain(c.volatilityWindow);
  expect(RETURN_BASES).toContain(c.returnBasis);
  const d = s.detection;
  expect(typeof d.paused).toBe('boolean');
  expect(typeof d.companyNames).toBe('boolean');
  for (const site of d.disabledSites) expect(site).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/);
  expect(DETECTION_SENSITIVITIES).toContain(d.sensitivity);
  expect(QUOTE_SITE_IDS).toContain(d.quoteSite);
  expect(s.data.providers.length).toBeGreaterThan(0);
  for (const p of s.data.providers) expect(DATA_SOURCES.map((x) => x.id)).toContain(p);
  expect(REFRESH_POLICIES).toContain(s.data.refresh);
  expect(CACHE_SIZES).toContain(s.data.cacheSymbols);
  expect(THEMES).toContain(s.appearance.theme);
  expect(NUMBER_FORMATS.map((n) => n.id)).toContain(s.appearance.numberFormat);
  // Plain data all the way down: what storage and the card receive.
  expect(JSON.parse(JSON.stringify(s))).toEqual(s);
}

/** `settings` with junk put in extra keys and in some of its slots (those are reported). */
const damaged = validSettings.chain((settings) =>
  fc
    .record({
      section: fc.constantFrom('comparison', 'detection', 'data', 'appearance'),
      key: fc.string({ maxLength: 12 }),
      value: junk,
      extraTop: fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 3 }),
    })
    .map(({ section, key, value, extraTop }) => {
      const copy = structuredClone(settings) as unknown as Record<string, Record<string, unknown>>;
      const touched = Object.hasOwn(copy[section]!, key) ? `${section}.${key}` : null;
      Object.defineProperty(copy[section], key, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      for (const [k, v] of Object.entries(extraTop)) {
        if (!Object.hasOwn(copy, k)) {
          Object.defineProperty(copy, k, { value: v, enumerable: true, configurable: true });
        }
      }
      return { settings, input: copy as unknown, touched };
    }),
);

describe('sanitizeSettings on anything', () => {
  it(`never throws and always returns complete, valid settings (${RUNS} JSON values)`, () => {
    fc.assert(
      fc.property(fc.oneof(junk, fc.object({ values: [junk] })), (value) => {
        expectValid(sanitizeSettings(value));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it(`keeps every valid field and returns valid settings unchanged (${RUNS} settings)`, () => {
    fc.assert(
      fc.property(validSettings, (settings) => {
        expect(sanitizeSettings(settings)).toEqual(settings);
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  it(`with junk in one slot and beside it, keeps every other valid field (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(damaged, ({ settings, input, touched }) => {
        const out = sanitizeSettings(input);
        expectValid(out);
        for (const section of ['comparison', 'detection', 'data', 'appearance'] as const) {
          for (const [key, value] of Object.entries(settings[section])) {
            if (`${section}.${key}` === touched) continue;
            expect((out[section] as unknown as Record<string, unknown>)[key]).toEqual(value);
          }
        }
      }),
      { seed: SEED + 2, numRuns: RUNS },
    );
  });

  it(`is idempotent (${RUNS} JSON values)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          junk,
          damaged.map((d) => d.input),
        ),
        (value) => {
          const once = sanitizeSettings(value);
          expect(sanitizeSettings(once)).toEqual(once);
        },
      ),
      { seed: SEED + 3, numRuns: RUNS },
    );
  });
});

describe('parseSettingsFile on anything', () => {
  it(`never throws; a refusal says why in a sentence (${RUNS} texts)`, () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      fc
        .record({
          format: fc.oneof(fc.constant('r2k-lens-settings'), junk),
          version: fc.oneof(fc.constantFrom(1, SETTINGS_VERSION, SETTINGS_VERSION + 1), junk),
          settings: fc.oneof(
            junk,
            damaged.map((d) => d.input),
          ),
        })
        .map((f) => JSON.stringify(f) ?? ''),
    );
    fc.assert(
      fc.property(text, (t) => {
        const result = parseSettingsFile(t);
        if (result.ok) expectValid(result.settings);
        else expect(result.error).toMatch(/^[A-Z].*\.$/s);
      }),
      { seed: SEED + 4, numRuns: RUNS },
    );
  });

  it(`reads back every export exactly (${RUNS} settings)`, () => {
    fc.assert(
      fc.property(validSettings, (settings) => {
        const result = parseSettingsFile(exportSettingsFile(settings, new Date(0)));
        expect(result).toEqual({ ok: true, settings, fileVersion: SETTINGS_VERSION });
      }),
      { seed: SEED + 5, numRuns: RUNS },
    );
  });

  it('the defaults are valid', () => {
    expectValid(DEFAULT_SETTINGS);
  });
});
