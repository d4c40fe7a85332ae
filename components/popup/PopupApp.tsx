import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DashboardContext } from '../../lib/context/dashboard-context';
import { formatNumber, formatSignedPercent, trendClass } from '../../lib/format/figures';
import type { Reply } from '../../lib/messaging/envelope';
import type { RefreshProgress, RefreshReport } from '../../lib/messaging/protocol';
import type { Settings } from '../../lib/settings/schema';
import { AsOfLine } from '../ui/SourceLine';
import { Tabs, tabPanelProps } from '../ui/Tabs';
import { useAppearance } from '../ui/use-appearance';
import { useSettings } from '../ui/use-settings';
import { ComparisonPanel } from './ComparisonPanel';
import { CompositionPanel } from './CompositionPanel';
import { MarketsPanel } from './MarketsPanel';
import { usePageSymbols } from './page-symbols-state';
import { PageSymbolsPanel } from './PageSymbolsPanel';
import { usePorts } from './popup-ports';
import { SiteAccessRow } from './SiteAccessRow';
import { StatusBar } from './StatusBar';
import { useReply } from './use-reply';
import { t } from '../../lib/i18n/translate';

/** The popup's tabs. */
export type PanelId = 'markets' | 'index' | 'compare' | 'page';

/**
 * A counter that moves when the comparison preferences change after they first loaded (the
 * first load itself asks nothing again: the background reads the same settings).
 */
function usePrefsVersion(settings: Settings | null): number {
  const key = settings ? JSON.stringify(settings.comparison) : null;
  const first = useRef<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (key === null) return;
    if (first.current === null) first.current = key;
    else setVersion((v) => v + 1);
  }, [key]);
  return version;
}

function Level({ context: c }: { context: DashboardContext }) {
  const oneMonth = c.returns.find((r) => r.period === '1M')?.russell2000.value ?? null;
  // Marks when the first figures are on screen (the README's popup timing reads it).
  useEffect(() => {
    if (performance.getEntriesByName('r2k-dashboard').length === 0) {
      performance.mark('r2k-dashboard');
    }
  }, []);
  return (
    <div>
      <h1>
        {t('popup_indexName')} <span class="muted">{c.russell2000.usedSymbol ?? '^RUT'}</span>
      </h1>
      <span class="level" data-testid="r2k-level">
        {formatNumber(c.lastClose.value?.close ?? null)}
      </span>
      <span class={`level-change ${trendClass(oneMonth)}`}>
        {t('popup_levelChange', formatSignedPercent(oneMonth))}
      </span>
    </div>
  );
}

export interface PopupAppProps {
  /**
   * What goes under the header in place of the site-access row ("Run on this site" / "Stop on
   * this site"), which is shown by default (tests pass their own).
   */
  siteAccess?: ComponentChildren;
  /** The tab shown first. */
  initialPanel?: PanelId;
}

/**
 * The toolbar popup: a Russell 2000 dashboard in four tabs (markets, what the index is made of,
 * the three-index comparison, the symbols on the current page) under a header with the level and
 * the data's state (offline, stale, refreshing with progress, errors with their reason).
 */
