import { useState } from 'preact/hooks';
import { BENCHMARKS } from '../../lib/context/benchmarks';
import { formatNumber, formatSignedPercent } from '../../lib/format/figures';
import { PERIODS, type Period } from '../../lib/metrics/period';
import { QUOTE_SITE_IDS, QUOTE_SITES } from '../../lib/links/quote-sites';
import {
  BENCHMARK_CHOICES,
  CACHE_SIZES,
  CHART_PERIODS,
  DATA_SOURCES,
  DETECTION_SENSITIVITIES,
  NUMBER_FORMATS,
  REFRESH_POLICIES,
  RETURN_BASES,
  THEMES,
  VOLATILITY_WINDOWS,
  type Settings,
} from '../../lib/settings/schema';
import { saveSettings } from '../../lib/settings/store';
import { useAppearance } from '../ui/use-appearance';
import { useSettings } from '../ui/use-settings';
import { ApiKeyField } from './ApiKeyField';
import { CachePanel } from './CachePanel';
import { DisabledSites } from './DisabledSites';
import { OrderedChoices } from './OrderedChoices';
import { RadioGroup } from './RadioGroup';
import { SettingsTransfer } from './SettingsTransfer';
import { SiteAccessPanel } from './SiteAccessPanel';

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

const BASIS_HELP: Record<(typeof RETURN_BASES)[number], string> = {
  price: 'Index levels as quoted (dividends left out).',
  'total-return':
    'Dividends reinvested, through the funds that track the indexes (IWM, SPY, QQQ, DIA) where their data is available; the Nasdaq Composite has no such fund and stays on price.',
};

const WINDOW_LABEL: Record<number, string> = {
  21: '1 month (21 days)',
  63: '3 months (63 days)',
  252: '1 year (252 days)',
};

const CHART_PERIOD_LABEL: Record<(typeof CHART_PERIODS)[number], string> = {
  '1M': '1M',
  '3M': '3M',
  YTD: 'YTD',
  '1Y': '1Y',
  '5Y': '5Y',
  max: 'Max',
};

function benchmarkDetail(symbol: string) {
  const info = BENCHMARKS.find((b) => b.symbol === symbol);
  return <span class="muted">{info ? `${symbol}: ${info.description}` : symbol}</span>;
}

/** A sample of each number format, written with that format's locale. */
function formatSample(locale: string | null): string {
  const sample = new Intl.NumberFormat(locale ?? undefined, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(2663.78);
  return sample;
}

/**
 * The options page: site access, comparison, detection, market data, appearance, and settings
 * export and import. Every change is saved at once and reaches open tabs and the popup without a
 * reload.
 */
export function OptionsApp() {
  const settings = useSettings();
  const [status, setStatus] = useState('');
  useAppearance(settings);

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
  const setAppearance = (patch: Partial<Settings['appearance']>) =>
    update({ ...s, appearance: { ...s.appearance, ...patch } });

  return (
    <main>
      <header>
        <h1>R2K Lens settings</h1>
        <p class="status" role="status" aria-live="polite">
          {status}
        </p>
      </header>

      <section aria-labelledby="sites">
        <h2 id="sites">Sites</h2>
        <SiteAccessPanel onStatus={setStatus} />
        <DisabledSites
          sites={s.detection.disabledSites}
          onChange={(disabledSites) => setDetection({ disabledSites })}
        />
        <label>
          <input
            type="checkbox"
            name="paused"
            checked={s.detection.paused}
            onChange={(e) => setDetection({ paused: e.currentTarget.checked })}
          />
          Pause on every site
        </label>
      </section>

      <section aria-labelledby="cmp">
        <h2 id="cmp">Comparison</h2>
        <OrderedChoices
          legend="Benchmarks beside the Russell 2000, in order"
          name="benchmark"
          choices={BENCHMARK_CHOICES.map((b) => ({
            id: b.symbol,
            label: b.label,
            detail: benchmarkDetail(b.symbol),
          }))}
          value={s.comparison.benchmarks}
          onChange={(benchmarks) => setComparison({ benchmarks })}
          keepOneTitle="Keep at least one benchmark"
        />
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
          legend="Chart period (the popup opens on it)"
          name="chartPeriod"
          options={CHART_PERIODS}
          value={s.comparison.chartPeriod}
          onChange={(chartPeriod) => setComparison({ chartPeriod })}
          label={(p) => CHART_PERIOD_LABEL[p]}
          inline
        />
        <RadioGroup
          legend="Volatility window"
          name="volatilityWindow"
          options={VOLATILITY_WINDOWS}
          value={s.comparison.volatilityWindow as (typeof VOLATILITY_WINDOWS)[number]}
          onChange={(w) => setComparison({ volatilityWindow: w })}
          label={(w) => WINDOW_LABEL[w]}
        />
        <RadioGroup
          legend="Returns"
          name="returnBasis"
          options={RETURN_BASES}
          value={s.comparison.returnBasis}
          onChange={(returnBasis) => setComparison({ returnBasis })}
          label={(basis) => (
            <>
              <strong>{basis === 'price' ? 'Price' : 'Total return'}</strong>{' '}
              <span class="muted">{BASIS_HELP[basis]}</span>
            </>
          )}
        />
      </section>

      <section aria-labelledby="det">
        <h2 id="det">Detection</h2>
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
        <label class="select-row">
          Quote links in the card open{' '}
          <select
            name="quoteSite"
            value={s.detection.quoteSite}
            onChange={(e) =>
              setDetection({
                quoteSite: e.currentTarget.value as Settings['detection']['quoteSite'],
              })
            }
          >
            {QUOTE_SITE_IDS.map((id) => (
              <option key={id} value={id}>
                {QUOTE_SITES[id].name}
              </option>
            ))}
          </select>
        </label>
      </section>

      <section aria-labelledby="data">
        <h2 id="data">Market data</h2>
        <OrderedChoices
          legend="Sources, asked in this order"
          name="provider"
          choices={DATA_SOURCES.map((d) => ({ id: d.id, label: d.label }))}
          value={s.data.providers}
          onChange={(providers) => setData({ providers })}
          keepOneTitle="Keep at least one source"
        >
          <p class="muted">
            When a source fails or asks to slow down, the next one is tried. Prices are daily
            closes; every figure shows its source and date.
          </p>
          {s.data.providers.includes('twelvedata') && <ApiKeyField />}
        </OrderedChoices>
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
          value={s.appearance.theme}
          onChange={(theme) => setAppearance({ theme })}
          inline
        />
        <label class="select-row">
          Numbers{' '}
          <select
            name="numberFormat"
            value={s.appearance.numberFormat}
            onChange={(e) =>
              setAppearance({
                numberFormat: e.currentTarget.value as Settings['appearance']['numberFormat'],
              })
            }
          >
            {NUMBER_FORMATS.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label}: {formatSample(n.locale)}
              </option>
            ))}
          </select>{' '}
          <span class="muted" data-testid="number-sample">
            e.g. {formatNumber(2663.78)} · {formatSignedPercent(-0.0123)}
          </span>
        </label>
      </section>

      <section aria-labelledby="yours">
        <h2 id="yours">Your settings</h2>
        <p class="muted">
          Settings follow your browser profile (browser sync). A file moves them anywhere else.
        </p>
        <SettingsTransfer settings={s} save={update} />
      </section>
    </main>
  );
}
