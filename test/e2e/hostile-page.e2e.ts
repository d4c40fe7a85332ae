/**
 * A hostile page against the content script, in Chromium with the built extension (issue 12):
 * the page (test/e2e/pages/hostile-page.html) knows our extension ID and every event name in the
 * built scripts, and from its main world
 * - dispatches WXT's and our event names and posts them as window messages, before and after the
 *   content script starts, and listens for every one of them, for window messages, for any
 *   mutation of its DOM, for new globals, attributes, style sheets and resource entries;
 * - sends synthetic pointer, mouse, focus and key events to mentions, calls `focus()` on a quote
 *   link, and fakes a frame's `pagehide`;
 * - overrides DOM and language globals (text getters, `attachShadow`, `createElement`,
 *   `Array.prototype.push`, `JSON`, `Promise`, `MutationObserver`, `CSS.highlights.set/delete`,
 *   timers, a polluted `Object.prototype`) before and after the content script starts;
 * - reads, clears, deletes, replaces and adds to our `CSS.highlights` entry;
 * - tries to read and write the card.
 *
 * What must hold: the page learns nothing from us but the card's empty host after a real hover
 * (and the highlight entry, see SECURITY.md), nothing it does opens a card or makes a request,
 * detection and the card keep working, our underlines come back, and the page's own self-test
 * passes. Main-world code is run through DevTools (`Runtime.evaluate`), not Playwright's
 * `evaluate`, whose helpers would trip the page's traps.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { CDPSession, Page } from 'playwright-core';
import { startProviderServer, type ProviderServer } from '../support/provider-server';
import {
  approach,
  evaluateIsolated,
  readCard,
  waitForCard,
  waitForLoadedCard,
} from './support/card';
import { EXTENSION_DIR, launchWithExtension, type LoadedExtension } from './support/extension';
import { marked } from './support/marks';
import { startPageServer, type PageServer } from './support/page-server';

/** The extension API in the service worker (`worker.evaluate` runs there). */
declare const chrome: typeof import('wxt/browser').browser;

/** The e2e build's chart origin (`npm run build:e2e` sets WXT_CHART_BASE_URL to it). */
const CHART_PORT = 47800;

/** The scripts that run in a page: the content script and the chunks it loads. */
const PAGE_SCRIPTS = [
  'content-scripts/content.js',
  'page-engine.js',
  'card-ui.js',
  'card-chart.js',
  'company-names.js',
];

let ext: LoadedExtension;
let pages: PageServer;
let provider: ProviderServer;

before(async () => {
  pages = await startPageServer();
  provider = await startProviderServer({ port: CHART_PORT });
  ext = await launchWithExtension();
});

after(async () => {
  await ext?.close();
  await pages?.close();
  await provider?.stop();
});

