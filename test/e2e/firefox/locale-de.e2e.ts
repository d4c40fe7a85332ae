/**
 * The German locale in a real browser: Firefox ESR in German (Debian's firefox-esr-l10n-de, which
 * .ci/run installs) shows the popup, the options page and the manifest's name and description
 * from public/_locales/de, with German number and date formats. (Debian's Chromium ships only
 * its en-US locale, so this runs in Firefox.)
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ProviderServer } from '../../support/provider-server';
import { holdProviderOffline } from '../support/popup';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';

let ff: FirefoxWithExtension;
let provider: ProviderServer;

before(async () => {
  provider = await holdProviderOffline();
  ff = await launchFirefoxWithExtension({ locale: 'de' });
});

after(async () => {
  await ff?.close();
  await provider?.stop();
});

test('Firefox runs in German, and so does R2K Lens’s catalogue', async () => {
  const info = await ff.extensionEval<{ ui: string; description: string }>(`
    return { ui: browser.i18n.getUILanguage(), description: browser.runtime.getManifest().description };
  `);
  assert.match(info.ui, /^de/);
  assert.match(info.description, /^Russell-2000-Kontext zu Tickern/);
});

test('the popup speaks German: tabs, status and figures in German formats', async () => {
  const popup = await ff.openExtensionPage('popup.html');
  await popup.setViewport({ width: 440, height: 600 });
  await popup.waitForSelector('[data-testid=r2k-level]', { timeout: 20_000 });
  assert.equal(await popup.evaluate('document.documentElement.lang'), 'de');
  const tabs = (await popup.$$eval('[role=tab]', (els) =>
    els.map((e) => (e as HTMLElement).innerText.trim()),
  )) as string[];
  assert.deepEqual(tabs, ['Märkte', 'Index', 'Vergleich', 'Diese Seite']);
  // ^RUT's last close in the snapshot, 2,663.78, written the German way.
  assert.equal(
    await popup.$eval('[data-testid=r2k-level]', (e) => (e as HTMLElement).innerText),
    '2.663,78',
  );
  const header = await popup.$eval('header', (e) => (e as HTMLElement).innerText);
  assert.match(header, /Stand 20\. Feb\. 2026 \(Schlusskurs\)/);
  assert.match(header, /Jetzt aktualisieren/);
  await popup.screenshot({ path: 'test/e2e/screenshots/firefox-popup-de.png' });
  await popup.close();
});

test('the options page speaks German', async () => {
  const options = await ff.openExtensionPage('options.html');
  await options.waitForSelector('h1');
  assert.equal(await options.title(), 'R2K-Lens-Einstellungen');
  // textContent: headings are upper-cased by CSS, which innerText would follow.
  const text = await options.$eval('main', (e) => e.textContent ?? '');
  for (const words of ['Vergleichsindizes neben dem Russell 2000', 'Marktdaten', 'Darstellung']) {
    assert.ok(text.includes(words), `${words} is on the page`);
  }
  await options.close();
});
