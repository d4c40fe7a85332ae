/**
 * The hover card as a reader meets it, in Chromium with the built extension: the compact first
 * view and "More" (remembered), placement inside the viewport at its four edges, on a page with
 * an aggressive CSS reset, a tiny zoomed root font and a right-to-left page, a live blog that
 * keeps appending, keyboard-only use through the shortcut, axe-core on the open card, the light
 * and dark themes (with the README's screenshots), and a page that tries to open, read, write
 * and fake the card. The card is read in the content script's isolated world (support/card.ts):
 * its shadow root is closed.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeOnCard } from './support/axe';
import {
  approach,
  cardPoint,
  evaluateIsolated,
  leave,
  openDetails,
  readCard,
  textPoint,
  waitForCard,
  waitForLoadedCard,
  type CardInfo,
} from './support/card';
import { launchWithExtension, pressShortcut, type LoadedExtension } from './support/extension';
import { waitForMarks } from './support/marks';
import { startPageServer, type PageServer } from './support/page-server';

/** The extension API in the service worker (`worker.evaluate` runs there). */
declare const chrome: typeof import('wxt/browser').browser;

let ext: LoadedExtension;
let pages: PageServer;

before(async () => {
  pages = await startPageServer();
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await pages?.close();
});

async function open(name: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(pages.url(name));
  await page.waitForFunction(() => (CSS.highlights.get('r2k-lens-mention')?.size ?? 0) > 0, null, {
    timeout: 10_000,
  });
  return page;
}

/** Rests the pointer on `text` in `selector`, as a reader does, and waits for the loaded card. */
async function hover(page: Page, selector: string, text: string): Promise<CardInfo> {
  const { x, y } = await textPoint(page, selector, text);
  await approach(page, x, y);
  return waitForLoadedCard(page);
}

/** Sets the "More" preference back to closed through the card itself. */
async function closeDetails(page: Page): Promise<void> {
  const card = await readCard(page);
  if (!card?.detailsOpen) return;
  const at = await cardPoint(page, '.more');
  assert.ok(at);
  await page.mouse.click(at.x, at.y);
  await waitForCard(page, (c) => c?.detailsOpen === false, 5_000);
}

/** The card's box with its shadow, for a screenshot. */
function clip(c: CardInfo) {
  return { x: c.box.x - 6, y: c.box.y - 6, width: c.box.width + 12, height: c.box.height + 12 };
}

function inside(
  box: CardInfo['box'],
  viewport: { width: number; height: number },
  margin = 8,
): boolean {
  return (
    box.x >= margin - 0.5 &&
    box.y >= margin - 0.5 &&
    box.x + box.width <= viewport.width - margin + 0.5 &&
    box.y + box.height <= viewport.height - margin + 0.5
  );
}

function overlaps(
  box: CardInfo['box'],
  r: { left: number; top: number; right: number; bottom: number },
) {
  return !(
    box.x >= r.right ||
    box.x + box.width <= r.left ||
    box.y >= r.bottom ||
    box.y + box.height <= r.top
  );
}

test('the compact first view: who, last close of a date, membership, one line against the index, sparkline, volatility and beta', async () => {
  const page = await open('news.html');
  const card = await hover(page, '#p2', '$IONQ');
  await closeDetails(page);
  const now = (await readCard(page)) as CardInfo;
  assert.equal(now.state, 'symbol');
  assert.equal(now.box.width, 320);
  assert.ok(now.box.height >= 240 && now.box.height <= 290, `compact height ${now.box.height}`);
  assert.match(now.text, /IonQ, Inc\./);
  assert.match(now.text, /IONQ · NYSE · stock/);
  assert.match(now.text, /10\.81 −0\.83% close of Mar 8, 2024/);
  assert.doesNotMatch(now.text, /live|real-time|now trading/i);
  assert.match(now.text, /R2K member/);
  assert.match(now.text, /Information Technology/);
  assert.match(now.text, /VS R2K\s+1M\s+−6\.0\s+3M\s+−31\.8\s+YTD\s+−15\.5\s+1Y\s+\+102\.8/);
  assert.match(now.text, /Vol 66\.0% \(R2K 21\.9%\) · Beta 1\.\d\d/);
  assert.match(now.text, /As of Mar 8, 2024 · snapshot · stale/);
  const link = await evaluateIsolated<{ href: string; target: string; rel: string }>(
    page,
    `(() => { for (const el of document.documentElement.children) { const a = chrome.dom.openOrClosedShadowRoot(el)?.querySelector('a.quote-link'); if (a) return { href: a.href, target: a.target, rel: a.rel }; } return null; })()`,
  );
  assert.deepEqual(link, {
    href: 'https://finance.yahoo.com/quote/IONQ/',
    target: '_blank',
    rel: 'noopener noreferrer',
  });
  // The card is a labelled dialog, and what it shows was announced politely.
  assert.equal(now.role, 'dialog');
  assert.equal(now.label, 'IonQ, Inc.');
  assert.match(now.announced, /^IonQ, Inc\., IONQ\. IONQ closed at 10\.81 on Mar 8, 2024/);
  void card;
  await leave(page);
  await page.close();
});

