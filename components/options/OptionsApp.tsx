import { useState } from 'preact/hooks';
import { BENCHMARKS } from '../../lib/context/benchmarks';
import { formatCount, formatNumber, formatSignedPercent } from '../../lib/format/figures';
import { t, uiLanguage, type MessageKey } from '../../lib/i18n/translate';
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

/** Each choice's name and help, by id (the ids are stored; the words are the locale's). */
const SENSITIVITY_TEXT: Record<(typeof DETECTION_SENSITIVITIES)[number], [MessageKey, MessageKey]> =
  {
    strict: ['options_sensitivityStrict', 'options_sensitivityStrictHelp'],
    balanced: ['options_sensitivityBalanced', 'options_sensitivityBalancedHelp'],
  };

const REFRESH_TEXT: Record<(typeof REFRESH_POLICIES)[number], [MessageKey, MessageKey]> = {
  scheduled: ['options_refreshScheduled', 'options_refreshScheduledHelp'],
  'on-demand': ['options_refreshOnDemand', 'options_refreshOnDemandHelp'],
  offline: ['options_refreshOffline', 'options_refreshOfflineHelp'],
};

const BASIS_TEXT: Record<(typeof RETURN_BASES)[number], [MessageKey, MessageKey]> = {
  price: ['options_basisPrice', 'options_basisPriceHelp'],
  'total-return': ['options_basisTotal', 'options_basisTotalHelp'],
};

const THEME_TEXT: Record<(typeof THEMES)[number], MessageKey> = {
  system: 'options_themeSystem',
  light: 'options_themeLight',
  dark: 'options_themeDark',
};

function windowLabel(days: number): string {
  return days === 21
    ? t('options_window1m', formatCount(days))
    : days === 63
      ? t('options_window3m', formatCount(days))
      : t('options_window1y', formatCount(days));
}

function chartPeriodLabel(period: (typeof CHART_PERIODS)[number]): string {
  return period === 'max' ? t('chart_viewMax') : period;
}

