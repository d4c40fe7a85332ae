/**
 * The market-data database: its `DBSchema`, its version and the versioned `upgrade` with data
 * migrations. The only module that knows store names. Owned by the background service worker.
 *
 * History:
 * - v1 (first cut): one `series` store keyed by `symbol` with snapshot-shaped records
 *   `{ symbol, dates, closes, source, fetchedAt }` (adjusted closes only).
 * - v2 (current): columnar bars with quoted and adjusted close, plus `quotes`, `profiles`,
 *   `fetchMeta`, `access` (LRU, indexed by time) and `state` (politeness state and the like).
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { ProviderErrorInfo } from '../providers/provider-error';
import type { ProviderId } from '../providers/provider-types';
import type { AccessRecord } from './lru';
import { emptyStored, type StoredSeries } from './stored-series';

export const DB_NAME = 'r2k-lens-market';
export const DB_VERSION = 2;

/** Where a stored series came from. */
export type DataSource = ProviderId | 'snapshot';

/** The latest quote seen for a symbol (Yahoo's `regularMarketPrice`), which may be intraday. */
export interface StoredQuote {
  symbol: string;
  price: number;
  /** When the provider set the price, epoch ms. */
  time: number;
  currency: string | null;
  source: DataSource;
}

/** What the card shows about a company or fund besides prices. */
export interface StoredProfile {
  symbol: string;
  name: string;
  exchange: string | null;
  sector: string | null;
  /** Country of domicile, as iShares lists it. */
  domicile: string | null;
  /** True when in the Russell 2000 per the holdings file of `asOf`. */
  r2kMember: boolean;
  /** Weight in IWM as a fraction (0.0123 = 1.23%), `null` when not a member. */
  r2kWeight: number | null;
  /** Date of the holdings file or other source. */
  asOf: string;
  source: string;
}

/** The last fetch of a symbol: what is stored, from where, and how the latest attempt went. */
export interface FetchMeta {
  symbol: string;
  /** Source of the stored series. */
  source: DataSource;
  /** When the stored series was fetched (last success), epoch ms; `null` for snapshot data. */
  fetchedAt: number | null;
  /** Last date of the stored series. */
  asOf: string | null;
  /** Last attempt, success or failure, epoch ms. */
  lastAttemptAt: number | null;
  /** The latest attempt's failure, cleared by the next success. */
  lastError: (ProviderErrorInfo & { at: number; source: DataSource }) | null;
}

/** v2 schema. */
export interface MarketDb extends DBSchema {
  series: { key: string; value: StoredSeries };
  quotes: { key: string; value: StoredQuote };
  profiles: { key: string; value: StoredProfile };
  fetchMeta: { key: string; value: FetchMeta };
  access: { key: string; value: AccessRecord; indexes: { byLastAccess: number } };
  state: { key: string; value: { key: string; value: unknown } };
}

/** A v1 `series` record. */
export interface SeriesRecordV1 {
  symbol: string;
  dates: string[];
  closes: number[];
  source: string;
  fetchedAt: number | null;
}

function isSeriesRecordV1(value: unknown): value is SeriesRecordV1 {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r.symbol === 'string' && Array.isArray(r.dates) && Array.isArray(r.closes);
}

const KNOWN_SOURCES: readonly DataSource[] = ['yahoo', 'stooq', 'twelvedata', 'snapshot'];

/** Converts a v1 record: closes become adjusted closes; quoted closes and OHLV are unknown. */
export function migrateSeriesV1(old: SeriesRecordV1): { series: StoredSeries; meta: FetchMeta } {
  const n = Math.min(old.dates.length, old.closes.length);
  const nulls = (): null[] => Array.from({ length: n }, () => null);
  const series: StoredSeries = {
    ...emptyStored(old.symbol),
    dates: old.dates.slice(0, n),
    adjClose: old.closes.slice(0, n),
    open: nulls(),
    high: nulls(),
    low: nulls(),
    close: old.symbol.startsWith('^') ? old.closes.slice(0, n) : nulls(),
    volume: nulls(),
    instrumentType: old.symbol.startsWith('^') ? 'INDEX' : null,
    asOf: old.dates[n - 1] ?? '',
  };
  const source = (KNOWN_SOURCES as readonly string[]).includes(old.source)
    ? (old.source as DataSource)
    : 'snapshot';
  return {
    series,
    meta: {
      symbol: old.symbol,
      source,
      fetchedAt: old.fetchedAt ?? null,
      asOf: series.asOf || null,
      lastAttemptAt: old.fetchedAt ?? null,
      lastError: null,
    },
  };
}

