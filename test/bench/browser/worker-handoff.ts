/**
 * Experiment for the "scan cost within 2× of a bare walk" goal: what the page's main thread
 * would pay if detection ran in a Web Worker. On fresh loads of a generated news page, 3 runs
 * each, medians:
 * - bare: a TreeWalker (SHOW_TEXT) reading every text node's data (the reference);
 * - scanner walk: the scanner's TextCursor handing out every chunk (skip rules, runs), no detection;
 * - hand-off: a text walk that posts the text to a worker in 16 KB messages, one joined string
 *   each, and takes back one typed array of mention offsets per message (a stand-in result, no
 *   detection in the worker): main-thread time in walking, joining, posting and handling replies,
 *   and the time until the last reply.
 *
 * Usage: `npx tsx test/bench/browser/worker-handoff.ts [--size 10]`. Not part of `npm run bench`.
 */

import type { Page } from 'playwright-core';
import { bundleScanner } from './bundle-scanner';
import { generateNewsPage, loadConstituents, loadSentences } from './news-page';
import type { BenchApi } from './page-entry';
import { launchChromium, serve } from './serve';

const args = process.argv.slice(2);
const sizeAt = args.indexOf('--size');
const SIZE_MB = sizeAt >= 0 ? Number(args[sizeAt + 1]) : 10;
const RUNS = 3;

const news = generateNewsPage(SIZE_MB * 1_000_000, loadSentences(), loadConstituents(), 7);
const scannerJs = await bundleScanner();
const { server, origin } = await serve(
  new Map([
    ['/news.html', { type: 'text/html; charset=utf-8', body: news.html }],
    ['/scanner.js', { type: 'text/javascript', body: scannerJs }],
  ]),
);
const browser = await launchChromium();

async function freshPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.goto(`${origin}/news.html`, { waitUntil: 'load', timeout: 120_000 });
  await page.addScriptTag({ url: `${origin}/scanner.js` });
  await page.evaluate(
    () =>
      new Promise<void>((r) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))),
      ),
  );
  return page;
}

const bare: number[] = [];
const walk: number[] = [];
const handoff: number[] = [];
const untilLast: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    let page = await freshPage();
    bare.push(
      await page.evaluate(() => {
        const t0 = performance.now();
        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let chars = 0;
        for (let n = w.nextNode(); n; n = w.nextNode()) chars += (n as Text).data.length;
        return performance.now() - t0;
      }),
    );
    await page.close();

    page = await freshPage();
    walk.push(await page.evaluate(() => (window.r2kBench as BenchApi).walkOnly(2000).ms));
    await page.close();

    page = await freshPage();
    const result = await page.evaluate(async () => {
      const code =
        'onmessage = (e) => postMessage(new Int32Array(Math.ceil(e.data.length / 120) * 2));';
      const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      let mainMs = 0;
      let pending = 0;
      let walked = false;
      const t0 = performance.now();
      await new Promise<void>((done) => {
        worker.addEventListener('message', (e: MessageEvent<Int32Array>) => {
          const h0 = performance.now();
          let offsets = 0;
          for (let i = 0; i < e.data.length; i += 2) offsets += e.data[i]!;
          pending--;
          mainMs += performance.now() - h0;
          if (pending === 0 && walked && offsets >= 0) done();
        });
        const w0 = performance.now();
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let texts: string[] = [];
        let size = 0;
        // A Worker's postMessage has no target origin (the rule is about window.postMessage).
        const post = (text: string): void => worker.postMessage(text, []);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const data = (n as Text).data;
          texts.push(data);
          size += data.length;
          if (size > 16_000) {
            post(texts.join('\n'));
            pending++;
            texts = [];
            size = 0;
          }
        }
        post(texts.join('\n'));
        pending++;
        mainMs += performance.now() - w0;
        walked = true;
      });
      worker.terminate();
      return { mainMs, totalMs: performance.now() - t0 };
    });
    handoff.push(result.mainMs);
    untilLast.push(result.totalMs);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

const median = (xs: number[]): number => xs.toSorted((x, y) => x - y)[xs.length >> 1]!;
const b = median(bare);
const line = (label: string, xs: number[]): string =>
  `${label}: ${xs.map((x) => x.toFixed(0)).join(', ')} ms; median ${median(xs).toFixed(1)} ms = ${(median(xs) / b).toFixed(2)}× the bare walk`;
process.stdout.write(
  [
    `${SIZE_MB} MB page (${news.articles} articles), ${RUNS} runs`,
    line('bare walk', bare),
    line("scanner's walk alone", walk),
    line('hand-off to a worker (main thread)', handoff),
    line('hand-off until the last reply', untilLast),
  ].join('\n') + '\n',
);
