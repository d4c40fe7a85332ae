import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { browser } from 'wxt/browser';
import { hoverText, leave } from './support/card';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { startPageServer, type PageServer } from './support/page-server';

let ext: LoadedExtension;
let pages: PageServer;
let page: Page;

/** Installs `window.r2kMarked()`: the text of every highlighted mention (ranges may be StaticRanges). */
async function installProbe(p: Page): Promise<void> {
  await p.evaluate(() => {
    (window as unknown as { r2kMarked: () => string[] }).r2kMarked = () => {
      const h = CSS.highlights.get('r2k-lens-mention');
      if (!h) return [];
      return [...h].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      });
    };
  });
}

async function marked(p: Page): Promise<string[]> {
  return p.evaluate(() => (window as unknown as { r2kMarked: () => string[] }).r2kMarked());
}

async function waitForMarked(p: Page, text: string, present = true): Promise<void> {
  await p.waitForFunction(
    (want) => {
      const found = (window as unknown as { r2kMarked: () => string[] })
        .r2kMarked()
        .includes(want.text);
      return found === want.present;
    },
    { text, present },
    { timeout: 10_000 },
  );
}

async function setOption(name: string, on: boolean): Promise<void> {
  const options = await ext.openExtensionPage('options.html');
  const box = options.locator(`input[name=${name}]`);
  if (on) await box.check();
  else await box.uncheck();
  await options.getByText('Saved').waitFor();
  await options.close();
}

before(async () => {
  pages = await startPageServer();
  ext = await launchWithExtension();
  page = await ext.context.newPage();
  await page.goto(pages.url('news.html'));
  await installProbe(page);
  await waitForMarked(page, '$IWM');
});

after(async () => {
  await ext?.close();
  await pages?.close();
});

test('marks tickers and indexes precisely and leaves word-like words and code alone', async () => {
  const found = await marked(page);
  for (const expected of [
    'Russell 2000',
    'S&P 500',
    '$IWM',
    'SFM',
    '$IONQ',
    '$HIMS',
    'Kratos Defense',
  ]) {
    assert.ok(found.includes(expected), `${expected} is marked (found: ${found.join(' | ')})`);
  }
  for (const word of ['It', 'ON', 'ALL', 'IT', '$AAPL', 'Goldman Sachs']) {
    assert.ok(!found.includes(word), `${word} is not marked`);
  }
});

test('does not change the page: same elements as the served HTML', async () => {
  const counts = await page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const served = new DOMParser().parseFromString(html, 'text/html');
    return {
      served: served.body.querySelectorAll('*').length,
      live: document.body.querySelectorAll('*').length,
    };
  });
  assert.equal(counts.live, counts.served);
});

test('a quote link opens the card for its symbol', async () => {
  const card = await hoverText(page, '#p3', 'Kratos Defense');
  assert.match(await card.innerText(), /KTOS/);
  await leave(page);
});

test('keeps up with content the page adds later', async () => {
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'late';
    p.textContent = 'Late update: $CRDO and $ENSG rallied into the close.';
    document.querySelector('article')?.append(p);
  });
  await waitForMarked(page, '$CRDO');
  await waitForMarked(page, '$ENSG');
});

/** The service worker's extension API (its code runs there, through `worker.evaluate`). */
declare const chrome: typeof browser;

test('the content script tells the popup which symbols the page mentions', async () => {
  // What the popup does: ask the active tab's content script (the popup itself cannot be
  // opened over a tab headless, so the service worker sends the same message).
  await page.bringToFront();
  const reply = await ext.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) return null;
    return chrome.tabs.sendMessage(tab.id, { type: 'getPageSymbols', data: {} });
  });
  assert.ok(reply && reply.ok, 'the content script answers');
  const symbols = (reply.data.symbols as { symbol: string; count: number }[]).map((s) => s.symbol);
  for (const s of ['^RUT', 'IWM', 'SFM', 'KTOS'])
    assert.ok(symbols.includes(s), `${s} listed: ${symbols}`);
});

test('company names are recognised once switched on, without reloading the page', async () => {
  await setOption('companyNames', true);
  await waitForMarked(page, 'Goldman Sachs');
  await setOption('companyNames', false);
  await waitForMarked(page, 'Goldman Sachs', false);
});

test('the global pause and the per-site switch stop marking at once', async () => {
  await setOption('paused', true);
  await page.waitForFunction(() => (CSS.highlights.get('r2k-lens-mention')?.size ?? 0) === 0);
  await setOption('paused', false);
  await waitForMarked(page, '$IWM');

  const options = await ext.openExtensionPage('options.html');
  await options.locator('input[name=site]').fill('http://127.0.0.1/whatever');
  await options.getByRole('button', { name: 'Add' }).click();
  await options.locator('.sites li', { hasText: '127.0.0.1' }).waitFor();
  await page.waitForFunction(() => (CSS.highlights.get('r2k-lens-mention')?.size ?? 0) === 0);
  await options.getByRole('button', { name: 'Turn R2K Lens back on for 127.0.0.1' }).click();
  await waitForMarked(page, '$IWM');
});
