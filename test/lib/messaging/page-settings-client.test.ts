import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Reply } from '../../../lib/messaging/envelope';
import { loadPageSettings, watchPageSettings } from '../../../lib/messaging/page-settings-client';
import { pageSettingsFor, type PageSettings } from '../../../lib/settings/page-settings';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';

const ON = pageSettingsFor(DEFAULT_SETTINGS, 'www.reuters.com', true);
const OFF = pageSettingsFor(
  { ...DEFAULT_SETTINGS, detection: { ...DEFAULT_SETTINGS.detection, paused: true } },
  'www.reuters.com',
  true,
);

/** Delivers a runtime message as the browser would, from `sender`. */
function deliver(message: unknown, sender: { id?: string }) {
  return fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
}

const ok = (data: PageSettings): Reply<PageSettings> => ({ ok: true, data });

describe('the content script’s settings client', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads the page settings from the background', async () => {
    await expect(loadPageSettings(async () => ok(ON))).resolves.toEqual(ON);
  });

  it('retries once (a sleeping worker), then gives the background’s reason', async () => {
    const replies: Reply<PageSettings>[] = [{ ok: false, error: 'waking' }, ok(ON)];
    await expect(
      loadPageSettings(async () => replies.shift() as Reply<PageSettings>),
    ).resolves.toEqual(ON);
    await expect(loadPageSettings(async () => ({ ok: false, error: 'gone' }))).rejects.toThrow(
      'R2K Lens could not read its settings: gone',
    );
  });

  it('asks again when the background says settings changed, and hands over the answer', async () => {
    const seen: PageSettings[] = [];
    const request = vi.fn(async () => ok(OFF));
    watchPageSettings((s) => seen.push(s), undefined, request);
    await deliver({ type: 'pageSettingsChanged' }, { id: fakeBrowser.runtime.id });
    await vi.waitFor(() => expect(seen).toEqual([OFF]));
  });

  it('ignores other messages and other extensions', async () => {
    const request = vi.fn(async () => ok(OFF));
    watchPageSettings(() => undefined, undefined, request);
    await deliver({ type: 'pageSettingsChanged' }, { id: 'evil' });
    await deliver({ type: 'dataUpdated', data: { symbols: [] } }, { id: fakeBrowser.runtime.id });
    await new Promise((r) => setTimeout(r, 10));
    expect(request).not.toHaveBeenCalled();
  });

  it('delivers only the latest answer when changes come close together', async () => {
    const seen: PageSettings[] = [];
    let call = 0;
    const request = vi.fn(async () => {
      call += 1;
      // The first answer arrives after the second.
      await new Promise((r) => setTimeout(r, call === 1 ? 30 : 1));
      return ok(call === 1 ? ON : OFF);
    });
    watchPageSettings((s) => seen.push(s), undefined, request);
    const self = { id: fakeBrowser.runtime.id };
    await deliver({ type: 'pageSettingsChanged' }, self);
    await deliver({ type: 'pageSettingsChanged' }, self);
    await new Promise((r) => setTimeout(r, 60));
    expect(seen).toEqual([OFF]);
  });

  it('stops with its signal', async () => {
    const request = vi.fn(async () => ok(OFF));
    const controller = new AbortController();
    watchPageSettings(() => undefined, controller.signal, request);
    controller.abort();
    await deliver({ type: 'pageSettingsChanged' }, { id: fakeBrowser.runtime.id });
    expect(request).not.toHaveBeenCalled();
  });
});
