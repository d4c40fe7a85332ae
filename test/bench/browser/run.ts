/**
 * Chromium benchmark of the page scanner (`npm run bench:scanner`).
 *
 * For generated news pages of 0.5, 2 and 10 MB of text, each measurement on a freshly loaded
 * page (so every contender starts with cold DOM wrappers):
 * - bare walk: a TreeWalker (SHOW_TEXT) reading every text node's data, the reference floor;
 * - the scanner's walk alone: its TextCursor handing out the page's chunks, no detection;
 * - scanner: `startDocumentScanner` until idle: main-thread time in its slices, time inside the
 *   detector, longest slice, long tasks (PerformanceObserver 'longtask') while it ran and for a
 *   moment after (painting the highlights), DOM node counts and a hash of `<body>`'s HTML before
 *   and after, and a hit-test check on the rendered page;
 * - mark.js: `markRegExp` with the same dictionary regex the scanner's detector uses;
 * - the browser's floor for drawing: the animation frame that adding a single underline (one
 *   range to a registered highlight) costs on the same page, without the scanner.
 *
 * Long tasks are the PerformanceObserver 'longtask' entries (script and the work of a task);
 * long animation frames ('long-animation-frame') add the rendering that follows, reported apart.
 *
 * Usage: `npm run bench:scanner [-- --sizes 0.5,2,10] [-- --runs 3] [-- --skip-mark] [-- --skip-storm] [-- --chunk 2000]`
 */

import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { bundleScanner } from './bundle-scanner';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serve, type Route } from './serve';
import { generateNewsPage, loadConstituents, loadSentences } from './news-page';
import type { BenchApi } from './page-entry';
import { DEFAULT_HIGHLIGHT_NAME, highlightCss } from '../../../lib/page/highlighter';

const ROOT = resolve(import.meta.dirname, '../../..');
const args = process.argv.slice(2);
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES_MB = (argValue('--sizes') ?? '0.5,2,10').split(',').map(Number);
const SKIP_MARK = args.includes('--skip-mark');
const SKIP_STORM = args.includes('--skip-storm');
const RUNS = Number(argValue('--runs') ?? 3);
/** `--chunk N`: characters per detector call, to compare with the scanner's default. */
const CHUNK_CHARS = argValue('--chunk') === undefined ? undefined : Number(argValue('--chunk'));
const MB = 1_000_000;

declare global {
  interface Window {
    benchLongTasks: { start: number; duration: number }[];
    /** Long animation frames (over 50 ms, script and rendering together). */
    benchFrames: { start: number; duration: number }[];
    Mark: new (ctx: Element) => {
      markRegExp(re: RegExp, options: { done: (count: number) => void; exclude?: string[] }): void;
    };
  }
}

/** Minified + gzipped size of the page-engine chunk (scanner, hover tracker, detector, dictionary). */
async function scannerSize(): Promise<{ min: number; gz: number }> {
  const result = await build({
    stdin: {
      contents: "export { startLens } from './components/page/page-engine-chunk';\n",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { min: code.length, gz: gzipSync(code).length };
}

// tsx compiles this file with esbuild's keepNames, which wraps functions passed to
// page.evaluate in a \`__name(...)\` helper that only exists in Node: define it in the page.
const LONGTASK_OBSERVER = `
  globalThis.__name = (fn) => fn;
  window.benchLongTasks = [];
  window.benchFrames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.benchLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.benchFrames.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'long-animation-frame', buffered: true });
`;

async function freshPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(LONGTASK_OBSERVER);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  // Let load-time tasks (parsing, first layout and paint) finish before measuring.
  await page.evaluate(
    () =>
      new Promise<void>((r) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200))),
      ),
  );
  return page;
}

interface BareResult {
  coldMs: number;
  warmMs: number;
  textNodes: number;
  chars: number;
  nodes: number;
}

async function bareWalk(page: Page): Promise<BareResult> {
  return page.evaluate(() => {
    // oxlint-disable-next-line unicorn/consistent-function-scoping -- runs inside the page
    const walk = (): { ms: number; nodes: number; chars: number } => {
      const t0 = performance.now();
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let nodes = 0;
      let chars = 0;
      for (let n = w.nextNode(); n; n = w.nextNode()) {
        chars += (n as Text).data.length;
        nodes++;
      }
      return { ms: performance.now() - t0, nodes, chars };
    };
    const cold = walk();
    const warm = [walk(), walk(), walk()].map((r) => r.ms).toSorted((a, b) => a - b)[1]!;
    const all = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let total = 1;
    while (all.nextNode()) total++;
    return {
      coldMs: cold.ms,
      warmMs: warm,
      textNodes: cold.nodes,
      chars: cold.chars,
      nodes: total,
    };
  });
}