test('"More" opens the details, is remembered for the next cards and pages, and a tall card scrolls inside itself', async () => {
  const page = await open('news.html');
  await hover(page, '#p2', '$IONQ');
  const details = await openDetails(page);
  assert.match(details.text, /RETURN/i);
  assert.match(details.text, /vs Russell 2000/);
  assert.match(details.text, /Rate sensitivity/i);
  assert.match(details.text, /of the index's Information Technology weight/);
  assert.match(details.text, /19\.78% of revenue abroad/);
  assert.match(details.text, /Source: .*Yahoo/);
  const viewport = page.viewportSize()!;
  await page.waitForTimeout(100);
  const tall = (await readCard(page)) as CardInfo;
  assert.ok(tall.box.height <= 560, `at most 560 px tall (${tall.box.height})`);
  assert.ok(inside(tall.box, viewport), `inside the viewport: ${JSON.stringify(tall.box)}`);
  assert.ok(tall.scrolls, 'the details scroll inside the card');
  await leave(page);
  // The next card, on another page, opens with its details.
  const other = await open('news.html');
  const next = await hover(other, '#p1', '$IWM');
  assert.equal(next.detailsOpen, true);
  await closeDetails(other);
  await leave(other);
  await page.close();
  await other.close();
});

test('placement: at each edge of the viewport the card stays inside it and off the mention', async () => {
  const page = await open('edges.html');
  const viewport = page.viewportSize()!;
  for (const [id, text] of [
    ['#tl', '$IWM'],
    ['#tr', '$SPY'],
    ['#bl', '$QQQ'],
    ['#br', '$IONQ'],
  ] as const) {
    const { rect } = await textPoint(page, id, text);
    const card = await hover(page, id, text);
    assert.ok(inside(card.box, viewport), `${id}: ${JSON.stringify(card.box)}`);
    assert.ok(!overlaps(card.box, rect), `${id}: the card leaves the mention visible`);
    await page.mouse.move(viewport.width / 2, viewport.height / 2);
    await waitForCard(page, (c) => c === null, 5_000);
  }
  await page.close();
});

test('the card follows the mention as the page scrolls, stays while the pointer is in it, and never shifts the page', async () => {
  const page = await open('liveblog.html');
  // Entries arrive every 250 ms: the later ones are found and open their card.
  await page.waitForFunction(() => document.querySelectorAll('.entry').length === 5);
  await waitForMarks(page, ['$HIMS', 'KTOS', '$IONQ']);
  const initial = await page.evaluate(() => ({
    below: document.getElementById('below')!.getBoundingClientRect().toJSON(),
    height: document.documentElement.scrollHeight,
    html: document.body.innerHTML,
  }));
  const card = await hover(page, '#e2', '$HIMS');
  assert.match(card.text, /HIMS/);
  const during = await page.evaluate(() => ({
    below: document.getElementById('below')!.getBoundingClientRect().toJSON(),
    height: document.documentElement.scrollHeight,
    html: document.body.innerHTML,
  }));
  assert.deepEqual(during, initial, 'the page did not move or change');
  // Into the card: it stays open while the pointer is inside.
  const centre = await cardPoint(page, '.card');
  assert.ok(centre);
  await page.mouse.move(centre.x, centre.y, { steps: 5 });
  await page.waitForTimeout(600);
  assert.ok(await readCard(page), 'still open with the pointer inside');
  // Scroll the page under it: the card moves with the mention.
  const mentionBefore = (await textPoint(page, '#e2', '$HIMS')).rect;
  const boxBefore = (await readCard(page))!.box;
  await page.evaluate(() => document.body.style.setProperty('min-height', '3000px'));
  await page.evaluate(() => window.scrollBy(0, 40));
  await page.waitForTimeout(300);
  const mentionAfter = (await textPoint(page, '#e2', '$HIMS')).rect;
  const boxAfter = (await readCard(page))!.box;
  const moved = mentionAfter.top - mentionBefore.top;
  assert.ok(Math.abs(moved) > 10, `the page scrolled (${moved})`);
  assert.ok(
    Math.abs(boxAfter.y - boxBefore.y - moved) <= 1,
    `card moved ${boxAfter.y - boxBefore.y}, mention ${moved}`,
  );
  await leave(page);
  await page.close();
});

test('an aggressive global CSS reset on the page changes nothing in the card', async () => {
  const page = await open('reset.html');
  const card = await hover(page, '#p1', '$IWM');
  assert.equal(card.box.width, 320);
  assert.ok(card.box.height > 200);
  const look = await evaluateIsolated<{
    visible: boolean;
    font: string;
    dir: string;
    host: string;
  }>(
    page,
    `(() => { for (const el of document.documentElement.children) { const c = chrome.dom.openOrClosedShadowRoot(el)?.querySelector('.card'); if (c) { const s = getComputedStyle(c); return { visible: c.checkVisibility({ opacityProperty: true, visibilityProperty: true }), font: s.fontSize, dir: s.direction, host: getComputedStyle(el).transform + '|' + getComputedStyle(el).opacity + '|' + getComputedStyle(el).filter }; } } return null; })()`,
  );
  assert.deepEqual(look, { visible: true, font: '13px', dir: 'ltr', host: 'none|1|none' });
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.parentElement === document.documentElement,
    [card.box.x + 40, card.box.y + 40],
  );
  assert.ok(hit, 'the card is on top where it is drawn');
  await leave(page);
  await page.close();
});

