import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { restrictStorageToTrustedContexts } from '../../../entrypoints/background/storage-access';

function withAccessLevel(area: object, impl: (o: unknown) => Promise<void>) {
  const fn = vi.fn(impl);
  (area as unknown as Record<string, unknown>).setAccessLevel = fn;
  return fn;
}

describe('storage access level', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    for (const area of [
      fakeBrowser.storage.local,
      fakeBrowser.storage.sync,
      fakeBrowser.storage.session,
    ]) {
      delete (area as unknown as Record<string, unknown>).setAccessLevel;
    }
  });

  it('restricts every area to trusted contexts where the browser can (Chromium)', async () => {
    const calls = [
      withAccessLevel(fakeBrowser.storage.local, async () => undefined),
      withAccessLevel(fakeBrowser.storage.sync, async () => undefined),
      withAccessLevel(fakeBrowser.storage.session, async () => undefined),
    ];
    expect(await restrictStorageToTrustedContexts()).toEqual({
      local: 'restricted',
      sync: 'restricted',
      session: 'restricted',
    });
    for (const call of calls)
      expect(call).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('copes with a browser that supports it for the session area only (Firefox), or refuses', async () => {
    withAccessLevel(fakeBrowser.storage.session, async () => undefined);
    withAccessLevel(fakeBrowser.storage.sync, async () => {
      throw new Error('Not supported');
    });
    expect(await restrictStorageToTrustedContexts()).toEqual({
      local: 'unsupported',
      sync: 'Not supported',
      session: 'restricted',
    });
  });
});
