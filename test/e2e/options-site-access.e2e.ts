/**
 * The options page and the popup together, in Chromium: preferences changed in the options reach
 * an open popup and open tabs without a reload; the site-access flow (default sites, "Stop / Run
 * on this site", a site outside the list, "Run on every site"); axe-core on the options page; the
 * README's screenshot.
 *
 * What cannot be automated: accepting the browser's permission prompt. Headless Chromium shows no
 * prompt a test can answer (permissions.request stays pending), and chrome.developerPrivate only
 * re-grants hosts the manifest requires. So these tests check that the right origins are asked
 * for, and the unit suite (test/entrypoints/background/site-access.test.ts) covers what follows a
 * grant or a revocation (registration, starting in open tabs, removal). The popup's own tab is
 * supplied by a test-only stand-in for `activeTab` (see `openPopupFor`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  desiredRegistrations,
  registrationChanges,
  templateFromManifest,
  type ManifestForAccess,
  type RegisteredScript,
} from '../../lib/site-access/registration';
import { EXTENSION_DIR, launchWithExtension, type LoadedExtension } from './support/extension';
import { startPageServer, type PageServer } from './support/page-server';

/** The extension API as the worker and extension pages see it (Chromium: promise-based). */
declare const chrome: typeof import('webextension-polyfill');

/** A host outside the default sites that resolves to the local page server. */
const OTHER_HOST = 'news.r2k.test';

let ext: LoadedExtension;
let pages: PageServer;

before(async () => {
  pages = await startPageServer();
  ext = await launchWithExtension({ args: [`--host-resolver-rules=MAP ${OTHER_HOST} 127.0.0.1`] });
});

after(async () => {
  await ext?.close();
  await pages?.close();
});

/**
 * Script run in an extension page before its own: records `permissions.request` calls (the real
 * request still runs; its prompt stays unanswered) and, when `tab` is given, answers the popup's
 * "active tab of this window" query with that tab, as `activeTab` does when the toolbar button
 * is clicked on it (a test cannot click the toolbar).
 */
function instrumentation(tab?: { id: number; url: string }): string {
  return `
    window.r2kPermissionRequests = [];
    // The underlying API (a promise-based wrapper, if any, calls into it).
    const apis = [globalThis.chrome];
    for (const api of apis) {
      const request = api.permissions.request.bind(api.permissions);
      api.permissions.request = (p, cb) => { window.r2kPermissionRequests.push(p); return request(p, cb); };
      const tab = ${JSON.stringify(tab ?? null)};
      if (tab) {
        const query = api.tabs.query.bind(api.tabs);
        api.tabs.query = (info, cb) => {
          if (!info || !info.active) return query(info, cb);
          const found = [{ id: tab.id, url: tab.url, active: true, index: 0, windowId: 1, highlighted: true, incognito: false, pinned: false, discarded: false, autoDiscardable: true, groupId: -1 }];
          if (cb) { cb(found); return undefined; }
          return Promise.resolve(found);
        };
      }
    }`;
}

/**
 * Opens `url` in a new tab through the extension (so the test knows the tab's id, which the
 * tabs API only reveals with the URL to a page R2K Lens has access to) and returns the page.
 */
async function openTab(url: string): Promise<{ page: Page; tabId: number }> {
  const opened = ext.context.waitForEvent('page', (p) => p.url() === url);
  const tabId = await ext.worker.evaluate(
    (u) => chrome.tabs.create({ url: u }).then((t) => t.id ?? -1),
    url,
  );
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  return { page, tabId };
}

/** The popup page, describing the tab showing `url` (see {@link instrumentation}). */
async function openPopupFor(tab: { tabId: number; url: string }): Promise<Page> {
  const popup = await ext.context.newPage();
  await popup.addInitScript({ content: instrumentation({ id: tab.tabId, url: tab.url }) });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
  await popup.getByTestId('site-access-row').waitFor();
  return popup;
}

async function permissionRequests(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () => (window as unknown as { r2kPermissionRequests: unknown[] }).r2kPermissionRequests,
  );
}

async function resetSettings(): Promise<void> {
  const options = await ext.openExtensionPage('options.html');
  await options.getByRole('button', { name: 'Reset to defaults' }).click();
  await options.getByText('Settings reset to the defaults').waitFor();
  await options.close();
}

const highlighted = (page: Page) =>
  page.evaluate(() => CSS.highlights.get('r2k-lens-mention')?.size ?? 0);

/** Waits until the content script has underlined mentions on `page`. */
async function waitForMarks(page: Page): Promise<void> {
  await page.waitForFunction(() => (CSS.highlights.get('r2k-lens-mention')?.size ?? 0) > 0, null, {
    timeout: 15_000,
  });
}

test('preferences changed in the options page show in the open popup at once', async () => {
  const popup = await ext.openExtensionPage('popup.html');
  const level = popup.getByTestId('r2k-level');
  await level.waitFor({ timeout: 15_000 });
  assert.equal(await level.innerText(), '2,663.78');

  const options = await ext.openExtensionPage('options.html');
  await options.locator('select[name=numberFormat]').selectOption('de-DE');
  await popup.getByText('2.663,78').waitFor();
  await options.locator('input[name=theme][value=dark]').check();
  await popup.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await options.locator('input[name=benchmark][value="^DJI"]').check();
  await popup.getByText('Dow Jones Industrial Average').first().waitFor();
  await options.locator('input[name=returnBasis][value=total-return]').check();
  await popup.getByText('via SPY').first().waitFor();
  await options.locator('input[name=chartPeriod][value="5Y"]').check();
  // The rebased chart opens on the chosen period.
  await popup
    .getByRole('group', { name: 'Period of the chart "Indexes rebased to 100"' })
    .getByRole('button', { name: '5Y', pressed: true })
    .waitFor();

  await popup.close();
  await options.close();
  await resetSettings();
});