interface ScanResult {
  busyMs: number;
  detectMs: number;
  wallMs: number;
  longestSliceMs: number;
  slices: number;
  longestTaskMs: number;
  longTasks: number;
  longestFrameMs: number;
  mentions: number;
  highlighted: number;
  styleMode: string;
  chars: number;
  textNodes: number;
  elementsBefore: number;
  elementsAfter: number;
  nodesAfter: number;
  htmlSameAfter: boolean;
  bodyChildrenSame: boolean;
  hitChecked: number;
  hitOk: number;
  besideOk: number;
  hitUs: number;
  symbols: number;
}

interface ScanOptions {
  /** `real`: the shipped findMentions and quote-link mapping; `regex`: mark.js's regex. */
  detector: 'real' | 'regex';
  pattern: string;
  injectStyle: boolean;
  /** Characters per detector call (the scanner's default when undefined). */
  chunkChars?: number;
}

async function scan(page: Page, options: ScanOptions): Promise<ScanResult> {
  return page.evaluate(
    async ({ detector, pattern, injectStyle, chunkChars }) => {
      const api: BenchApi = window.r2kBench;
      // oxlint-disable-next-line unicorn/consistent-function-scoping -- runs inside the page
      const hash = (s: string): number => {
        let h = 0;
        for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
        return h;
      };
      const htmlBefore = document.body.innerHTML;
      const hashBefore = hash(htmlBefore);
      const lengthBefore = htmlBefore.length;
      const childrenBefore = document.body.childNodes.length;
      const elementsBefore = document.getElementsByTagName('*').length;
      const controller = new AbortController();
      const timed = api.timed(
        detector === 'real' ? api.realDetector() : api.regexDetector(pattern),
      );
      // Outside the measurement: the dictionary decodes once per page, the regex compiles.
      timed.detect('Warm-up: $AAPL and shares of KTOS (NASDAQ: SFM).');
      timed.reset();
      const t0 = performance.now();
      const scanner = api.startDocumentScanner({
        root: document.body,
        chunkChars,
        detect: timed.detect,
        signal: controller.signal,
        // The whole page at once: this bench measures what reading all of it costs.
        eagerChars: Infinity,
        linkToSymbol:
          detector === 'real'
            ? api.linkToSymbol
            : (href) => /\/quote\/([A-Z.]{1,6})$/.exec(href)?.[1] ?? null,
        mayBeQuoteLink: detector === 'real' ? api.mayBeQuoteLink : undefined,
        injectStyle,
      });
      await scanner.whenIdle();
      const wallMs = performance.now() - t0;
      // Give the browser frames to paint the highlights; long tasks there count too.
      await new Promise<void>((r) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500))),
      );
      const stats = scanner.stats();
      const tasks = window.benchLongTasks.filter((t) => t.start >= t0 - 1);
      const frames = window.benchFrames.filter((t) => t.start >= t0 - 1);
      const htmlAfter = document.body.innerHTML;
      const all = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
      let nodesAfter = 1;
      while (all.nextNode()) nodesAfter++;

      // Hit-test check on mentions in the first viewport: the centre of each hits it, a point
      // far right of its line (caret snaps to the line end) does not.
      let hitChecked = 0;
      let hitOk = 0;
      let besideOk = 0;
      let hitTime = 0;
      for (const m of scanner.mentions()) {
        const rect = m.rects()[0];
        if (!rect || rect.top < 0 || rect.bottom > innerHeight) continue;
        if (hitChecked >= 25) break;
        hitChecked++;
        const x = (rect.left + rect.right) / 2;
        const y = (rect.top + rect.bottom) / 2;
        const h0 = performance.now();
        const hit = scanner.mentionAt(x, y);
        hitTime += performance.now() - h0;
        if (hit === m) hitOk++;
        const beside = scanner.mentionAt(innerWidth - 5, y);
        if (beside === null || beside !== m) besideOk++;
      }
      const result = {
        busyMs: stats.busyMs,
        detectMs: timed.ms(),
        wallMs,
        longestSliceMs: stats.longestSliceMs,
        slices: stats.slices,
        longestTaskMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
        longTasks: tasks.length,
        longestFrameMs: frames.reduce((max, t) => Math.max(max, t.duration), 0),
        mentions: stats.mentions,
        highlighted: stats.highlighted,
        styleMode: stats.styleMode,
        chars: stats.chars,
        textNodes: stats.textNodes,
        elementsBefore,
        elementsAfter: document.getElementsByTagName('*').length,
        nodesAfter,
        htmlSameAfter: htmlAfter.length === lengthBefore && hash(htmlAfter) === hashBefore,
        bodyChildrenSame: document.body.childNodes.length === childrenBefore,
        hitChecked,
        hitOk,
        besideOk,
        hitUs: hitChecked ? (hitTime / hitChecked) * 1000 : 0,
        symbols: scanner.symbols().length,
      };
      controller.abort();
      return result;
    },
    { chunkChars: CHUNK_CHARS, ...options },
  );
}

