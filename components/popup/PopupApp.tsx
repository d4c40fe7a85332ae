import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../lib/messaging/client';
import type { Reply } from '../../lib/messaging/envelope';
import { isBackgroundEvent, type DashboardPayload } from '../../lib/messaging/protocol';
import { useAppearance } from '../ui/use-appearance';
import { useSettings } from '../ui/use-settings';
import { Dashboard } from './Dashboard';
import { DataBar } from './DataBar';
import { PageSymbols } from './PageSymbols';
import { SiteAccessRow } from './SiteAccessRow';

/** The toolbar popup: the Russell 2000 dashboard and the symbols on the current page. */
export function PopupApp() {
  const settings = useSettings();
  const [reply, setReply] = useState<Reply<DashboardPayload> | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);

  // Newer data arrived in the background (a scheduled or on-demand refresh): show it.
  useEffect(() => {
    const listener = (message: unknown) => {
      if (isBackgroundEvent(message)) reload();
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);

  useAppearance(settings);

  // Reload when the comparison preferences change (e.g. from the options page).
  const prefsKey = settings ? JSON.stringify(settings.comparison) : null;
  useEffect(() => {
    if (prefsKey === null) return;
    let alive = true;
    void sendToBackground('getDashboard', {}).then((r) => alive && setReply(r));
    return () => {
      alive = false;
    };
  }, [prefsKey, version]);

  return (
    <>
      <main>
        {reply === null ? (
          <p class="muted" aria-busy="true">
            Loading the Russell 2000 dashboard…
          </p>
        ) : reply.ok ? (
          <Dashboard context={reply.data.context} status={reply.data.status} />
        ) : (
          <p class="error" role="alert">
            {reply.error}
          </p>
        )}
        <DataBar onRefreshed={reload} />
        {settings && <SiteAccessRow settings={settings} />}
        <PageSymbols />
      </main>
      <footer>
        <span class="muted">R2K Lens</span>
        <a href="#" onClick={(e) => (e.preventDefault(), void browser.runtime.openOptionsPage())}>
          Settings
        </a>
      </footer>
    </>
  );
}
