import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startInOpenTabs, syncContentScripts } from '../../../entrypoints/background/site-access';
import { DEFAULT_SITE_MATCHES } from '../../../lib/site-access/default-sites';
import {
  installFakePermissions,
  installFakeScripting,
  installManifest,
  type FakePermissions,
  type FakeScripting,
} from '../../support/fake-extension-apis';

let permissions: FakePermissions;
let scripting: FakeScripting;

const CONTENT_SCRIPT = {
  matches: [...DEFAULT_SITE_MATCHES],
  js: ['content-scripts/content.js'],
  css: ['content-scripts/content.css'],
  all_frames: true,
  match_origin_as_fallback: true,
  run_at: 'document_idle',
};

beforeEach(() => {
  fakeBrowser.reset();
  installManifest({
    host_permissions: ['https://query1.finance.yahoo.com/*', 'https://stooq.com/*'],
    optional_host_permissions: ['https://api.twelvedata.com/*', 'http://*/*', 'https://*/*'],
    content_scripts: [CONTENT_SCRIPT],
  });
  permissions = installFakePermissions([
    ...DEFAULT_SITE_MATCHES,
    'https://query1.finance.yahoo.com/*',
    'https://stooq.com/*',
  ]);
  scripting = installFakeScripting();
});

describe('dynamic content scripts', () => {
  it('registers nothing while only the default sites are allowed', async () => {
    await syncContentScripts();
    expect(scripting.registered.size).toBe(0);
  });

  it('registers an allowed site with the manifest’s options, and removes it when revoked', async () => {
    permissions.granted.add('https://news.example.org/*');
    permissions.granted.add('https://api.twelvedata.com/*');
    await syncContentScripts();
    expect([...scripting.registered.values()]).toEqual([
      {
        id: 'r2k-site:https://news.example.org/*',
        js: ['content-scripts/content.js'],
        css: ['content-scripts/content.css'],
        matches: ['https://news.example.org/*'],
        excludeMatches: [...DEFAULT_SITE_MATCHES],
        allFrames: true,
        runAt: 'document_idle',
        matchOriginAsFallback: true,
        persistAcrossSessions: true,
      },
    ]);
    permissions.granted.delete('https://news.example.org/*');
    await syncContentScripts();
    expect(scripting.registered.size).toBe(0);
  });

  it('uses one registration for all sites, and goes back to single sites when it is revoked', async () => {
    permissions.granted.add('https://news.example.org/*');
    for (const o of ['http://*/*', 'https://*/*']) permissions.granted.add(o);
    await syncContentScripts();
    expect([...scripting.registered.keys()]).toEqual(['r2k-all-sites']);
    for (const o of ['http://*/*', 'https://*/*']) permissions.granted.delete(o);
    await syncContentScripts();
    expect([...scripting.registered.keys()]).toEqual(['r2k-site:https://news.example.org/*']);
  });

  it('survives a restarted worker: the state comes from the browser, and concurrent syncs do not collide', async () => {
    permissions.granted.add('https://a.example/*');
    permissions.granted.add('https://b.example/*');
    await Promise.all([syncContentScripts(), syncContentScripts(), syncContentScripts()]);
    expect([...scripting.registered.keys()].toSorted()).toEqual([
      'r2k-site:https://a.example/*',
      'r2k-site:https://b.example/*',
    ]);
  });

  it('re-registers scripts whose options an update changed', async () => {
    permissions.granted.add('https://a.example/*');
    scripting.registered.set('r2k-site:https://a.example/*', {
      id: 'r2k-site:https://a.example/*',
      js: ['content-scripts/content.js'],
      matches: ['https://a.example/*'],
      allFrames: false,
    });
    await syncContentScripts();
    expect(scripting.registered.get('r2k-site:https://a.example/*')).toMatchObject({
      allFrames: true,
      matchOriginAsFallback: true,
    });
  });
});

/** Makes `tabs.sendMessage` answer as tabs with (`alive`) or without a content script do. */
function contentScriptsAnswer(alive: boolean) {
  const send = vi.fn(async () => {
    if (!alive) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { ok: true, data: { symbols: [] } };
  });
  (fakeBrowser.tabs as unknown as Record<string, unknown>).sendMessage = send;
  return send;
}

describe('starting in open tabs after a grant', () => {
  it('injects into open tabs of the new site that have no content script yet', async () => {
    contentScriptsAnswer(false);
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example.org/story' });
    await fakeBrowser.tabs.create({ url: 'https://elsewhere.example/' });
    await startInOpenTabs(['https://news.example.org/*']);
    expect(scripting.insertedCss).toEqual([
      { tabId: tab.id, files: ['content-scripts/content.css'] },
    ]);
    expect(scripting.executed).toEqual([{ tabId: tab.id, files: ['content-scripts/content.js'] }]);
  });

  it('for all sites, starts only the active tab, and never a default site (it has the script)', async () => {
    contentScriptsAnswer(false);
    const reuters = await fakeBrowser.tabs.create({
      url: 'https://www.reuters.com/',
      active: true,
    });
    await startInOpenTabs(['http://*/*', 'https://*/*']);
    expect(scripting.executed).toEqual([]);
    const other = await fakeBrowser.tabs.create({ url: 'https://x.example/', active: true });
    await startInOpenTabs(['http://*/*', 'https://*/*']);
    expect(scripting.executed.map((e) => e.tabId)).toEqual([other.id]);
    expect(reuters.id).not.toBe(other.id);
  });

  it('leaves a tab alone when its content script answers (it restarts itself)', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example.org/story' });
    const send = contentScriptsAnswer(true);
    await startInOpenTabs(['https://news.example.org/*']);
    expect(send).toHaveBeenCalledWith(tab.id, { type: 'getPageSymbols', data: {} }, { frameId: 0 });
    expect(scripting.executed).toEqual([]);
  });
});