/** A number format's name: the browser's language, or the locale's name in the UI language. */
function numberFormatLabel(locale: string | null): string {
  if (locale === null) return t('options_numberBrowser');
  try {
    return new Intl.DisplayNames([uiLanguage()], { type: 'language' }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

function benchmarkDetail(symbol: string) {
  const info = BENCHMARKS.find((b) => b.symbol === symbol);
  return (
    <span class="muted">
      {info ? t('options_benchmarkDetail', symbol, info.description) : symbol}
    </span>
  );
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

  if (!settings) return <p class="loading">{t('options_loading')}</p>;

  async function update(next: Settings) {
    try {
      await saveSettings(next);
      setStatus(t('options_saved'));
    } catch (error) {
      setStatus(t('options_saveFailed', error instanceof Error ? error.message : String(error)));
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
        <h1>{t('options_title')}</h1>
        <p class="status" role="status" aria-live="polite">
          {status}
        </p>
      </header>

      <section aria-labelledby="sites">
        <h2 id="sites">{t('options_sites')}</h2>
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
          {t('options_pause')}
        </label>
      </section>

      <section aria-labelledby="cmp">
        <h2 id="cmp">{t('options_comparison')}</h2>
        <OrderedChoices
          legend={t('options_benchmarks')}
          name="benchmark"
          choices={BENCHMARK_CHOICES.map((b) => ({
            id: b.symbol,
            label: b.label,
            detail: benchmarkDetail(b.symbol),
          }))}
          value={s.comparison.benchmarks}
          onChange={(benchmarks) => setComparison({ benchmarks })}
          keepOneTitle={t('options_keepOneBenchmark')}
        />
        <fieldset>
          <legend>{t('options_periods')}</legend>
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
          legend={t('options_chartPeriod')}
          name="chartPeriod"
          options={CHART_PERIODS}
          value={s.comparison.chartPeriod}
          onChange={(chartPeriod) => setComparison({ chartPeriod })}
          label={chartPeriodLabel}
          inline
        />
        <RadioGroup
          legend={t('options_volatilityWindow')}
          name="volatilityWindow"
          options={VOLATILITY_WINDOWS}
          value={s.comparison.volatilityWindow as (typeof VOLATILITY_WINDOWS)[number]}
          onChange={(w) => setComparison({ volatilityWindow: w })}
          label={windowLabel}
        />
        <RadioGroup
          legend={t('options_returns')}
          name="returnBasis"
          options={RETURN_BASES}
          value={s.comparison.returnBasis}
          onChange={(returnBasis) => setComparison({ returnBasis })}
          label={(basis) => (
            <>
              <strong>{t(BASIS_TEXT[basis][0])}</strong>{' '}
              <span class="muted">{t(BASIS_TEXT[basis][1])}</span>
            </>
          )}
        />
      </section>

      <section aria-labelledby="det">
        <h2 id="det">{t('options_detection')}</h2>
        <RadioGroup
          legend={t('options_sensitivity')}
          name="sensitivity"
          options={DETECTION_SENSITIVITIES}
          value={s.detection.sensitivity}
          onChange={(level) => setDetection({ sensitivity: level })}
          label={(level) => (
            <>
              <strong>{t(SENSITIVITY_TEXT[level][0])}</strong>{' '}
              <span class="muted">{t(SENSITIVITY_TEXT[level][1])}</span>
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
          {t('options_companyNames')}
        </label>
        <label class="select-row">
          {t('options_quoteSite')}{' '}
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
        <h2 id="data">{t('options_marketData')}</h2>
        <OrderedChoices
          legend={t('options_sources')}
          name="provider"
          choices={DATA_SOURCES.map((d) => ({ id: d.id, label: d.label }))}
          value={s.data.providers}
          onChange={(providers) => setData({ providers })}
          keepOneTitle={t('options_keepOneSource')}
        >
          <p class="muted">{t('options_sourcesHelp')}</p>
          {s.data.providers.includes('twelvedata') && <ApiKeyField />}
        </OrderedChoices>
        <RadioGroup
          legend={t('options_refresh')}
          name="refresh"
          options={REFRESH_POLICIES}
          value={s.data.refresh}
          onChange={(policy) => setData({ refresh: policy })}
          label={(policy) => (
            <>
              <strong>{t(REFRESH_TEXT[policy][0])}</strong>{' '}
              <span class="muted">{t(REFRESH_TEXT[policy][1])}</span>
            </>
          )}
        />
        <fieldset>
          <legend>{t('options_cache')}</legend>
          <label>
            {t('options_cacheBefore')}{' '}
            <select
              name="cacheSymbols"
              value={String(s.data.cacheSymbols)}
              onChange={(e) => setData({ cacheSymbols: Number(e.currentTarget.value) })}
            >
              {CACHE_SIZES.map((n) => (
                <option key={n} value={String(n)}>
                  {formatCount(n)}
                </option>
              ))}
            </select>{' '}
            {t('options_cacheAfter')}
          </label>
          <CachePanel />
        </fieldset>
      </section>

      <section aria-labelledby="look">
        <h2 id="look">{t('options_appearance')}</h2>
        <RadioGroup
          legend={t('options_theme')}
          name="theme"
          options={THEMES}
          value={s.appearance.theme}
          onChange={(theme) => setAppearance({ theme })}
          label={(theme) => t(THEME_TEXT[theme])}
          inline
        />
        <label class="select-row">
          {t('options_numbers')}{' '}
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
                {t('options_numberOption', numberFormatLabel(n.locale), formatSample(n.locale))}
              </option>
            ))}
          </select>{' '}
          <span class="muted" data-testid="number-sample">
            {t('options_numberSample', formatNumber(2663.78), formatSignedPercent(-0.0123))}
          </span>
        </label>
      </section>

      <section aria-labelledby="yours">
        <h2 id="yours">{t('options_yours')}</h2>
        <p class="muted">{t('options_yoursHelp')}</p>
        <SettingsTransfer settings={s} save={update} />
      </section>
    </main>
  );
}