test('a page with an 8 px root font and zoom 1.5: the card keeps its px size, at the mention', async () => {
  const page = await open('zoom.html');
  const { rect } = await textPoint(page, '#p1', '$IWM');
  const card = await hover(page, '#p1', '$IWM');
  const ruler = await page.evaluate(
    () => document.getElementById('ruler')!.getBoundingClientRect().width,
  );
  assert.equal(ruler, 480, 'the page is zoomed 1.5 times');
  assert.equal(card.box.width, 320, 'the card is not');
  assert.ok(
    Math.abs(card.box.y - (rect.bottom + 6)) <= 2,
    `below the mention: ${card.box.y} vs ${rect.bottom}`,
  );
  const font = await evaluateIsolated<string>(
    page,
    `(() => { for (const el of document.documentElement.children) { const c = chrome.dom.openOrClosedShadowRoot(el)?.querySelector('.card .title'); if (c) return getComputedStyle(c).fontSize; } return null; })()`,
  );
  assert.equal(font, '15px');
  await leave(page);
  await page.close();
});

test('a right-to-left page: the card opens under the mention from its right edge, in the viewport', async () => {
  const page = await open('rtl.html');
  const { rect } = await textPoint(page, '#p1', '$IWM');
  const card = await hover(page, '#p1', '$IWM');
  const viewport = page.viewportSize()!;
  assert.ok(inside(card.box, viewport));
  // Aligned to the right edge of the mention's box under the pointer (bidi text may split
  // "$IWM" in a right-to-left line into more than one box).
  const right = card.box.x + card.box.width;
  assert.ok(
    right > rect.left && right <= rect.right + 1,
    `right edge ${right} within the mention ${rect.left}..${rect.right}`,
  );
  assert.ok(card.box.y >= rect.bottom);
  await leave(page);
  await page.close();
});

