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
        Russell 2000 <span class="muted">{c.russell2000.usedSymbol ?? '^RUT'}</span>
      </h1>
      <span class="level" data-testid="r2k-level">
        {formatNumber(c.lastClose.value?.close ?? null)}
      </span>
      <span class={`level-change ${trendClass(oneMonth)}`}>{formatSignedPercent(oneMonth)} 1M</span>
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
    { id: 'markets', label: 'Markets' },
    { id: 'index', label: 'Index' },
    { id: 'compare', label: 'Compare' },
    {
      id: 'page',
      label: (
        <>
          This page
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
            Loading the Russell 2000 dashboard…
          </p>
        ) : (
          <h1>Russell 2000</h1>
        )}
        {d?.context.asOf && <AsOfLine asOf={d.context.asOf} status={d.status} />}
        {dashboard && !dashboard.ok && (
          <p class="error" role="alert" data-state="error">
            The dashboard could not be built: {dashboard.error}
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
        <section class="site-access" aria-label="Site access">
          {siteAccess ?? (settings && <SiteAccessRow settings={settings} />)}
        </section>
      )}
      <Tabs
        label="Dashboard sections"
        idPrefix="popup"
        tabs={tabs}
        selected={panel}
        onSelect={select}
      />
      <main>
        {tabs.map((t) => (
          <section key={t.id} {...tabPanelProps('popup', t.id)} hidden={t.id !== panel}>
            {t.id === panel && t.id === 'markets' && d && (
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
            {t.id === panel &&
              t.id === 'index' &&
              (composition === null ? (
                <p class="muted" aria-busy="true">
                  Loading the holdings…
                </p>
              ) : composition.ok ? (
                <CompositionPanel data={composition.data} />
              ) : (
                <p class="error" role="alert">
                  The holdings could not be read: {composition.error}
                </p>
              ))}
            {t.id === panel &&
              t.id === 'compare' &&
              (comparison === null ? (
                <p class="muted" aria-busy="true">
                  Measuring the three indexes…
                </p>
              ) : comparison.ok ? (
                <ComparisonPanel table={comparison.data.table} status={comparison.data.status} />
              ) : (
                <p class="error" role="alert">
                  The comparison could not be built: {comparison.error}
                </p>
              ))}
            {t.id === panel && t.id === 'page' && (
              <PageSymbolsPanel page={page} settings={settings} version={dataVersion} />
            )}
          </section>
        ))}
      </main>
      <footer>
        <span class="muted">R2K Lens</span>
        <a
          href="#"
          onClick={(e) => {
            e.preventDefault();
            ports.openOptions();
          }}
        >
          Settings
        </a>
      </footer>
    </>
  );
}
