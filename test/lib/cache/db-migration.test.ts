// oxlint-disable-next-line import/no-unassigned-import -- installs the IDB globals idb's wrap() checks with instanceof
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, openMarketDb, type SeriesRecordV1 } from '../../../lib/cache/db';

/** Creates a v1 database with raw IndexedDB calls, as the first version of the extension did. */
function createV1(factory: IDBFactory, records: SeriesRecordV1[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, 1);
    req.addEventListener('upgradeneeded', () => {
      const store = req.result.createObjectStore('series', { keyPath: 'symbol' });
      for (const r of records) store.put(r);
    });
    req.addEventListener('success', () => {
      req.result.close();
      resolve();
    });
    req.addEventListener('error', () => reject(req.error));
  });
}

const RUT_V1: SeriesRecordV1 = {
  symbol: '^RUT',
  dates: ['2026-02-18', '2026-02-19', '2026-02-20'],
  closes: [2650.5, 2665.09, 2663.78],
  source: 'yahoo',
  fetchedAt: 1771628400000,
};
const IWM_V1: SeriesRecordV1 = {
  symbol: 'IWM',
  dates: ['2026-02-19', '2026-02-20'],
  closes: [262.1, 261.8],
  source: 'bundled',
  fetchedAt: null,
};

describe('database schema', () => {
  it('creates every v2 store on a fresh install', async () => {
    const db = await openMarketDb(new IDBFactory());
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].toSorted()).toEqual(
      ['access', 'fetchMeta', 'profiles', 'quotes', 'series', 'state'].toSorted(),
    );
    db.close();
  });

  it('migrates v1 series records with their data into the v2 shape', async () => {
    const factory = new IDBFactory();
    await createV1(factory, [RUT_V1, IWM_V1]);
    const db = await openMarketDb(factory);
    expect(db.version).toBe(2);

    const rut = await db.get('series', '^RUT');
    expect(rut).toMatchObject({
      symbol: '^RUT',
      dates: RUT_V1.dates,
      adjClose: RUT_V1.closes,
      close: RUT_V1.closes, // an index: quoted close = adjusted close
      open: [null, null, null],
      volume: [null, null, null],
      instrumentType: 'INDEX',
      asOf: '2026-02-20',
    });
    const iwm = await db.get('series', 'IWM');
    expect(iwm?.close).toEqual([null, null]); // an ETF: v1 kept only adjusted closes
    expect(iwm?.adjClose).toEqual([262.1, 261.8]);

    expect(await db.get('fetchMeta', '^RUT')).toEqual({
      symbol: '^RUT',
      source: 'yahoo',
      fetchedAt: 1771628400000,
      asOf: '2026-02-20',
      lastAttemptAt: 1771628400000,
      lastError: null,
    });
    expect((await db.get('fetchMeta', 'IWM'))?.source).toBe('snapshot'); // unknown source name
    expect(await db.getAll('access')).toEqual([
      { symbol: 'IWM', lastAccess: 0 },
      { symbol: '^RUT', lastAccess: 1771628400000 },
    ]);
    db.close();
  });

  it('drops v1 records that are not series instead of carrying garbage forward', async () => {
    const factory = new IDBFactory();
    const junk = { symbol: 'JUNK', note: 'not a series' } as unknown as SeriesRecordV1;
    await createV1(factory, [RUT_V1, junk]);
    const db = await openMarketDb(factory);
    expect(await db.getAllKeys('series')).toEqual(['^RUT']);
    expect(await db.get('fetchMeta', 'JUNK')).toBeUndefined();
    db.close();
  });

  it('opens an already-current database without touching its data', async () => {
    const factory = new IDBFactory();
    await createV1(factory, [RUT_V1]);
    (await openMarketDb(factory)).close();
    const again = await openMarketDb(factory);
    expect((await again.get('series', '^RUT'))?.adjClose).toEqual(RUT_V1.closes);
    again.close();
  });
});
