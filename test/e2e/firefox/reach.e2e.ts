/**
 * Firefox ESR: the Chromium suite's reach scenarios (test/e2e/reach.e2e.ts) on the same pages:
 * web components with open shadow roots (declarative, nested, attached later), an article in
 * nested shadow roots, same-origin, srcdoc and about:blank frames, glued text, a virtualized
 * timeline and a strict Content-Security-Policy. Each mention is read back from its document's
 * highlight registry and its card opened on hover.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Frame, Page } from 'puppeteer-core';
import { startPageServer, type PageServer } from '../support/page-server';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';
import { hoverAt, marked, styledShadowHosts, textCentreDeep, waitForMarks } from './support/page';

let ff: FirefoxWithExtension;
let pages: PageServer;

before(async () => {
  pages = await startPageServer();
  ff = await launchFirefoxWithExtension();
});

after(async () => {
  await ff?.close();
  await pages?.close();
});

/** Rests the pointer on `text` (in the frame `selector`, if given) and returns the card's text. */
async function hoverCard(page: Page, text: string, frame?: { frame: Frame; selector: string }) {
  const inner = await textCentreDeep(frame?.frame ?? page, text);
  assert.ok(inner, `"${text}" is on the page`);
  let { x, y } = inner;
  if (frame) {
    const box = (await page.evaluate(`(() => {
      const el = document.querySelector(${JSON.stringify(frame.selector)});
      const r = el.getBoundingClientRect();
      return { x: r.left + el.clientLeft, y: r.top + el.clientTop };
    })()`)) as { x: number; y: number };
    x += box.x;
    y += box.y;
  }
  return hoverAt(page, { x, y });
}

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const frame = await (await page.$(selector))?.contentFrame();
  assert.ok(frame, `${selector} has a frame`);
  return frame;
}

test('web components: declarative and nested open shadow roots, and ones attached later', async () => {
  const page = await ff.openPage(pages.url('reddit.html'));
  await waitForMarks(page, ['$SOFI', 'IWM', 'Russell 2000', '$PLTR', 'KTOS', 'IONQ'], true, 30_000);
  await waitForMarks(page, ['$HIMS', '$CRDO']);
  const found = await marked(page);
  assert.equal(found.filter((t) => t === 'KTOS').length, 2, `both KTOS mentions: ${found}`);
  const styled = await styledShadowHosts(page);
  for (const host of ['shreddit-post', 'shreddit-comment', 'late-comment']) {
    assert.ok(styled.includes(host), `${host} has the underline rule (${styled})`);
  }
  assert.match(await hoverCard(page, 'KTOS'), /KTOS/);
  assert.match(await hoverCard(page, '$HIMS'), /HIMS/);
  await page.close();
});

test('an article rendered inside nested shadow roots', async () => {
  const page = await ff.openPage(pages.url('msn.html'));
  await waitForMarks(
    page,
    ['Russell 2000', 'S&P 500', 'SFM', '$ENSG', 'C.N', 'KTOS.O'],
    true,
    30_000,
  );
  assert.match(await hoverCard(page, '$ENSG'), /ENSG/);
  assert.match(await hoverCard(page, 'KTOS.O'), /KTOS/);
  await page.close();
});

test('same-origin, srcdoc and about:blank frames are scanned; a tracking pixel is not', async () => {
  const page = await ff.openPage(pages.url('frames.html'));
  await waitForMarks(page, ['Russell 2000'], true, 30_000);
  const factbox = await frameOf(page, '#factbox');
  const liveblog = await frameOf(page, '#liveblog');
  const comments = await frameOf(page, '#comments');
  await waitForMarks(factbox, ['KTOS', '$AVAV']);
  await waitForMarks(liveblog, ['SFM', '$IONQ']);
  await waitForMarks(comments, ['$HIMS', 'IWM']);
  assert.deepEqual(await marked(await frameOf(page, '#pixel')), []);
  assert.match(await hoverCard(page, '$AVAV', { frame: factbox, selector: '#factbox' }), /AVAV/);
  assert.match(await hoverCard(page, '$IONQ', { frame: liveblog, selector: '#liveblog' }), /IONQ/);
  await page.close();
});

test('text glued across flex items and inline blocks reads as separate words', async () => {
  const page = await ff.openPage(pages.url('glued.html'));
  await waitForMarks(
    page,
    ['S&P 500', 'Russell 2000', 'Nasdaq-100', '$IWM', '$SPY', '$KTOS', 'SFM'],
    true,
    30_000,
  );
  assert.match(await hoverCard(page, 'S&P 500'), /S&P 500/);
  await page.close();
});

test('a virtualized timeline: posts added and removed while scrolling are found, and forgotten', async () => {
  const page = await ff.openPage(pages.url('timeline.html'));
  await waitForMarks(page, ['$IWM', '$SOFI'], true, 30_000);
  await page.evaluate('window.scrollTimelineTo(1200)');
  await page.waitForFunction(
    `(() => {
      const h = CSS.highlights.get('r2k-lens-mention');
      if (!h) return false;
      const ranges = [...h];
      return (
        ranges.length > 0 &&
        ranges.every((r) => r.startContainer.isConnected) &&
        ranges.some((r) => (r.startContainer.parentElement?.dataset.i ?? '') >= '1200')
      );
    })()`,
    { timeout: 15_000 },
  );
  const texts = await marked(page);
  assert.ok(texts.length <= 16, `only the posts in the page are underlined (${texts.length})`);
  await page.close();
});

test('a page with a strict Content-Security-Policy, with a live-updating ticker chip', async () => {
  const page = await ff.openPage(pages.url('csp.html'));
  await waitForMarks(page, ['$IWM', 'KTOS', 'C.N', '$SOFI'], true, 30_000);
  await page.evaluate(`document.getElementById('price').firstChild.textContent = '$SOFI 14.35'`);
  await waitForMarks(page, ['$SOFI']);
  assert.match(await hoverCard(page, '$IWM'), /IWM/);
  await page.close();
});
