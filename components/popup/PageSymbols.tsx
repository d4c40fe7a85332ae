import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToTab } from '../../lib/messaging/client';
import type { ContentProtocolMap } from '../../lib/messaging/protocol';

type PageSymbol = ContentProtocolMap['getPageSymbols']['response']['symbols'][number];
type State =
  | { state: 'loading' }
  | { state: 'ready'; symbols: PageSymbol[] }
  | { state: 'unavailable'; reason: string };

/** Symbols and indexes R2K Lens found on the active tab, most mentioned first. */
export function PageSymbols() {
  const [result, setResult] = useState<State>({ state: 'loading' });
  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) {
        setResult({ state: 'unavailable', reason: 'No active tab.' });
        return;
      }
      const reply = await sendToTab(tab.id, 'getPageSymbols', {});
      setResult(
        reply.ok
          ? { state: 'ready', symbols: reply.data.symbols }
          : {
              state: 'unavailable',
              reason:
                'R2K Lens does not run on this page (browser pages, the store, paused or switched-off sites).',
            },
      );
    })();
  }, []);

  return (
    <section class="page-symbols" aria-labelledby="page-symbols-title">
      <h2 id="page-symbols-title">On this page</h2>
      {result.state === 'loading' && <p class="muted">Looking…</p>}
      {result.state === 'unavailable' && <p class="muted">{result.reason}</p>}
      {result.state === 'ready' &&
        (result.symbols.length === 0 ? (
          <p class="muted">No tickers or indexes found yet.</p>
        ) : (
          <ul class="symbol-chips">
            {result.symbols.map((s) => (
              <li
                key={s.symbol}
                title={`${s.count} mention${s.count === 1 ? '' : 's'} (${s.kind})`}
              >
                <span class="sym">{s.symbol}</span>
                <span class="count">{s.count}</span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
