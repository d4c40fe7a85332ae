/**
 * Reach on the DOM patterns of real sites: web components with open shadow roots (Reddit's posts
 * and comment trees, declarative and attached after load), an article inside nested shadow roots
 * (MSN), same-origin, srcdoc and about:blank frames, text glued across flex items and inline
 * blocks, a virtualized timeline, and a page with a strict Content-Security-Policy. Every expected
 * mention is read back from the highlight registry of its document and its card opens on hover.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { approach, waitForCard, waitForLoadedCard } from './support/card';
import { launchWithExtension, type LoadedExtension } from './support/extension';
import { marked, styledShadowHosts, textCentre, waitForMarks } from './support/marks';
import { startPageServer, type PageServer } from './support/page-server';

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
  return page;
}

/** Rests the pointer on `text` (in `frame`, if given) and returns the open card's text. */
async function hoverCard(page: Page, text: string, frame?: { frame: Frame; selector: string }) {
  const inner = await textCentre(frame?.frame ?? page, text);
  assert.ok(inner, `"${text}" is on the page`);
  let { x, y } = inner;
  if (frame) {
    const box = await page.locator(frame.selector).boundingBox();
    assert.ok(box, 'the frame is laid out');
    const border = await page
      .locator(frame.selector)
      .evaluate((el) => (el as HTMLElement).clientLeft);
    x += box.x + border;
    y += box.y + border;
  }
  await approach(page, x, y);
  const body = (await waitForLoadedCard(page)).text;
  await page.mouse.move(2, 2);
  await waitForCard(page, (c) => c === null, 5_000);
  return body;
}

test('web components: declarative and nested open shadow roots, and ones attached later', async () => {
  const page = await open('reddit.html');
  await waitForMarks(page, ['$SOFI', 'IWM', 'Russell 2000', '$PLTR', 'KTOS', 'IONQ']);
  // Attached 0.6 s and 0.9 s after load, by script.
  await waitForMarks(page, ['$HIMS', '$CRDO']);
  const found = await marked(page);
  assert.equal(found.filter((t) => t === 'KTOS').length, 2, `both KTOS mentions: ${found}`);
  // The underline rule is adopted by each shadow root holding a mention.
  const styled = await styledShadowHosts(page);
  for (const host of ['shreddit-post', 'shreddit-comment', 'late-comment']) {
    assert.ok(styled.includes(host), `${host} has the underline rule (${styled})`);
  }
  assert.match(await hoverCard(page, 'KTOS is up'.slice(0, 4)), /KTOS/);
  assert.match(await hoverCard(page, '$HIMS'), /HIMS/);
  await page.close();
});

test('an article rendered inside nested shadow roots', async () => {
  const page = await open('msn.html');
  await waitForMarks(page, ['Russell 2000', 'S&P 500', 'SFM', '$ENSG', 'C.N', 'KTOS.O']);
  assert.match(await hoverCard(page, '$ENSG'), /ENSG/);
  assert.match(await hoverCard(page, 'KTOS.O'), /KTOS/);
  await page.close();
});

test('same-origin, srcdoc and about:blank frames are scanned; a tracking pixel is not', async () => {
  const page = await open('frames.html');
  await waitForMarks(page, ['Russell 2000']);
  const frameOf = async (selector: string): Promise<Frame> => {
    const frame = await (await page.$(selector))?.contentFrame();
    assert.ok(frame, `${selector} has a frame`);
    return frame;
  };
  const factbox = await frameOf('#factbox');
  const liveblog = await frameOf('#liveblog');
  const comments = await frameOf('#comments');
  await waitForMarks(factbox, ['KTOS', '$AVAV']);
  await waitForMarks(liveblog, ['SFM', '$IONQ']);
  await waitForMarks(comments, ['$HIMS', 'IWM']);
  const pixel = await frameOf('#pixel');
  assert.deepEqual(await marked(pixel), []);
  // The card opens over the page, at the mention inside the frame.
  assert.match(await hoverCard(page, '$AVAV', { frame: factbox, selector: '#factbox' }), /AVAV/);
  assert.match(await hoverCard(page, '$IONQ', { frame: liveblog, selector: '#liveblog' }), /IONQ/);
  await page.close();
});

test('text glued across flex items and inline blocks reads as separate words; inline markup does not', async () => {
  const page = await open('glued.html');
  await waitForMarks(page, [
    'S&P 500',
    'Russell 2000',
    'Nasdaq-100',
    '$IWM',
    '$SPY',
    '$KTOS',
    'SFM',
  ]);
  assert.match(await hoverCard(page, 'S&P 500'), /S&P 500/);
  await page.close();
});

test('a virtualized timeline: posts added and removed while scrolling are found, and forgotten', async () => {
  const page = await open('timeline.html');
  await waitForMarks(page, ['$IWM', '$SOFI']);
  await page.evaluate(() =>
    (window as unknown as { scrollTimelineTo(i: number): void }).scrollTimelineTo(1200),
  );
  await page.waitForFunction(() => {
    const h = CSS.highlights.get('r2k-lens-mention');
    if (!h) return false;
    // Every drawn underline is on a post that is still in the page.
    const ranges = [...h];
    return (
      ranges.length > 0 &&
      ranges.every((r) => r.startContainer.isConnected) &&
      ranges.some((r) => (r.startContainer.parentElement?.dataset.i ?? '') >= '1200')
    );
  });
  const texts = await marked(page);
  assert.ok(texts.length <= 16, `only the posts in the page are underlined (${texts.length})`);
  await page.close();
});

test('a page with a strict Content-Security-Policy, with a live-updating ticker chip', async () => {
  const page = await open('csp.html');
  await waitForMarks(page, ['$IWM', 'KTOS', 'C.N', '$SOFI']);
  // The chip's value changes (as a live quote would): the mention is found again.
  await page.evaluate(`document.getElementById('price').firstChild.textContent = '$SOFI 14.35'`);
  await waitForMarks(page, ['$SOFI']);
  assert.match(await hoverCard(page, '$IWM'), /IWM/);
  await page.close();
});