test('keyboard only: the shortcut walks the mentions in reading order with our focus ring, Enter goes into the card, Escape comes back', async () => {
  const page = await open('news.html');
  // The page's own focus, to come back to.
  await page.evaluate(() => {
    const h = document.querySelector('h1') as HTMLElement;
    h.id = 'headline';
    h.tabIndex = -1;
    h.focus();
  });
  const html = await page.evaluate(() => document.body.innerHTML);
  const order: (string | null)[] = [];
  for (let i = 0; i < 4; i++) order.push((await pressShortcut(ext, 'next', page))?.symbol ?? null);
  // The walk starts at the top of the viewport and goes on in reading order.
  assert.deepEqual(order, ['^RUT', '^GSPC', 'IWM', 'SFM']);
  let card = await waitForLoadedCard(page);
  const mention = (await textPoint(page, '#p2', 'SFM')).rect;
  assert.ok(card.ring, 'a focus ring is drawn');
  assert.ok(
    card.ring.x <= mention.left &&
      card.ring.y <= mention.top &&
      card.ring.x + card.ring.width >= mention.right &&
      card.ring.y + card.ring.height >= mention.bottom,
    `the ring surrounds the mention: ${JSON.stringify(card.ring)} ${JSON.stringify(mention)}`,
  );
  assert.equal(
    await page.evaluate(() => document.body.innerHTML),
    html,
    'the page DOM is unchanged',
  );
  assert.equal((await pressShortcut(ext, 'previous', page))?.symbol, 'IWM');
  card = (await waitForCard(
    page,
    (c) => c !== null && /IWM/.test(c.text) && c.state !== 'loading',
  )) as CardInfo;
  assert.equal(card.focused, false, 'the card does not take focus by itself');
  await page.keyboard.press('Enter');
  card = (await waitForCard(page, (c) => c?.focused === true, 5_000)) as CardInfo;
  assert.match(card.activeInside ?? '', /^div:/, 'focus is on the dialog');
  await page.keyboard.press('Tab');
  card = (await readCard(page)) as CardInfo;
  assert.equal(card.activeInside, 'button:Close card');
  await page.keyboard.press('Shift+Tab');
  card = (await readCard(page)) as CardInfo;
  assert.equal(card.activeInside, 'button:More', 'Tab stays inside the card');
  // Open the details from the keyboard, then close the card.
  await page.keyboard.press('Enter');
  await waitForCard(page, (c) => c?.detailsOpen === true, 5_000);
  await page.keyboard.press('Escape');
  await waitForCard(page, (c) => c === null, 5_000);
  const focused = await page.evaluate(
    () => document.activeElement?.id || document.activeElement?.localName,
  );
  assert.equal(focused, 'headline', 'focus is back where it was');
  // Remembered: the details stay open for the next card. Close them for the tests after this one.
  await pressShortcut(ext, 'next', page);
  assert.equal((await waitForLoadedCard(page)).detailsOpen, true);
  await closeDetails(page);
  await page.keyboard.press('Escape');
  await waitForCard(page, (c) => c === null, 5_000);
  await page.close();
});

test('axe-core finds no serious or critical violation in the open card, compact or with details, symbol or index', async (t) => {
  const page = await open('news.html');
  const report: string[] = [];
  for (const [selector, text] of [
    ['#p2', '$IONQ'],
    ['#p1', 'Russell 2000'],
  ] as const) {
    await hover(page, selector, text);
    for (const details of [false, true]) {
      if (details) await openDetails(page);
      const result = await axeOnCard(page);
      const bad = result.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      report.push(
        `${text}${details ? ' +More' : ''}: ${result.passes} rules passed, ${result.violations.length} violations (${result.violations.map((v) => `${v.id}:${v.impact}`).join(', ') || 'none'})`,
      );
      assert.deepEqual(bad, [], `${text}${details ? ' with details' : ''}`);
    }
    await closeDetails(page);
    await leave(page);
  }
  t.diagnostic(report.join('\n'));
  await page.close();
});

