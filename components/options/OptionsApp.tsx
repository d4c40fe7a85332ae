import { useEffect, useState } from 'preact/hooks';
import { PERIODS, type Period } from '../../lib/metrics/period';
import {
  BENCHMARK_CHOICES,
  CACHE_SIZES,
  DATA_SOURCES,
  DETECTION_SENSITIVITIES,
  REFRESH_POLICIES,
  THEMES,
  VOLATILITY_WINDOWS,
  normalizeHostname,
  type BenchmarkSymbol,
  type Settings,
} from '../../lib/settings/schema';
import { saveSettings } from '../../lib/settings/store';
import { ApiKeyField } from './ApiKeyField';
import { CachePanel } from './CachePanel';
import { RadioGroup } from './RadioGroup';
import { applyTheme } from '../ui/apply-theme';
import { useSettings } from '../ui/use-settings';

const SENSITIVITY_HELP: Record<(typeof DETECTION_SENSITIVITIES)[number], string> = {
  strict: 'Only cashtags, exchange prefixes, Reuters codes, quote links and index names.',
  balanced:
    'Also bare symbols in a market context ("shares of KTOS", "IWM fell 2%"); word-like ones (IT, ON, ALL) need a clear ticker signal.',
};

const REFRESH_HELP: Record<(typeof REFRESH_POLICIES)[number], string> = {
  scheduled:
    'Keep the benchmarks and your recent symbols fresh: often while the US market is open, rarely when it is closed.',
  'on-demand': 'Fetch only when a card needs newer data. Nothing runs in the background.',
  offline: 'Never fetch. Cards use the bundled snapshot and what is already cached.',
};

const WINDOW_LABEL: Record<number, string> = {
  21: '1 month (21 days)',
  63: '3 months (63 days)',
  252: '1 year (252 days)',
};

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