/** Event names the built page scripts listen to (the page dispatches each one at us). */
function eventNamesInBuild(): string[] {
  const names = new Set<string>();
  for (const file of PAGE_SCRIPTS) {
    const code = readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
    for (const m of code.matchAll(/addEventListener\??\.?\(\s*["'`]([\w:.-]+)["'`]/g)) {
      names.add(m[1]!);
    }
  }
  return [...names].toSorted();
}

const sessions = new WeakMap<Page, CDPSession>();

/** Evaluates `expression` in the page's main world through DevTools; returns it by value. */
async function inPage<T>(page: Page, expression: string): Promise<T> {
  let session = sessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  const result = await session.send('Runtime.evaluate', {
    expression,
    returnByValue: true,
    awaitPromise: true,
  });
  if (result.exceptionDetails) {
    throw new Error(
      `page evaluate failed: ${JSON.stringify(result.exceptionDetails).slice(0, 400)}`,
    );
  }
  return result.result.value as T;
}

/** The texts of our underlined mentions, read in the content script's isolated world. */
function underlined(page: Page): Promise<string[]> {
  return evaluateIsolated<string[]>(
    page,
    `(() => {
      const h = CSS.highlights.get('r2k-lens-mention');
      if (!h) return [];
      return [...h].map((r) => {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        return range.toString();
      }).sort();
    })()`,
  );
}

async function waitForUnderlined(
  page: Page,
  check: (texts: string[]) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  let texts: string[] = [];
  for (;;) {
    texts = await underlined(page);
    if (check(texts)) return texts;
    if (Date.now() > until) throw new Error(`${what}: underlined ${JSON.stringify(texts)}`);
    await page.waitForTimeout(50);
  }
}

const has =
  (...wanted: string[]) =>
  (texts: string[]) =>
    wanted.every((w) => texts.includes(w));

/** Opens the hostile page; with `armFromStart`, its traps are live before R2K Lens starts. */
async function openHostile(armFromStart = false): Promise<Page> {
  const page = await ext.context.newPage();
  const config = { extensionId: ext.extensionId, eventNames: eventNamesInBuild(), armFromStart };
  await page.addInitScript(`window.__hostileConfig = ${JSON.stringify(config)};`);
  await page.goto(pages.url('hostile-page.html'));
  await waitForUnderlined(page, has('$IWM', '$KTOS', '$AAPL'), 'first scan', 30_000);
  return page;
}

/** The centre of the first box of `text` inside the element `id`, via the isolated world. */
async function pointOf(page: Page, id: string, text: string): Promise<{ x: number; y: number }> {
  const at = await evaluateIsolated<{ x: number; y: number } | null>(
    page,
    `(() => {
      const walker = document.createTreeWalker(document.getElementById(${JSON.stringify(id)}), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.data.indexOf(${JSON.stringify(text)});
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + ${text.length});
        const r = range.getClientRects()[0];
        if (r) return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    })()`,
  );
  if (!at) throw new Error(`${text} not found in #${id}`);
  return at;
}

async function hover(page: Page, id: string, text: string) {
  const { x, y } = await pointOf(page, id, text);
  await approach(page, x, y);
  return waitForLoadedCard(page);
}

async function away(page: Page): Promise<void> {
  await page.mouse.move(5, 5);
  await waitForCard(page, (c) => c === null, 5_000);
}

/** Messages the background received, by type, since `watchWorker()`. */
async function watchWorker(): Promise<void> {
  await ext.worker.evaluate(() => {
    const g = globalThis as { r2kHostileLog?: string[] };
    if (g.r2kHostileLog) {
      g.r2kHostileLog.length = 0;
      return;
    }
    g.r2kHostileLog = [];
    chrome.runtime.onMessage.addListener((message: unknown) => {
      g.r2kHostileLog?.push(String((message as { type?: unknown } | null)?.type));
      return undefined;
    });
  });
}

async function workerSeen(): Promise<string[]> {
  const seen = await ext.worker.evaluate(
    () => (globalThis as { r2kHostileLog?: string[] }).r2kHostileLog ?? null,
  );
  assert.ok(seen, 'the worker kept its message log (it was not restarted)');
  return seen;
}

interface Seen {
  events: { type: string; trusted: boolean; detail: string }[];
  messages: { origin: string; data: string }[];
  mutations: {
    type: string;
    target: string;
    attribute: string | null;
    addedTags: string;
    removed: number;
    inHost: boolean;
  }[];
  hits: Record<string, number>;
}

interface Probe {
  newWindowProps: string[];
  newDocumentProps: string[];
  htmlAttributes: string[];
  bodyAttributes: string[];
  adoptedSheets: number;
  styleSheets: number;
  definedCard: boolean;
  idInMarkup: boolean;
  extensionUrlInMarkup: boolean;
  performanceEntries: string[];
  added: {
    tag: string;
    attributes: string[];
    shadowRoot: string | null;
    text: string;
    children: number;
    html: string;
  }[];
}

const seenBy = (page: Page) => inPage<Seen>(page, 'window.hostile.seen');
const probe = (page: Page) => inPage<Probe>(page, 'window.hostile.probe()');

/** What the page can see of us when we added nothing. */
const NOTHING: Probe = {
  newWindowProps: [],
  newDocumentProps: [],
  htmlAttributes: ['lang'],
  bodyAttributes: [],
  adoptedSheets: 0,
  styleSheets: 1,
  definedCard: false,
  idInMarkup: false,
  extensionUrlInMarkup: false,
  performanceEntries: [],
  added: [],
};

test('the scripts that run in pages send the page nothing: no message, event or WXT announcement in the build', () => {
  for (const file of PAGE_SCRIPTS) {
    const code = readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
    assert.doesNotMatch(code, /\bpostMessage\(/, `${file}: posts no window message`);
    assert.doesNotMatch(code, /new CustomEvent\b/, `${file}: makes no CustomEvent`);
    assert.doesNotMatch(code, /wxt:content-script-started|wxt:locationchange/, file);
    assert.doesNotMatch(code, /\.dispatchEvent\(/, `${file}: dispatches no event`);
  }
});

test('a page that knows our ID and every event name learns nothing, and cannot stop the content script', async () => {
  const page = await openHostile();
  assert.ok(eventNamesInBuild().includes('pointermove'), 'event names were read from the build');
  // Everything dispatched again, after R2K Lens started.
  await inPage(page, 'window.hostile.fire()');
  await page.waitForTimeout(500);
  let seen = await seenBy(page);
  assert.deepEqual(seen.events, [], 'no event from us');
  assert.deepEqual(seen.messages, [], 'no window message from us');
  assert.deepEqual(seen.mutations, [], 'no change to the DOM before a hover');
  assert.deepEqual(await probe(page), NOTHING, 'no global, attribute, sheet, node or URL of ours');

  // Still running: a paragraph added now is read, and a real hover opens the card.
  await inPage(page, `window.hostile.append('late', 'Later: $SOFI jumped.')`);
  await waitForUnderlined(page, has('$SOFI'), 'a mention added after the events');
  const card = await hover(page, 'p1', '$IWM');
  assert.match(card.text, /IWM/);

  // After a real hover the page sees one empty element on <html> (a popover, for the top layer)
  // with no open shadow root.
  const now = await probe(page);
  assert.deepEqual(now.added, [
    { tag: 'div', attributes: ['popover'], shadowRoot: null, text: '', children: 0, html: '' },
  ]);
  assert.deepEqual({ ...now, added: [] }, NOTHING, 'and nothing else');
  seen = await seenBy(page);
  assert.deepEqual(seen.events, []);
  assert.deepEqual(seen.messages, []);
  for (const m of seen.mutations) {
    const hostAdded = m.type === 'childList' && m.target === 'HTML' && m.addedTags === 'DIV';
    const hostStyled =
      m.type === 'attributes' && m.inHost && ['style', 'popover'].includes(m.attribute ?? '');
    assert.ok(hostAdded || hostStyled, `only the card's host changes: ${JSON.stringify(m)}`);
  }
  assert.ok(seen.mutations.length >= 1, 'the host was seen arriving');
  await away(page);
  assert.deepEqual(await inPage(page, 'window.hostile.selfTest()'), { ok: true, failures: [] });
  await page.close();
});

test('synthetic pointer, mouse, focus and key events open no card and make no request; the real mouse does', async () => {
  const page = await openHostile();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await watchWorker();
  const providerBefore = provider.requests.length;
  for (const id of ['aapl', 'link', 'p1']) {
    await inPage(page, `window.hostile.fakeInput(${JSON.stringify(id)})`);
  }
  // `focus()` from a script: the browser makes the focus events itself, but no key was pressed.
  await inPage(page, `document.getElementById('link').focus()`);
  await page.waitForTimeout(800);
  assert.equal(await readCard(page), null, 'no card');
  assert.deepEqual(
    (await workerSeen()).filter((t) => t === 'getCard'),
    [],
    'no card data asked of the background',
  );
  assert.equal(provider.requests.length, providerBefore, 'no provider request');
  assert.deepEqual(requests, [], 'no request from the page (the card chunk was not loaded)');

  const card = await hover(page, 'aapl', '$AAPL');
  assert.match(card.text, /AAPL/);
  assert.ok((await workerSeen()).includes('getCard'), 'the real hover asked for the card');
  await away(page);
  assert.deepEqual(await inPage(page, 'window.hostile.selfTest()'), { ok: true, failures: [] });
  await page.close();
});

test('DOM and language globals overridden before and after the content script starts: it reads, underlines and opens the card as usual, and never calls them', async () => {
  const page = await openHostile(true);
  assert.equal(await inPage(page, 'window.hostile.armed'), true, 'the traps were live at start');
  assert.deepEqual(await underlined(page), ['$AAPL', '$IWM', '$KTOS', 'SoFi']);
  let card = await hover(page, 'p1', '$KTOS');
  assert.match(card.text, /KTOS/);
  assert.doesNotMatch(card.text, /verified: BUY|EVIL/);
  await away(page);
  // Installed again after R2K Lens started, then text arrives and is read.
  await inPage(page, 'window.hostile.arm(true)');
  await inPage(page, `window.hostile.append('late', 'Later: $SOFI jumped.')`);
  await waitForUnderlined(page, has('$SOFI'), 'a mention added with the traps live');
  card = await hover(page, 'late', '$SOFI');
  assert.match(card.text, /SOFI/);
  assert.doesNotMatch(card.text, /verified: BUY|EVIL/);
  await away(page);
  const seen = await seenBy(page);
  assert.deepEqual(seen.hits, {}, 'none of the page’s overrides was ever called');
  // The traps are live: the page's own call is caught.
  assert.deepEqual(
    await inPage(
      page,
      `(() => { try { [].push(1); } catch {} return window.hostile.seen.hits; })()`,
    ),
    { 'Array.prototype.push': 1 },
  );
  await inPage(page, 'window.hostile.arm(false)');
  assert.deepEqual(await inPage(page, 'window.hostile.selfTest()'), { ok: true, failures: [] });
  await page.close();
});

test('the page reads, clears, deletes, replaces and adds to our highlight entry: our underlines come back, its fakes go', async () => {
  const page = await openHostile();
  const ours = ['$AAPL', '$IWM', '$KTOS', 'SoFi'];
  // What the page can read: the words we underlined (see SECURITY.md, out of reach).
  assert.deepEqual((await inPage<string[]>(page, 'window.hostile.highlight()')).toSorted(), ours);
  const restored = (what: string) =>
    waitForUnderlined(page, (t) => t.join() === ours.join(), what, 5_000);
  for (const how of ['clear', 'delete', 'replace', 'add']) {
    await inPage(page, `window.hostile.attackHighlight(${JSON.stringify(how)})`);
    // A pointer moving over the page (not on a mention) is enough to put them back.
    await page.mouse.move(300, 700, { steps: 3 });
    await page.mouse.move(320, 720, { steps: 3 });
    await restored(`after ${how}`);
  }
  // A change to the page puts them back too.
  await inPage(page, `window.hostile.attackHighlight('clear')`);
  await inPage(page, `window.hostile.append('late', 'Later: $SOFI jumped.')`);
  await waitForUnderlined(
    page,
    (t) => t.join() === [...ours, '$SOFI'].toSorted().join(),
    'after a change',
  );
  // And the card still opens.
  const card = await hover(page, 'p1', '$IWM');
  assert.match(card.text, /IWM/);
  await away(page);
  assert.deepEqual(await inPage(page, 'window.hostile.selfTest()'), { ok: true, failures: [] });
  await page.close();
});

test('the card cannot be read or written from the page: a closed root on an empty host', async () => {
  const page = await openHostile();
  await hover(page, 'p1', '$IWM');
  const attack = await inPage<Record<string, unknown>>(page, 'window.hostile.attackCard()');
  assert.deepEqual(attack, {
    found: true,
    shadowRoot: null,
    children: 0,
    text: '',
    innerHTML: '',
    attach: 'NotSupportedError',
  });
  // What the page wrote into the host's light DOM is not rendered: the card is unchanged.
  const card = await readCard(page);
  assert.ok(card);
  assert.doesNotMatch(card.text, /verified: BUY/);
  assert.match(card.text, /IWM/);
  const drawn = await evaluateIsolated<{ fakeBox: number; cardVisible: boolean }>(
    page,
    `(() => {
      const fake = document.getElementById('fake-card');
      const host = fake?.parentElement;
      const root = host && chrome.dom.openOrClosedShadowRoot(host);
      return {
        fakeBox: fake ? fake.getClientRects().length : -1,
        cardVisible: !!root?.querySelector('.card')?.checkVisibility(),
      };
    })()`,
  );
  assert.deepEqual(drawn, { fakeBox: 0, cardVisible: true });
  await away(page);
  assert.deepEqual(await inPage(page, 'window.hostile.selfTest()'), { ok: true, failures: [] });
  await page.close();
});

test('a faked pagehide on a frame does not stop reading it', async () => {
  const page = await openHostile();
  const frame = page.frame({ name: 'inner' });
  assert.ok(frame, 'the frame');
  const until = Date.now() + 10_000;
  while (!(await marked(frame)).includes('$EPAC')) {
    assert.ok(Date.now() < until, 'the frame was read');
    await page.waitForTimeout(100);
  }
  await inPage(
    page,
    `(() => {
      const w = document.getElementById('inner').contentWindow;
      w.dispatchEvent(new Event('pagehide'));
      w.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      w.document.body.insertAdjacentHTML('beforeend', '<p>Later in the frame: $SOFI.</p>');
    })()`,
  );
  const later = Date.now() + 5_000;
  while (!(await marked(frame)).includes('$SOFI')) {
    assert.ok(Date.now() < later, 'the frame is still read after a faked pagehide');
    await page.waitForTimeout(100);
  }
  await page.close();
});
