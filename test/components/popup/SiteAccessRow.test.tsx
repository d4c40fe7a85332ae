// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SiteAccessRow } from '../../../components/popup/SiteAccessRow';
import { useSettings } from '../../../components/ui/use-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings/schema';
import { loadSettings, saveSettings } from '../../../lib/settings/store';
import { ALL_SITES_ORIGINS, DEFAULT_SITE_MATCHES } from '../../../lib/site-access/default-sites';
import {
  installFakePermissions,
  installManifest,
  type FakePermissions,
} from '../../support/fake-extension-apis';
import { mount, type Rendered } from '../render';

let permissions: FakePermissions;
let row: Rendered;

/** The row as the popup renders it: with the live settings. */
function Row() {
  const settings = useSettings();
  return settings ? <SiteAccessRow settings={settings} /> : null;
}

async function openOn(url: string, settings?: Settings): Promise<Rendered> {
  if (settings) await saveSettings(settings);
  // The popup's window holds the page the toolbar button was clicked on.
  const window = await fakeBrowser.windows.create({ focused: true });
  await fakeBrowser.tabs.create({ url, active: true, windowId: window?.id ?? 0 });
  row = await mount(<Row />);
  return row;
}

beforeEach(() => {
  fakeBrowser.reset();
  installManifest({
    content_scripts: [{ matches: [...DEFAULT_SITE_MATCHES], js: ['content-scripts/content.js'] }],
    optional_host_permissions: ['https://api.twelvedata.com/*', ...ALL_SITES_ORIGINS],
  });
  permissions = installFakePermissions([...DEFAULT_SITE_MATCHES]);
});

afterEach(() => row?.unmount());

describe('popup site row', () => {
  it('says when the page is not one it can run on', async () => {
    await openOn('chrome://newtab/');
    expect(row.text()).toBe(
      'R2K Lens cannot run on this page (browser pages, the web store, files).',
    );
    expect(row.findAll('button')).toHaveLength(0);
  });

  it('on a default site: running, and "Stop on this site" switches the site off', async () => {
    await openOn('https://www.reuters.com/markets/');
    expect(row.text()).toMatch(
      /^Running on www\.reuters\.com \(one of the financial sites it runs on by default\)\./,
    );
    await row.click(row.button('Stop on this site'));
    expect((await loadSettings()).detection.disabledSites).toEqual(['reuters.com']);
    expect(row.text()).toMatch(/Off on www\.reuters\.com \(you switched reuters\.com off\)/);
    await row.click(row.button('Run on this site'));
    expect((await loadSettings()).detection.disabledSites).toEqual([]);
    expect(row.text()).toMatch(/Running on www\.reuters\.com/);
    expect(permissions.requests).toEqual([]);
  });

  it('on another site: asks the browser for exactly that site', async () => {
    await openOn('https://news.example.org/2026/small-caps?x=1');
    expect(row.text()).toMatch(/^Not running on news\.example\.org\./);
    await row.click(row.button('Run on this site'));
    expect(permissions.requests).toEqual([['https://news.example.org/*']]);
    expect(row.text()).toMatch(/Running on news\.example\.org \(you allowed this site\)/);
    expect(row.text()).toMatch(/R2K Lens now runs on news\.example\.org\./);
  });

  it('says so when the prompt is declined', async () => {
    permissions.answer = false;
    await openOn('https://news.example.org/');
    await row.click(row.button('Run on this site'));
    expect(row.text()).toMatch(/R2K Lens was not allowed on news\.example\.org\./);
    expect(row.text()).toMatch(/Not running on news\.example\.org/);
  });

  it('on a site the user allowed: "Stop on this site" gives the permission back', async () => {
    permissions.granted.add('https://news.example.org/*');
    await openOn('https://news.example.org/a');
    await row.click(row.button('Stop on this site'));
    expect(permissions.granted.has('https://news.example.org/*')).toBe(false);
    expect(row.text()).toMatch(/Not running on news\.example\.org/);
    expect((await loadSettings()).detection.disabledSites).toEqual([]);
  });

  it('with every site allowed: says so, and stopping switches just this site off', async () => {
    for (const o of ALL_SITES_ORIGINS) permissions.granted.add(o);
    await openOn('https://blog.example.com/');
    expect(row.text()).toMatch(/Running on blog\.example\.com \(you allowed every site\)/);
    await row.click(row.button('Stop on this site'));
    expect((await loadSettings()).detection.disabledSites).toEqual(['blog.example.com']);
    expect(permissions.granted.has('https://*/*')).toBe(true);
  });

  it('when paused everywhere: offers to resume', async () => {
    await openOn('https://www.cnbc.com/', {
      ...DEFAULT_SETTINGS,
      detection: { ...DEFAULT_SETTINGS.detection, paused: true },
    });
    expect(row.text()).toMatch(/^Paused on every site\./);
    await row.click(row.button('Resume everywhere'));
    expect((await loadSettings()).detection.paused).toBe(false);
    expect(row.text()).toMatch(/Running on www\.cnbc\.com/);
  });
});