/** The options page: comparison preferences, detection, appearance. Saves on every change. */
export function OptionsApp() {
  const settings = useSettings();
  const [status, setStatus] = useState('');
  const [siteInput, setSiteInput] = useState('');
  const [siteError, setSiteError] = useState('');

  useEffect(() => {
    if (settings) applyTheme(document.documentElement, settings.theme);
  }, [settings?.theme]);

  if (!settings) return <p class="loading">Loading settings…</p>;

  async function update(next: Settings) {
    try {
      await saveSettings(next);
      setStatus('Saved');
    } catch (error) {
      setStatus(`Could not save: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const s = settings;
  const setComparison = (patch: Partial<Settings['comparison']>) =>
    update({ ...s, comparison: { ...s.comparison, ...patch } });
  const setDetection = (patch: Partial<Settings['detection']>) =>
    update({ ...s, detection: { ...s.detection, ...patch } });
  const setData = (patch: Partial<Settings['data']>) =>
    update({ ...s, data: { ...s.data, ...patch } });

  function addSite(event: Event) {
    event.preventDefault();
    const host = normalizeHostname(siteInput);
    if (!host) {
      setSiteError('Enter a site such as reuters.com');
      return;
    }
    setSiteError('');
    setSiteInput('');
    void setDetection({ disabledSites: [...new Set([...s.detection.disabledSites, host])] });
  }

  return (
    <main>
      <header>
        <h1>R2K Lens settings</h1>
        <p class="status" role="status" aria-live="polite">
          {status}
        </p>
      </header>

      <section aria-labelledby="cmp">
        <h2 id="cmp">Comparison</h2>
        <fieldset>
          <legend>Benchmarks beside the Russell 2000</legend>
          {BENCHMARK_CHOICES.map((b) => {
            const on = s.comparison.benchmarks.includes(b.symbol);
            const last = on && s.comparison.benchmarks.length === 1;
            return (
              <label key={b.symbol}>
                <input
                  type="checkbox"
                  name="benchmark"
                  value={b.symbol}
                  checked={on}
                  disabled={last}
                  title={last ? 'Keep at least one benchmark' : undefined}
                  onChange={(e) =>
                    setComparison({
                      benchmarks: toggle<BenchmarkSymbol>(
                        s.comparison.benchmarks,
                        b.symbol,
                        e.currentTarget.checked,
                      ),
                    })
                  }
                />
                {b.label} <span class="muted">{b.symbol}</span>
              </label>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>Periods</legend>
          <div class="chips">
            {PERIODS.map((p) => {
              const on = s.comparison.periods.includes(p);
              return (
                <label key={p} class="chip">
                  <input
                    type="checkbox"
                    name="period"
                    value={p}
                    checked={on}
                    disabled={on && s.comparison.periods.length === 1}
                    onChange={(e) =>
                      setComparison({
                        periods: PERIODS.filter((x: Period) =>
                          x === p ? e.currentTarget.checked : s.comparison.periods.includes(x),
                        ),
                      })
                    }
                  />
                  {p}
                </label>
              );
            })}
          </div>
        </fieldset>
        <RadioGroup
          legend="Volatility window"
          name="volatilityWindow"
          options={VOLATILITY_WINDOWS}
          value={s.comparison.volatilityWindow as (typeof VOLATILITY_WINDOWS)[number]}
          onChange={(w) => setComparison({ volatilityWindow: w })}
          label={(w) => WINDOW_LABEL[w]}
        />
      </section>

      <section aria-labelledby="det">
        <h2 id="det">Detection</h2>
        <label>
          <input
            type="checkbox"
            name="paused"
            checked={s.detection.paused}
            onChange={(e) => setDetection({ paused: e.currentTarget.checked })}
          />
          Pause on every site
        </label>
        <RadioGroup
          legend="Sensitivity"
          name="sensitivity"
          options={DETECTION_SENSITIVITIES}
          value={s.detection.sensitivity}
          onChange={(level) => setDetection({ sensitivity: level })}
          label={(level) => (
            <>
              <strong>{level}</strong> <span class="muted">{SENSITIVITY_HELP[level]}</span>
            </>
          )}
        />
        <label>
          <input
            type="checkbox"
            name="companyNames"
            checked={s.detection.companyNames}
            onChange={(e) => setDetection({ companyNames: e.currentTarget.checked })}
          />
          Recognise company names ("Goldman Sachs" → GS)
        </label>
        <fieldset>
          <legend>Sites where R2K Lens stays off</legend>
          {s.detection.disabledSites.length === 0 ? (
            <p class="muted">None: R2K Lens runs on every site.</p>
          ) : (
            <ul class="sites">
              {s.detection.disabledSites.map((site) => (
                <li key={site}>
                  {site}{' '}
                  <button
                    type="button"
                    aria-label={`Turn R2K Lens back on for ${site}`}
                    onClick={() =>
                      setDetection({
                        disabledSites: s.detection.disabledSites.filter((x) => x !== site),
                      })
                    }
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={addSite} class="add-site">
            <input
              type="text"
              name="site"
              placeholder="example.com"
              value={siteInput}
              aria-invalid={siteError ? 'true' : undefined}
              onInput={(e) => setSiteInput(e.currentTarget.value)}
            />
            <button type="submit">Add</button>
          </form>
          {siteError && <p class="error">{siteError}</p>}
        </fieldset>
      </section>

      <section aria-labelledby="data">
        <h2 id="data">Market data</h2>
        <RadioGroup
          legend="Source"
          name="primary"
          options={DATA_SOURCES.map((d) => d.id)}
          value={s.data.primary}
          onChange={(id) => setData({ primary: id })}
          label={(id) => DATA_SOURCES.find((d) => d.id === id)?.label}
        >
          <p class="muted">
            Sources that need no key are tried next when the first one fails. Prices are daily
            closes; every figure shows its source and date.
          </p>
          {s.data.primary === 'twelvedata' && <ApiKeyField />}
        </RadioGroup>
        <RadioGroup
          legend="Refresh"
          name="refresh"
          options={REFRESH_POLICIES}
          value={s.data.refresh}
          onChange={(policy) => setData({ refresh: policy })}
          label={(policy) => (
            <>
              <strong>{policy}</strong> <span class="muted">{REFRESH_HELP[policy]}</span>
            </>
          )}
        />
        <fieldset>
          <legend>Cache</legend>
          <label>
            Keep up to{' '}
            <select
              name="cacheSymbols"
              value={String(s.data.cacheSymbols)}
              onChange={(e) => setData({ cacheSymbols: Number(e.currentTarget.value) })}
            >
              {CACHE_SIZES.map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>{' '}
            symbols besides the benchmarks (least recently used go first)
          </label>
          <CachePanel />
        </fieldset>
      </section>

      <section aria-labelledby="look">
        <h2 id="look">Appearance</h2>
        <RadioGroup
          legend="Theme"
          name="theme"
          options={THEMES}
          value={s.theme}
          onChange={(t) => update({ ...s, theme: t })}
        />
      </section>
    </main>
  );
}