test('themes: the system’s dark mode, the setting over it; screenshots for the README', async () => {
  const page = await open('news.html');
  await page.emulateMedia({ colorScheme: 'dark' });
  let card = await hover(page, '#p2', '$IONQ');
  assert.equal(card.dark, true, 'system theme, dark system');
  await page.waitForTimeout(150);
  card = (await readCard(page)) as CardInfo;
  await page.screenshot({ path: 'test/e2e/screenshots/card-dark.png', clip: clip(card) });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(150);
  card = (await readCard(page)) as CardInfo;
  assert.equal(card.dark, false, 'follows the system back to light');
  await page.screenshot({ path: 'test/e2e/screenshots/card-light.png', clip: clip(card) });
  await leave(page);
  // The setting wins over the system.
  await ext.worker.evaluate(async () => {
    const { settings } = (await chrome.storage.sync.get('settings')) as {
      settings?: { appearance?: object };
    };
    await chrome.storage.sync.set({
      settings: { ...settings, appearance: { ...settings?.appearance, theme: 'dark' } },
    });
  });
  await page.waitForTimeout(300);
  card = await hover(page, '#p1', '$IWM');
  assert.equal(card.dark, true, 'dark setting on a light system');
  await leave(page);
  await ext.worker.evaluate(async () => {
    const { settings } = (await chrome.storage.sync.get('settings')) as {
      settings?: { appearance?: object };
    };
    await chrome.storage.sync.set({
      settings: { ...settings, appearance: { ...settings?.appearance, theme: 'system' } },
    });
  });
  await page.close();
});

test('a hostile page can neither open, read, write, hide nor pre-empt the card', async () => {
  const page = await open('hostile.html');
  // Synthetic pointer, focus and key events open nothing (and so ask for no prices).
  await page.evaluate(() =>
    (window as unknown as { hostile: { fakeHover(id: string): void } }).hostile.fakeHover('iwm'),
  );
  await page.waitForTimeout(600);
  assert.equal(await readCard(page), null, 'no card from synthetic events');
  // Our old element name is taken by the page: the card does not need it.
  let card = await hover(page, '#p1', '$IWM');
  assert.match(card.text, /IWM/);
  type Probe = { tag: string; shadowRoot: string | null; text: string; children: number }[];
  const seen = await page.evaluate(() =>
    (window as unknown as { hostile: { probe(): unknown } }).hostile.probe(),
  );
  assert.deepEqual(
    seen as Probe,
    [{ tag: 'div', shadowRoot: null, text: '', children: 0 }],
    'the page sees an empty div with no shadow root',
  );
  // The page writes fake words into our host, restyles it and removes it.
  await page.evaluate(() =>
    (window as unknown as { hostile: { vandalize(): void } }).hostile.vandalize(),
  );
  const attachError = await page.evaluate(
    () => (window as unknown as { hostile: { attachError?: string } }).hostile.attachError,
  );
  assert.match(attachError ?? '', /NotSupportedError|already/i);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(500);
  card = await hover(page, '#p1', '$KTOS');
  assert.doesNotMatch(card.text, /verified: BUY/);
  const visible = await evaluateIsolated<boolean>(
    page,
    `(() => { for (const el of document.documentElement.children) { const c = chrome.dom.openOrClosedShadowRoot(el)?.querySelector('.card'); if (c) return c.checkVisibility() && getComputedStyle(el).display !== 'none'; } return false; })()`,
  );
  assert.ok(visible, 'the card is back, visible');
  await leave(page);
  await page.close();
});

test('the shipped build reads the card no other way: a closed shadow root, no test hook', () => {
  const builds = ['.output/e2e/chrome-mv3/card-ui.js', '.output/chrome-mv3/card-ui.js'].filter(
    (f) => existsSync(f),
  );
  assert.ok(builds.length > 0, 'a build to check');
  for (const file of builds) {
    const code = readFileSync(file, 'utf8');
    assert.match(
      code,
      /attachShadow\(\{mode:"closed"\}\)|attachShadow\(\{ mode: "closed" \}\)/,
      file,
    );
    assert.doesNotMatch(code, /mode:\s*"open"/, file);
    assert.doesNotMatch(code, /globalThis\.__r2k|window\.__r2k|r2kTestHook/, file);
  }
});
