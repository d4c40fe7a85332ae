/**
 * The extension's IndexedDB as seen from one of its own pages (same origin as the worker): whole
 * copies kept in the page (so megabytes of series never cross to Node), restored, compared. The
 * page opens its own short-lived connections; the worker's schema is never changed from here.
 */
import type { Page } from 'playwright-core';

/** What the cache holds now, compared with two saved copies, symbol by symbol. */
export interface Verdict {
  /** Symbols with a series now. */
  symbols: number;
  /** Symbols whose series equals the one in the first copy ("old") and not the second. */
  old: number;
  /** Symbols whose series equals the one in the second copy ("new") and not the first. */
  new: number;
  /** Symbols whose series is the same in both copies and now. */
  same: number;
  /** Symbols whose series is in neither copy: a mix, the thing that must never happen. */
  neither: string[];
  /** Whether the set of symbols is the old one, the new one, or another. */
  symbolSet: 'old' | 'new' | 'other';
  /** Symbols whose metadata does not describe their series (asOf differs): a half write. */
  metaMismatch: string[];
}

type Action = 'save' | 'restore' | 'verdict' | 'truncate' | 'delete';
type Args = { name?: string; other?: string; bars?: number; symbols?: string[] };

/** The code that runs in the page; one function so it can be sent whole. */
function inPage([action, args]: readonly [Action, Args]): Promise<unknown> {
  type Row = Record<string, unknown> & { symbol?: string; key?: string };
  type Dump = Record<string, Row[]>;
  const g = globalThis as unknown as {
    r2kDumps?: Record<string, Dump>;
    r2kSeriesJson?: Record<string, Map<string, string>>;
  };
  const dumps = (g.r2kDumps ??= {});
  // Each copy's series as JSON, computed once: comparing is then one stringify per series.
  const seriesJson = (g.r2kSeriesJson ??= {});
  const DB = 'r2k-lens-market';

  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(DB);
      // Never create the database from here: only the worker does.
      request.addEventListener('upgradeneeded', () => request.transaction?.abort());
      request.addEventListener('success', () => resolve(request.result));
      request.addEventListener('error', () => reject(request.error));
    });
  // oxlint-disable-next-line unicorn/consistent-function-scoping -- runs in the page: all it uses is inside
  const done = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      tx.addEventListener('complete', () => resolve());
      tx.addEventListener('abort', () => reject(tx.error));
      tx.addEventListener('error', () => reject(tx.error));
    });
  const read = async (only?: string[]): Promise<Dump> => {
    const db = await open();
    const names = only ?? Array.from(db.objectStoreNames);
    const tx = db.transaction(names, 'readonly');
    const out: Dump = {};
    for (const name of names) {
      const request = tx.objectStore(name).getAll();
      request.addEventListener('success', () => {
        out[name] = request.result as Row[];
      });
    }
    await done(tx);
    db.close();
    return out;
  };
  const write = async (dump: Dump) => {
    const db = await open();
    const names = Array.from(db.objectStoreNames);
    const tx = db.transaction(names, 'readwrite');
    for (const name of names) {
      const store = tx.objectStore(name);
      store.clear();
      for (const row of dump[name] ?? []) store.put(row);
    }
    await done(tx);
    db.close();
  };
  const bySymbol = (rows: Row[] | undefined) =>
    new Map((rows ?? []).map((r) => [r.symbol as string, r]));

  return (async () => {
    switch (action) {
      case 'save': {
        const dump = await read();
        dumps[args.name as string] = dump;
        seriesJson[args.name as string] = new Map(
          (dump.series ?? []).map((r) => [r.symbol as string, JSON.stringify(r)]),
        );
        return Object.fromEntries(Object.entries(dump).map(([k, v]) => [k, v.length]));
      }
      case 'restore':
        await write(dumps[args.name as string] as Dump);
        return null;
      case 'delete':
        return new Promise((resolve, reject) => {
          const request = indexedDB.deleteDatabase(DB);
          request.addEventListener('success', () => resolve('deleted'));
          request.addEventListener('error', () => reject(request.error));
          request.addEventListener('blocked', () => resolve('blocked'));
        });
      case 'truncate': {
        // Drops the last `bars` bars of the named series (an older cache), metadata to match.
        const dump = await read();
        const meta = bySymbol(dump.fetchMeta);
        for (const s of dump.series ?? []) {
          if (args.symbols && !args.symbols.includes(s.symbol as string)) continue;
          const n = (s.dates as string[]).length - (args.bars as number);
          if (n < 2) continue;
          for (const k of ['dates', 'open', 'high', 'low', 'close', 'adjClose', 'volume']) {
            s[k] = (s[k] as unknown[]).slice(0, n);
          }
          s.asOf = (s.dates as string[])[n - 1];
          const m = meta.get(s.symbol as string);
          if (m) m.asOf = s.asOf;
        }
        await write(dump);
        return null;
      }
      case 'verdict': {
        const now = await read(['series', 'fetchMeta']);
        const a = seriesJson[args.name as string] ?? new Map<string, string>();
        const b = seriesJson[args.other as string] ?? new Map<string, string>();
        const meta = bySymbol(now.fetchMeta);
        const out = {
          symbols: 0,
          old: 0,
          new: 0,
          same: 0,
          neither: [] as string[],
          metaMismatch: [] as string[],
        };
        const symbols: string[] = [];
        for (const s of now.series ?? []) {
          const symbol = s.symbol as string;
          const json = JSON.stringify(s);
          symbols.push(symbol);
          out.symbols += 1;
          const isOld = a.get(symbol) === json;
          const isNew = b.get(symbol) === json;
          if (isOld && isNew) out.same += 1;
          else if (isOld) out.old += 1;
          else if (isNew) out.new += 1;
          else out.neither.push(symbol);
          if (meta.get(symbol)?.asOf !== s.asOf) out.metaMismatch.push(symbol);
        }
        // oxlint-disable-next-line unicorn/consistent-function-scoping -- runs in the page
        const key = (m: Map<string, string>) => [...m.keys()].toSorted().join(',');
        const current = symbols.toSorted().join(',');
        return {
          ...out,
          symbolSet: current === key(a) ? 'old' : current === key(b) ? 'new' : 'other',
        };
      }
    }
    return null;
  })();
}

/** Copies the whole database into the page under `name`; resolves with the row count per store. */
export function saveCopy(page: Page, name: string): Promise<Record<string, number>> {
  return page.evaluate(inPage, ['save', { name }] as [Action, Args]) as Promise<
    Record<string, number>
  >;
}

/** Puts the copy `name` back, every store, in one transaction. */
export async function restoreCopy(page: Page, name: string): Promise<void> {
  await page.evaluate(inPage, ['restore', { name }] as [Action, Args]);
}

/** Drops the last `bars` bars of every series (or of `symbols`): a cache some days older. */
export async function truncateSeries(page: Page, bars: number, symbols?: string[]): Promise<void> {
  await page.evaluate(inPage, ['truncate', { bars, ...(symbols ? { symbols } : {}) }] as [
    Action,
    Args,
  ]);
}

/** Deletes the database from this page, as another context (or the user) would. */
export function deleteDatabase(page: Page): Promise<'deleted' | 'blocked'> {
  return page.evaluate(inPage, ['delete', {}] as [Action, Args]) as Promise<'deleted' | 'blocked'>;
}

/** Compares the database now with the copies `oldName` and `newName`. */
export function verdict(page: Page, oldName: string, newName: string): Promise<Verdict> {
  return page.evaluate(inPage, [
    'verdict',
    { name: oldName, other: newName },
  ] as const) as Promise<Verdict>;
}