test('the popup stops and restarts R2K Lens on an open default site, without a reload', async () => {
  const url = pages.url('news.html');
  const { page: news, tabId } = await openTab(url);
  await waitForMarks(news);
  const popup = await openPopupFor({ tabId, url });
  const row = popup.getByTestId('site-access-row');
  assert.match(
    await row.innerText(),
    /Running on 127\.0\.0\.1 \(one of the financial sites it runs on by default\)/,
  );
  await row.getByRole('button', { name: 'Stop on this site' }).click();
  await news.waitForFunction(() => (CSS.highlights.get('r2k-lens-mention')?.size ?? 0) === 0);
  await row.getByText('Off on 127.0.0.1').waitFor();
  await row.getByRole('button', { name: 'Run on this site' }).click();
  await waitForMarks(news);
  await row.getByText(/Running on 127\.0\.0\.1/).waitFor();
  assert.deepEqual(await permissionRequests(popup), [], 'no prompt for a default site');
  await popup.close();
  await news.close();
});

test('outside the default sites it does nothing until allowed; "Run on this site" asks for exactly that site', async () => {
  const url = pages.url('news.html').replace('127.0.0.1', OTHER_HOST);
  const { page, tabId } = await openTab(url);
  await page.waitForLoadState('load');
  await page.waitForTimeout(2_000);
  assert.equal(await highlighted(page), 0, 'no mention marked');
  assert.equal(await page.locator('r2k-lens-card').count(), 0);

  const popup = await openPopupFor({ tabId, url });
  const row = popup.getByTestId('site-access-row');
  assert.match(
    await row.innerText(),
    new RegExp(`Not running on ${OTHER_HOST.replace(/\./g, '\\.')}\\.`),
  );
  await row.getByRole('button', { name: 'Run on this site' }).click();
  await popup.waitForFunction(
    () =>
      (window as unknown as { r2kPermissionRequests: unknown[] }).r2kPermissionRequests.length > 0,
  );
  assert.deepEqual(await permissionRequests(popup), [{ origins: [`http://${OTHER_HOST}/*`] }]);
  await popup.close();
  await page.close();
});

test('"Run on every site" in the options asks the browser for every site, and nothing is granted unasked', async () => {
  const options = await ext.context.newPage();
  await options.addInitScript({ content: instrumentation() });
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const allSites = options.locator('input[name=allSites]');
  assert.equal(await allSites.isChecked(), false);
  await allSites.click();
  await options.waitForFunction(
    () =>
      (window as unknown as { r2kPermissionRequests: unknown[] }).r2kPermissionRequests.length > 0,
  );
  assert.deepEqual(await permissionRequests(options), [{ origins: ['http://*/*', 'https://*/*'] }]);
  const granted = await ext.worker.evaluate(() =>
    chrome.permissions.contains({ origins: ['https://*/*'] }),
  );
  assert.equal(granted, false, 'the prompt was not answered, so nothing is granted');
  await options.close();
});

test('Chromium accepts the registration built from the manifest and reports it back unchanged', async () => {
  const manifest = JSON.parse(
    readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8'),
  ) as ManifestForAccess;
  const template = templateFromManifest(manifest);
  assert.ok(template);
  const desired = desiredRegistrations(template, {
    allSites: false,
    sites: [`http://${OTHER_HOST}/*`],
  });
  const reported = (await ext.worker.evaluate(async (scripts) => {
    await chrome.scripting.registerContentScripts(
      scripts as Parameters<typeof chrome.scripting.registerContentScripts>[0],
    );
    const back = await chrome.scripting.getRegisteredContentScripts();
    await chrome.scripting.unregisterContentScripts({ ids: back.map((s) => s.id) });
    return back;
  }, desired)) as RegisteredScript[];
  assert.deepEqual(registrationChanges(reported, desired), { unregister: [], register: [] });
});

test('the options page has no serious or critical accessibility violations (axe-core)', async () => {
  const axeSource = readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );
  for (const theme of ['light', 'dark'] as const) {
    const options = await ext.openExtensionPage('options.html');
    await options.setViewportSize({ width: 900, height: 900 });
    await options.locator(`input[name=theme][value=${theme}]`).check();
    await options.locator('[data-testid=cache-panel]').waitFor();
    await options.locator('details summary').click();
    // Runtime.evaluate is not subject to the page's CSP, which forbids injected script elements.
    await options.evaluate(axeSource);
    const violations = await options.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(): Promise<{
              violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
            }>;
          };
        }
      ).axe;
      const result = await axe.run();
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
    });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious, [], `${theme}: ${JSON.stringify(violations)}`);
    if (theme === 'light') {
      await options.locator('details').evaluate((d) => d.removeAttribute('open'));
      await options.waitForTimeout(300);
      await options.screenshot({ path: 'test/e2e/screenshots/options.png', fullPage: true });
    }
    await options.close();
  }
  await resetSettings();
});