export function PopupApp({ siteAccess, initialPanel = 'markets' }: PopupAppProps) {
  const ports = usePorts();
  const settings = useSettings();
  const prefsVersion = usePrefsVersion(settings);
  const [dataVersion, setDataVersion] = useState(0);
  const [progress, setProgress] = useState<RefreshProgress | null>(null);
  const [result, setResult] = useState<Reply<RefreshReport> | null>(null);
  const [online, setOnline] = useState(() => ports.online());
  const [panel, setPanel] = useState<PanelId>(initialPanel);
  const [visited, setVisited] = useState<ReadonlySet<PanelId>>(() => new Set([initialPanel]));
  // While this popup's own "Refresh now" runs, its reply (not the last progress event) reloads.
  const refreshingHere = useRef(false);

  // Newer data (a refresh, a fetched symbol) or a refresh's progress from the background.
  useEffect(
    () =>
      ports.onBackgroundEvent((event) => {
        if (event.type === 'dataUpdated') setDataVersion((v) => v + 1);
        else {
          const { done, total, current } = event.data;
          const finished = current === null && done >= total;
          setProgress(finished ? null : event.data);
          if (finished && !refreshingHere.current) setDataVersion((v) => v + 1);
        }
      }),
    [ports],
  );
  useEffect(() => ports.onOnlineChange(setOnline), [ports]);
  useAppearance(settings);

  const version = `${prefsVersion}:${dataVersion}`;
  const dashboard = useReply('getDashboard', {}, version);
  // The charts are asked for once the figures are in: the worker answers one at a time, and
  // the figures are what the popup paints first.
  const charts = useReply('getDashboardCharts', {}, version, dashboard !== null);
  const layer = useReply(
    'getDataStatus',
    {},
    `${dataVersion}:${result === null ? 0 : 1}:${progress === null}`,
  );
  const composition = useReply('getComposition', {}, 0, visited.has('index'));
  const comparison = useReply('getIndexComparison', {}, version, visited.has('compare'));
  const page = usePageSymbols(dataVersion);

  // A refresh started elsewhere (the options page, another popup) shows its progress here too.
  const layerProgress = layer?.ok ? layer.data.refreshing : null;
  const shownProgress = progress ?? layerProgress;

  async function refresh() {
    setResult(null);
    setProgress({ done: 0, total: 0, current: null });
    refreshingHere.current = true;
    const reply = await ports.send('refreshNow', {});
    refreshingHere.current = false;
    setProgress(null);
    setResult(reply);
    setDataVersion((v) => v + 1);
  }

  function select(id: PanelId) {
    setPanel(id);
    setVisited((v) => (v.has(id) ? v : new Set([...v, id])));
  }

  const d = dashboard?.ok ? dashboard.data : null;
  const symbolsCount = page.state === 'ready' ? page.symbols.length : null;
  const tabs: { id: PanelId; label: ComponentChildren }[] = [
    { id: 'markets', label: t('popup_tabMarkets') },
    { id: 'index', label: t('popup_tabIndex') },
    { id: 'compare', label: t('popup_tabCompare') },
    {
      id: 'page',
      label: (
        <>
          {t('popup_tabPage')}
          {symbolsCount !== null && symbolsCount > 0 && <span class="badge">{symbolsCount}</span>}
        </>
      ),
    },
  ];
  return (
    <>
      <header class="top">
        {d ? (
          <Level context={d.context} />
        ) : dashboard === null ? (
          <p class="muted" aria-busy="true">
            {t('popup_loadingDashboard')}
          </p>
        ) : (
          <h1>{t('popup_indexName')}</h1>
        )}
        {d?.context.asOf && <AsOfLine asOf={d.context.asOf} status={d.status} />}
        {dashboard && !dashboard.ok && (
          <p class="error" role="alert" data-state="error">
            {t('popup_dashboardError', dashboard.error)}
          </p>
        )}
        <StatusBar
          data={d?.status ?? null}
          asOf={d?.context.asOf ?? null}
          layer={layer?.ok ? layer.data : null}
          online={online}
          fetchingOff={settings?.data.refresh === 'offline'}
          progress={shownProgress}
          result={result}
          onRefresh={() => void refresh()}
        />
      </header>
      {(siteAccess !== undefined || settings) && (
        <section class="site-access" aria-label={t('popup_siteAccessLabel')}>
          {siteAccess ?? (settings && <SiteAccessRow settings={settings} />)}
        </section>
      )}
      <Tabs
        label={t('popup_sectionsLabel')}
        idPrefix="popup"
        tabs={tabs}
        selected={panel}
        onSelect={select}
      />
      <main>
        {tabs.map((tab) => (
          <section key={tab.id} {...tabPanelProps('popup', tab.id)} hidden={tab.id !== panel}>
            {tab.id === panel && tab.id === 'markets' && d && (
              <>
                <MarketsPanel
                  context={d.context}
                  charts={charts}
                  chartPeriod={settings?.comparison.chartPeriod}
                  returnBasis={settings?.comparison.returnBasis}
                />
                {(d.context.notes.length > 0 || d.status.notices.length > 0) && (
                  <ul class="notices">
                    {[...d.context.notes, ...d.status.notices].map((n) => (
                      <li key={n}>{n}</li>
                    ))}
                  </ul>
                )}
              </>
            )}
            {tab.id === panel &&
              tab.id === 'index' &&
              (composition === null ? (
                <p class="muted" aria-busy="true">
                  {t('popup_loadingHoldings')}
                </p>
              ) : composition.ok ? (
                <CompositionPanel data={composition.data} />
              ) : (
                <p class="error" role="alert">
                  {t('popup_holdingsError', composition.error)}
                </p>
              ))}
            {tab.id === panel &&
              tab.id === 'compare' &&
              (comparison === null ? (
                <p class="muted" aria-busy="true">
                  {t('popup_loadingComparison')}
                </p>
              ) : comparison.ok ? (
                <ComparisonPanel table={comparison.data.table} status={comparison.data.status} />
              ) : (
                <p class="error" role="alert">
                  {t('popup_comparisonError', comparison.error)}
                </p>
              ))}
            {tab.id === panel && tab.id === 'page' && (
              <PageSymbolsPanel page={page} settings={settings} version={dataVersion} />
            )}
          </section>
        ))}
      </main>
      <footer>
        <span class="muted">{t('common_brand')}</span>
        <a
          href="#"
          onClick={(e) => {
            e.preventDefault();
            ports.openOptions();
          }}
        >
          {t('common_settings')}
        </a>
      </footer>
    </>
  );
}
