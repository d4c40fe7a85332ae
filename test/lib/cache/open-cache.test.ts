// oxlint-disable-next-line import/no-unassigned-import -- installs the IDB globals idb's wrap() checks with instanceof
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DB_NAME } from '../../../lib/cache/db';
import { openCache } from '../../../lib/cache/open-cache';
import { storedFromFixture } from './helpers';

const QQQ = storedFromFixture('chart-QQQ-2020-01-01-to-2020-01-03.json', 'QQQ');

describe('openCache', () => {
  it('opens IndexedDB when it works', async () => {
    const cache = await openCache(new IDBFactory());
    expect([cache.backend, cache.degradedReason]).toEqual(['indexeddb', null]);
    cache.close();
  });

  it('falls back to memory, with a reason, when IndexedDB is missing', async () => {
    const cache = await openCache(null);
    expect(cache.backend).toBe('memory');
    expect(cache.degradedReason).toBe('IndexedDB is not available in this context');
  });

  it('falls back to memory when open() throws (private mode, corrupt store) and still works', async () => {
    const broken = {
      open() {
        throw new DOMException(
          'The operation failed for reasons unrelated to the database',
          'UnknownError',
        );
      },
    } as unknown as IDBFactory;
    const cache = await openCache(broken);
    expect(cache.backend).toBe('memory');
    expect(cache.degradedReason).toMatch(/^IndexedDB could not be opened \(UnknownError/);
    expect((await cache.writeSeries({ series: QQQ, source: 'yahoo', fetchedAt: 1 })).status).toBe(
      'written',
    );
    expect((await cache.readSeries('QQQ'))?.series.asOf).toBe('2020-01-02');
  });

  it('falls back to memory when an older connection blocks the upgrade', async () => {
    const factory = new IDBFactory();
    const old = await new Promise<IDBDatabase>((resolve) => {
      const req = factory.open(DB_NAME, 1);
      req.addEventListener('upgradeneeded', () =>
        req.result.createObjectStore('series', { keyPath: 'symbol' }),
      );
      // Kept open, and deaf to versionchange.
      req.addEventListener('success', () => resolve(req.result));
    });
    const cache = await openCache(factory, { timeoutMs: 200 });
    expect(cache.backend).toBe('memory');
    expect(cache.degradedReason).toBe('IndexedDB upgrade is blocked by another open connection');
    old.close();
  });
});
