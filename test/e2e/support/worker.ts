/**
 * Control of the extension's service worker from an extension page: messages sent as the popup
 * sends them, and the worker stopped the way Chromium stops an idle or crashed worker (DevTools
 * protocol `ServiceWorker.stopWorker`), then woken again by the next message.
 */
import type { CDPSession, Page, Worker } from 'playwright-core';
import type { LoadedExtension } from './extension';

/** A watched transaction's start or end, epoch ms; `id` pairs them. */
export interface TxEvent {
  id: number;
  what: 'start' | 'complete' | 'abort';
  at: number;
}

/** One version of the extension's worker as the DevTools protocol reports it. */
interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

export interface WorkerControl {
  /** The extension page messages are sent from (it also reads the database, see idb-page.ts). */
  page: Page;
  /** Sends a protocol message and waits for the reply (wakes the worker if it is stopped). */
  send<T = unknown>(
    type: string,
    data?: unknown,
  ): Promise<{ ok: boolean; data?: T; error?: string }>;
  /**
   * Sends a message without waiting; the page notes when the reply came (see `replied`). Resolves
   * once the message is on its way.
   */
  fire(type: string, data?: unknown): Promise<void>;
  /** Milliseconds from the last `fire` to its reply, or `null` while none came. */
  replied(): Promise<number | null>;
  /** Stops the worker now (in-flight work is cut off) and waits until it is stopped. */
  stop(): Promise<void>;
  /** How many times the worker has been started by the browser since this control was made. */
  starts(): number;
  /**
   * Instruments the running worker (not the extension's code: the IndexedDB prototype, as a thin
   * wrapper) so that each readwrite transaction over at least `minStores` stores reports its
   * start and its end on the console; `transactions()` then lists them. Epoch ms.
   */
  watchTransactions(minStores: number): Promise<void>;
  /** What the instrumented worker reported since `watchTransactions`, oldest first. */
  transactions(): TxEvent[];
  close(): Promise<void>;
}

/** Opens `options.html` as the control page and attaches to the DevTools protocol. */
export async function controlWorker(ext: LoadedExtension): Promise<WorkerControl> {
  const page = await ext.openExtensionPage('options.html');
  await page.getByTestId('cache-panel').waitFor({ timeout: 20_000 });
  // tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name(...)`;
  // functions sent to this page (see idb-page.ts) need that helper to exist there.
  await page.evaluate('globalThis.__name = (fn) => fn');
  const cdp: CDPSession = await ext.context.newCDPSession(page);
  const versions = new Map<string, WorkerVersion>();
  let starts = 0;
  const scriptPrefix = `chrome-extension://${ext.extensionId}/`;
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => {
    for (const v of event.versions) {
      if (!v.scriptURL.startsWith(scriptPrefix)) continue;
      const before = versions.get(v.versionId)?.runningStatus;
      if (v.runningStatus === 'running' && before !== 'running') starts += 1;
      versions.set(v.versionId, v);
    }
  });
  await cdp.send('ServiceWorker.enable');

  // The worker Playwright saw start last (a stopped worker comes back as a new one).
  let current: Worker = ext.worker;
  ext.context.on('serviceworker', (w) => {
    if (w.url().startsWith(scriptPrefix)) current = w;
  });
  let txEvents: TxEvent[] = [];
  ext.context.on('console', (message) => {
    const m = /^r2k-tx (\d+) (start|complete|abort) (\d+)$/.exec(message.text());
    if (m) txEvents.push({ id: Number(m[1]), what: m[2] as TxEvent['what'], at: Number(m[3]) });
  });

  const statusOf = () => [...versions.values()].map((v) => v.runningStatus);
  async function waitFor(status: WorkerVersion['runningStatus'], timeoutMs: number) {
    const until = Date.now() + timeoutMs;
    while (!statusOf().includes(status)) {
      if (Date.now() > until) throw new Error(`worker not ${status}: ${statusOf().join(', ')}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  return {
    page,
    send: (type, data = {}) =>
      page.evaluate(
        ([t, d]) =>
          (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage(m: unknown): Promise<never> } };
            }
          ).chrome.runtime.sendMessage({ type: t, data: d }),
        [type, data] as const,
      ),
    async fire(type, data = {}) {
      await page.evaluate(
        ([t, d]) => {
          const w = globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
            r2kFired?: { at: number; repliedAfter: number | null };
          };
          const fired = { at: performance.now(), repliedAfter: null as number | null };
          w.r2kFired = fired;
          w.chrome.runtime.sendMessage({ type: t, data: d }).then(
            (reply) => {
              // A stopped worker's port can also resolve, with nothing: that is no reply.
              if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
                fired.repliedAfter = performance.now() - fired.at;
              }
            },
            () => {
              // The worker was stopped before it answered: no reply, as intended.
            },
          );
        },
        [type, data] as const,
      );
    },
    replied: () =>
      page.evaluate(
        () =>
          (globalThis as unknown as { r2kFired?: { repliedAfter: number | null } }).r2kFired
            ?.repliedAfter ?? null,
      ),
    async stop() {
      for (const v of versions.values()) {
        if (v.runningStatus !== 'stopped') {
          await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
        }
      }
      await waitFor('stopped', 10_000);
    },
    starts: () => starts,
    async watchTransactions(minStores) {
      txEvents = [];
      // The worker's console is how it reports: these logs are the instrument.
      /* oxlint-disable no-console */
      await current.evaluate((min) => {
        const proto = IDBDatabase.prototype as IDBDatabase & { r2kWatched?: boolean };
        if (proto.r2kWatched) return;
        proto.r2kWatched = true;
        const original = proto.transaction;
        let next = 0;
        proto.transaction = function (
          this: IDBDatabase,
          ...args: Parameters<IDBDatabase['transaction']>
        ) {
          const tx = original.apply(this, args);
          const names = args[0];
          if (args[1] === 'readwrite' && Array.isArray(names) && names.length >= min) {
            next += 1;
            const id = next;
            console.log(`r2k-tx ${id} start ${Date.now()}`);
            tx.addEventListener('complete', () =>
              console.log(`r2k-tx ${id} complete ${Date.now()}`),
            );
            tx.addEventListener('abort', () => console.log(`r2k-tx ${id} abort ${Date.now()}`));
          }
          return tx;
        } as IDBDatabase['transaction'];
      }, minStores);
      /* oxlint-enable no-console */
    },
    transactions: () => [...txEvents],
    close: () => cdp.detach(),
  };
}