type UpgradeTx = IDBPTransaction<MarketDb, StoreNames<MarketDb>[], 'versionchange'>;

function createV2Stores(db: IDBPDatabase<MarketDb>, withSeries: boolean): void {
  if (withSeries) db.createObjectStore('series', { keyPath: 'symbol' });
  db.createObjectStore('quotes', { keyPath: 'symbol' });
  db.createObjectStore('profiles', { keyPath: 'symbol' });
  db.createObjectStore('fetchMeta', { keyPath: 'symbol' });
  db.createObjectStore('access', { keyPath: 'symbol' }).createIndex('byLastAccess', 'lastAccess');
  db.createObjectStore('state', { keyPath: 'key' });
}

/** v1 -> v2: rewrites every series record in place and derives its fetch metadata and access time. */
async function migrateFromV1(tx: UpgradeTx): Promise<void> {
  const series = tx.objectStore('series');
  const meta = tx.objectStore('fetchMeta');
  const access = tx.objectStore('access');
  let cursor = await series.openCursor();
  while (cursor) {
    const value: unknown = cursor.value;
    if (isSeriesRecordV1(value)) {
      const migrated = migrateSeriesV1(value);
      await cursor.update(migrated.series);
      await meta.put(migrated.meta);
      await access.put({ symbol: value.symbol, lastAccess: value.fetchedAt ?? 0 });
    } else {
      await cursor.delete();
    }
    cursor = await cursor.continue();
  }
}

/** Callbacks for connection events the caller may want to surface. */
export interface OpenHooks {
  /** Another context holds an older version open and will not let go. */
  blocked?: () => void;
  /**
   * The browser closed the connection abnormally (storage cleared from the browser's settings or
   * DevTools, a disk error): idb's `terminated`, the connection's `close` event.
   */
  terminated?: () => void;
  /**
   * Someone wants to delete the database or open a newer version: the connection has closed
   * itself (so they are not blocked) and can no longer be used.
   */
  versionchange?: () => void;
}

/**
 * Opens (creating or upgrading) the database through the injected `idbFactory` (idb's `openDB`
 * always uses the global one, so this is its few lines with the factory passed in). On
 * `versionchange` (a deletion or a newer version wants the database elsewhere) the connection
 * closes itself so that can proceed, and says so through `hooks.versionchange`; an abnormal close
 * is reported through `hooks.terminated`. A failed migration aborts the upgrade transaction,
 * leaving the old version and its data intact.
 */
export function openMarketDb(
  idbFactory: IDBFactory,
  name: string = DB_NAME,
  hooks: OpenHooks = {},
): Promise<IDBPDatabase<MarketDb>> {
  const request = idbFactory.open(name, DB_VERSION);
  const opened = wrap(request) as Promise<IDBPDatabase<MarketDb>>;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as IDBPDatabase<MarketDb>;
    const tx = wrap(request.transaction as IDBTransaction) as unknown as UpgradeTx;
    if (event.oldVersion < 1) {
      createV2Stores(db, true);
      return;
    }
    if (event.oldVersion < 2) {
      createV2Stores(db, false);
      migrateFromV1(tx).catch(() => {
        // A failing request has usually aborted the transaction already; make sure of it.
        try {
          tx.abort();
        } catch {
          // already aborted
        }
      });
    }
  });
  request.addEventListener('blocked', () => hooks.blocked?.());
  request.addEventListener('success', () => {
    const db = request.result;
    db.addEventListener('close', () => hooks.terminated?.());
    db.addEventListener('versionchange', () => {
      db.close();
      hooks.versionchange?.();
    });
  });
  return opened;
}