interface MarkResult {
  ms: number;
  marks: number;
  longestTaskMs: number;
  nodesAfter: number;
}

interface StormResult {
  seconds: number;
  records: number;
  drains: number;
  overflows: number;
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  longestTaskMs: number;
  appended: number;
  appendedMentions: number;
  tickerMentionsFound: boolean;
}

/**
 * After the initial scan, a mutation storm: a price ticker rewriting its text every 16 ms (a
 * characterData storm) and an infinite-scroll feed appending an article every 100 ms, for a few
 * seconds. Measures the scanner's main-thread time and longest slice during the storm, and
 * whether the appended articles' mentions were all found once it calmed down.
 */
async function storm(page: Page): Promise<StormResult> {
  return page.evaluate(async () => {
    const api: BenchApi = window.r2kBench;
    const scanner = api.startDocumentScanner({
      root: document.body,
      detect: api.realDetector(),
      signal: new AbortController().signal,
      eagerChars: Infinity,
      linkToSymbol: api.linkToSymbol,
      mayBeQuoteLink: api.mayBeQuoteLink,
      injectStyle: false,
    });
    await scanner.whenIdle();
    const before = scanner.stats();
    const feedRoot = document.querySelector('main')!;
    const template = feedRoot.querySelector('article')!;
    const ticker = document.createElement('p');
    ticker.textContent = '$IWM 210.00';
    feedRoot.prepend(ticker);
    const t0 = performance.now();
    const seconds = 3;
    const appended: Element[] = [];
    await new Promise<void>((done) => {
      const tick = setInterval(() => {
        ticker.firstChild!.textContent = `$IWM ${(200 + Math.random() * 20).toFixed(2)}`;
      }, 16);
      const feed = setInterval(() => {
        const copy = template.cloneNode(true) as Element;
        feedRoot.append(copy);
        appended.push(copy);
      }, 100);
      setTimeout(() => {
        clearInterval(tick);
        clearInterval(feed);
        done();
      }, seconds * 1000);
    });
    await new Promise((r) => setTimeout(r, 50));
    await scanner.whenIdle();
    const after = scanner.stats();
    const tasks = window.benchLongTasks.filter((t) => t.start >= t0 - 1);
    const inAppended = scanner
      .mentions()
      .filter((m) => appended.some((a) => a.contains(m.startNode))).length;
    const perArticle = scanner.mentions().filter((m) => template.contains(m.startNode)).length;
    return {
      seconds,
      records: after.mutationRecords - before.mutationRecords,
      drains: after.mutationDrains - before.mutationDrains,
      overflows: after.mutationOverflows - before.mutationOverflows,
      busyMs: after.busyMs - before.busyMs,
      slices: after.slices - before.slices,
      longestSliceMs: after.longestSliceMs,
      longestTaskMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
      appended: appended.length,
      appendedMentions: inAppended,
      tickerMentionsFound:
        inAppended === perArticle * appended.length &&
        scanner.mentions().some((m) => ticker.contains(m.startNode)),
    };
  });
}

