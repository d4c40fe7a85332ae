import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n/translate';
import { NO_RECEIVER } from '../../lib/messaging/client';
import type { ContentProtocolMap } from '../../lib/messaging/protocol';
import { tabKind, whyNotRunning } from '../../lib/tabs/tab-kind';
import type { ActiveTab } from './popup-ports';
import { usePorts } from './popup-ports';

/** One symbol the content script found, as validated. */
export type PageSymbol = ContentProtocolMap['getPageSymbols']['response']['symbols'][number];

/** What the popup knows about the active tab's symbols. */
export type PageSymbolsState =
  | { state: 'loading' }
  /** No tab, or no content script answers in it; `reason` says why in plain words. */
  | { state: 'unavailable'; tab: ActiveTab | null; reason: string }
  /** The content script answered with an error or a malformed reply. */
  | { state: 'error'; tab: ActiveTab; reason: string }
  | { state: 'ready'; tab: ActiveTab; symbols: PageSymbol[] };

/**
 * Asks the active tab's content script which symbols its page mentions (again when `version`
 * changes). A tab without a content script is `unavailable` with the reason for its kind of page
 * (new tab, browser page, extension store, a page opened before the install).
 */
export function usePageSymbols(version: unknown): PageSymbolsState {
  const ports = usePorts();
  const [state, setState] = useState<PageSymbolsState>({ state: 'loading' });
  useEffect(() => {
    let alive = true;
    void (async () => {
      const tab = await ports.activeTab().catch(() => null);
      if (!tab) {
        if (alive) setState({ state: 'unavailable', tab: null, reason: t('page_noActiveTab') });
        return;
      }
      const reply = await ports.sendToTab(tab.id, 'getPageSymbols', {});
      if (!alive) return;
      if (reply.ok) setState({ state: 'ready', tab, symbols: reply.data.symbols });
      else if (reply.error === NO_RECEIVER) {
        setState({ state: 'unavailable', tab, reason: whyNotRunning(tabKind(tab.url)) });
      } else setState({ state: 'error', tab, reason: reply.error });
    })();
    return () => {
      alive = false;
    };
  }, [version, ports]);
  return state;
}