/**
 * The browser's own cost of drawing one underline on this page: an empty highlight is
 * registered, then a single range added to it, and the longest animation frame that follows
 * is reported. Chromium repaints the whole document when a highlight changes, so on a big page
 * any change to the drawn underlines costs a frame of this length, whatever the extension does.
 */
async function highlightFrame(page: Page, name: string): Promise<number> {
  return page.evaluate(async (highlightName) => {
    const highlight = new Highlight();
    CSS.highlights.set(highlightName, highlight);
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 300)));
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, 4);
    let text: Node | null = walker.nextNode();
    while (text && (text.textContent ?? '').trim().length < 2) text = walker.nextNode();
    if (!text) return 0;
    const t0 = performance.now();
    highlight.add(
      new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 1 }),
    );
    await new Promise<void>((r) =>
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))),
    );
    return window.benchFrames
      .filter((f) => f.start >= t0 - 20)
      .reduce((max, f) => Math.max(max, f.duration), 0);
  }, name);
}

async function markJs(page: Page, pattern: string, markSource: string): Promise<MarkResult> {
  await page.addScriptTag({ content: markSource });
  return page.evaluate(async (source) => {
    const t0 = performance.now();
    const marks = await new Promise<number>((done) => {
      new window.Mark(document.body).markRegExp(new RegExp(source, 'g'), {
        done,
        exclude: ['script', 'style', 'noscript', 'textarea', 'code', 'pre', 'kbd', 'button'],
      });
    });
    const ms = performance.now() - t0;
    await new Promise<void>((r) =>
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))),
    );
    const tasks = window.benchLongTasks.filter((t) => t.start >= t0 - 1);
    const all = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
    let nodesAfter = 1;
    while (all.nextNode()) nodesAfter++;
    return {
      ms,
      marks,
      longestTaskMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
      nodesAfter,
    };
  }, pattern);
}

/** The dictionary regex: cashtags, or a Russell 2000 ticker as a whole word. */
function dictionaryPattern(tickers: readonly string[]): string {
  // Word-like tickers need a cashtag here, as the real detector requires a strong signal.
  const wordLike = new Set([
    'A',
    'IT',
    'ON',
    'ALL',
    'CAT',
    'NOW',
    'ARE',
    'BE',
    'FOR',
    'AN',
    'AT',
    'OR',
    'SO',
    'BY',
    'GO',
    'UP',
    'US',
    'AI',
    'CEO',
    'ONE',
    'TWO',
    'NEW',
    'CASH',
    'REAL',
    'PLAY',
    'GOOD',
    'BIG',
    'MAN',
    'KEY',
    'ANY',
    'LOW',
    'OUT',
    'OPEN',
    'SAFE',
    'TRUE',
    'LIFE',
    'WELL',
    'BEST',
    'HOPE',
    'FUN',
    'EAT',
    'HE',
    'ME',
    'WE',
    'DO',
    'IS',
    'IN',
    'OF',
    'TO',
  ]);
  const bare = [...new Set(tickers)]
    .filter((t) => t.length >= 2 && !wordLike.has(t))
    .toSorted((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return `\\$([A-Za-z]{1,5}(?:\\.[A-Za-z])?)\\b|\\b(${[...bare, 'IWM', 'SPY', 'QQQ'].join('|')})\\b`;
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  const sentences = loadSentences();
  const constituents = loadConstituents();
  const pattern = dictionaryPattern(constituents.map((c) => c.ticker));
  const scannerJs = await bundleScanner();
  const markSource = readFileSync(resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const size = await scannerSize();

  const routes = new Map<string, Route>();
  const pages = SIZES_MB.map((mb, i) => {
    const page = generateNewsPage(mb * MB, sentences, constituents, 7 + i);
    routes.set(`/news-${mb}.html`, { type: 'text/html; charset=utf-8', body: page.html });
    // As the extension ships it: the ::highlight rule in the content script's manifest CSS,
    // which the browser applies before the page is parsed.
    routes.set(`/news-${mb}-css.html`, {
      type: 'text/html; charset=utf-8',
      body: page.html.replace(
        '</head>',
        `<style>${highlightCss(DEFAULT_HIGHLIGHT_NAME)}</style></head>`,
      ),
    });
    return { mb, ...page };
  });
  routes.set('/scanner.js', { type: 'text/javascript', body: scannerJs });
  // A hostile page: 5 MB of the corpus's sentences in one text node (a log or data dump).
  const dump: string[] = [];
  for (let n = 0, i = 0; n < 5 * MB; i++) {
    const sentence = sentences[i % sentences.length]!;
    dump.push(sentence);
    n += sentence.length + 1;
  }
  routes.set('/dump.html', {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><style>${highlightCss(DEFAULT_HIGHLIGHT_NAME)}</style></head><body><div>${dump.join(' ').replace(/&/g, '&amp;').replace(/</g, '&lt;')}</div></body></html>`,
  });
  const { server, origin } = await serve(routes);

  const browser = await launchChromium();
  const version = browser.version();
  const rows: string[] = [];
  const details: string[] = [];
  try {
    for (const p of pages) {
      const url = `${origin}/news-${p.mb}.html`;
      process.stderr.write(
        `${p.mb} MB: ${p.articles} articles, ${(p.html.length / MB).toFixed(1)} MB HTML\n`,
      );

      const cssUrl = `${origin}/news-${p.mb}-css.html`;
      const bares: BareResult[] = [];
      const scans: ScanResult[] = [];
      const walks: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const barePage = await freshPage(browser, cssUrl);
        // Same nodes as the scanner's page (its <script> tag), loaded but not run.
        await barePage.addScriptTag({ url: `${origin}/scanner.js` });
        bares.push(await bareWalk(barePage));
        await barePage.close();

        const walkPage = await freshPage(browser, cssUrl);
        await walkPage.addScriptTag({ url: `${origin}/scanner.js` });
        walks.push(
          await walkPage.evaluate((chunk) => window.r2kBench.walkOnly(chunk).ms, CHUNK_CHARS),
        );
        await walkPage.close();

        const scanPage = await freshPage(browser, cssUrl);
        await scanPage.addScriptTag({ url: `${origin}/scanner.js` });
        scans.push(await scan(scanPage, { detector: 'real', pattern, injectStyle: false }));
        await scanPage.close();
      }
      const bare = bares.toSorted((a, b) => a.coldMs - b.coldMs)[bares.length >> 1]!;
      const s = scans.toSorted((a, b) => a.busyMs - b.busyMs)[scans.length >> 1]!;
      const worst = (f: (r: ScanResult) => number): number => Math.max(...scans.map(f));
      const walk = walks.toSorted((a, b) => a - b)[walks.length >> 1]!;

      // The same scan injecting its stylesheet at run time instead (the one-off style recalc).
      const adoptPage = await freshPage(browser, url);
      await adoptPage.addScriptTag({ url: `${origin}/scanner.js` });
      const adopted = await scan(adoptPage, { detector: 'real', pattern, injectStyle: true });
      await adoptPage.close();

      // Like for like with mark.js: the scanner with mark.js's dictionary regex as detector.
      const regexPage = await freshPage(browser, cssUrl);
      await regexPage.addScriptTag({ url: `${origin}/scanner.js` });
      const regex = await scan(regexPage, { detector: 'regex', pattern, injectStyle: false });
      await regexPage.close();

      const floorPage = await freshPage(browser, cssUrl);
      const floor = await highlightFrame(floorPage, DEFAULT_HIGHLIGHT_NAME);
      await floorPage.close();

      let mark: MarkResult | null = null;
      if (!SKIP_MARK) {
        const markPage = await freshPage(browser, url);
        mark = await markJs(markPage, pattern, markSource);
        await markPage.close();
      }

      const machinery = s.busyMs - s.detectMs;
      rows.push(
        `| ${p.mb} MB | ${fmt(s.busyMs)} (detector ${fmt(s.detectMs)}) | ${fmt(worst((r) => r.longestTaskMs))} (${worst((r) => r.longTasks)} long tasks; slices ${fmt(worst((r) => r.longestSliceMs))}) | ${fmt(worst((r) => r.longestFrameMs))} (one underline alone ${fmt(floor)}) | ${fmt(bare.coldMs)} (warm ${fmt(bare.warmMs)}) | ${fmt(s.busyMs / bare.coldMs, 1)} (without detector ${fmt(machinery / bare.coldMs, 1)}; walk alone ${fmt(walk / bare.coldMs, 1)}) | ${mark ? `${fmt(mark.ms)} (longest task ${fmt(mark.longestTaskMs)}; scanner with the same regex ${fmt(regex.busyMs)})` : 'skipped'} | ${bare.nodes} / ${s.nodesAfter}${mark ? ` (mark.js ${mark.nodesAfter})` : ''} |`,
      );
      details.push(
        `${p.mb} MB: ${RUNS} runs (median by scanner time; longest figures are the worst run). Text ${(bare.chars / MB).toFixed(2)} M chars in ${bare.textNodes} text nodes; scanner read ${(s.chars / MB).toFixed(2)} M chars / ${s.textNodes} nodes in ${s.slices} slices (longest slice ${fmt(s.longestSliceMs, 1)} ms, ${s.longTasks} long tasks, longest ${fmt(s.longestTaskMs)} ms, longest animation frame ${fmt(s.longestFrameMs)} ms), ${fmt(s.wallMs)} ms until idle; scanner times of all runs ${scans.map((r) => fmt(r.busyMs, 0)).join(', ')} ms, bare walks ${bares.map((r) => fmt(r.coldMs, 0)).join(', ')} ms, the scanner's walk alone (chunks, no detection) ${walks.map((ms) => fmt(ms, 0)).join(', ')} ms; ${s.mentions} mentions of ${s.symbols} symbols, ${s.highlighted} drawn (style: ${s.styleMode}); elements ${s.elementsBefore} -> ${s.elementsAfter}, body HTML unchanged: ${s.htmlSameAfter}, body children unchanged: ${s.bodyChildrenSame}; hit-test ${s.hitOk}/${s.hitChecked} on centre, ${s.besideOk}/${s.hitChecked} rejected beside the line, ${fmt(s.hitUs, 0)} µs per mentionAt. Regex detector: ${fmt(regex.busyMs)} ms (detector ${fmt(regex.detectMs)}), ${regex.mentions} mentions${mark ? `; mark.js ${mark.marks} marks` : ''}. Stylesheet adopted at run time instead: longest slice ${fmt(adopted.longestSliceMs)} ms, longest task ${fmt(adopted.longestTaskMs)} ms, longest frame ${fmt(adopted.longestFrameMs)} ms (style: ${adopted.styleMode})`,
      );
    }
    // A mutation storm on every page.
    for (const first of SKIP_STORM ? [] : pages) {
      const stormPage = await freshPage(browser, `${origin}/news-${first.mb}-css.html`);
      await stormPage.addScriptTag({ url: `${origin}/scanner.js` });
      const st = await storm(stormPage);
      await stormPage.close();
      details.push(
        `Mutation storm on the ${first.mb} MB page (${st.seconds} s: ticker text rewritten every 16 ms, an article appended every 100 ms): ${st.records} mutation records drained in ${st.drains} batches (${st.overflows} overflows), scanner ${fmt(st.busyMs)} ms of main thread in ${st.slices} slices, longest slice so far ${fmt(st.longestSliceMs)} ms, longest task during the storm ${fmt(st.longestTaskMs)} ms; ${st.appended} articles appended, ${st.appendedMentions} mentions found in them, every one found and the ticker current: ${st.tickerMentionsFound}`,
      );
    }
    const dumpPage = await freshPage(browser, `${origin}/dump.html`);
    await dumpPage.addScriptTag({ url: `${origin}/scanner.js` });
    const d = await scan(dumpPage, { detector: 'real', pattern, injectStyle: false });
    await dumpPage.close();
    details.push(
      `One text node of ${(d.chars / MB).toFixed(1)} M chars (a hostile page): scanner ${fmt(d.busyMs)} ms (detector ${fmt(d.detectMs)}) in ${d.slices} slices, longest slice ${fmt(d.longestSliceMs)} ms, ${d.longTasks} long tasks (longest ${fmt(d.longestTaskMs)} ms), ${d.mentions} mentions`,
    );
  } finally {
    await browser.close();
    server.close();
  }

  print(
    `Chromium ${version}; page-engine chunk ${(size.min / 1024).toFixed(1)} KB min, ${(size.gz / 1024).toFixed(1)} KB gzip`,
  );
  print('');
  print(
    '| size | scanner total ms | longest task ms | longest frame ms | bare walk ms | ratio | mark.js ms | nodes before / after |',
  );
  print('|---|---|---|---|---|---|---|---|');
  for (const row of rows) print(row);
  print('');
  for (const line of details) print(`- ${line}`);
}

await main();
