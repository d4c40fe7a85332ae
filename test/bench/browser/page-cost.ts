/**
 * What the content script costs the pages people read, measured on the built extension in
 * Chromium against an empty WXT content script built with the same configuration
 * (test/bench/browser/empty-extension), side by side in one run (`npm run bench:browser`).
 *
 * Every page load is cold, as a reader's is: each run opens the page on a new site
 * (`rN.localhost`, the local server), so it gets a new renderer process with nothing of our
 * script compiled yet. Both builds run their content script on local pages
 * (`R2K_LOCAL_PAGES=1`) and nowhere else: not in the article's ad frames, which come from another
 * site, as they would not on the default financial sites either. A trace of each load gives the main-thread CPU of the tasks that ran our
 * code (see trace-attribution.ts), from the script's injection at `document_idle` until nothing of
 * ours runs any more (the end of the first full scan).
 *
 * Pages:
 * - a typical article (about 40 KB of article text in a shell of about 2,000 elements);
 * - generated news pages of 0.5, 2 and 10 MB of text, against mark.js marking the same
 *   dictionary (every symbol of the shipped dictionary as a cashtag, the ones that are not
 *   word-like as bare words) and a bare TreeWalker walk of the page's text;
 * - an infinite-scroll page that appends 10,000 items, for the memory our script keeps.
 * Plus: the time from injection to the first underline on screen (a separate run per load, as
 * the page's polling of the highlight registry adds frames of its own).
 *
 * Usage: `npm run bench:browser [-- --runs 5] [--pages article,0.5,2,10,scroll] [--no-build]`
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import { generateArticlePage } from './article-page';
import { dictionaryRegexSource } from './dictionary-regex';
import { generateNewsPage, loadConstituents, loadSentences } from './news-page';
import { generateScrollPage } from './scroll-page';
import { serve, type Route } from './serve';
import { attributeScript, markTime, type ScriptCost, type TraceEvent } from './trace-attribution';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const args = process.argv.slice(2);
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(argValue('--runs') ?? 5);
const PAGES = (argValue('--pages') ?? 'article,0.5,2,10,scroll').split(',');
const BUILD = !args.includes('--no-build');
/** `--verbose`: every task of ours in each article load (when, CPU, what it was). */
const VERBOSE = args.includes('--verbose');
/**
 * `--profile`: a CPU profile (CDP sampling profiler) of our code in cold article loads instead of
 * the figures, functions by self time (build with `R2K_NO_MINIFY=1` for readable names).
 */
const PROFILE = args.includes('--profile');
const MB = 1_000_000;

const OURS_DIR = path.join(ROOT, '.output/bench/chrome-mv3');
const EMPTY_DIR = path.join(ROOT, '.output/bench-empty/chrome-mv3');
const SCRIPT = 'content-scripts/content.js';

const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
].join(',');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/**
 * Self time of our functions over `RUNS` cold loads of `pathName` (the article unless a news page
 * is named in --pages, which is then read whole as the popup's list does), top 40 printed.
 */
async function profileLoads(v: Variant, origin: string, pathName: string): Promise<void> {
  const self = new Map<string, number>();
  let total = 0;
  for (let run = 0; run < RUNS; run++) {
    const page = await v.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    const url = freshUrl(origin, pathName);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(3000);
    if (pathName !== '/article.html') await readWhole(v, url);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] };
    };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const prefix = `chrome-extension://${v.extensionId}/`;
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const node = byId.get(samples[i] as number);
      const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
      if (!node || !node.callFrame.url.startsWith(prefix)) continue;
      const f = node.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.slice(prefix.length)}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    }
    await cdp.detach();
    await page.close();
  }
  print(`our JS self time over ${RUNS} loads: ${fmt(total / RUNS)} ms a load`);
  for (const [key, ms] of [...self].toSorted((a, b) => b[1] - a[1]).slice(0, 40)) {
    print(`  ${fmt(ms / RUNS, 2)} ms  ${key}`);
  }
}

function wxtBuild(env: Record<string, string>): void {
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed: ${result.stdout}${result.stderr}`);
}

function buildVariants(): void {
  wxtBuild({
    R2K_OUT_DIR: '.output/bench',
    R2K_LOCAL_PAGES: '1',
    ...(PROFILE ? { R2K_NO_MINIFY: '1' } : {}),
  });
  wxtBuild({
    R2K_OUT_DIR: '.output/bench-empty',
    R2K_ENTRYPOINTS_DIR: 'test/bench/browser/empty-extension',
    R2K_LOCAL_PAGES: '1',
  });
}

interface Variant {
  name: 'ours' | 'empty';
  context: BrowserContext;
  extensionId: string;
  profile: string;
}

async function launch(name: Variant['name'], dir: string): Promise<Variant> {
  const profile = mkdtempSync(path.join(tmpdir(), `r2k-bench-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      ...CHROMIUM_ARGS,
      '--host-resolver-rules=MAP *.test 127.0.0.1, MAP *.localhost 127.0.0.1',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(() => null));
  // The empty build has no background: read its ID from a page instead.
  let extensionId = worker ? new URL(worker.url()).host : '';
  if (!extensionId) {
    const page = await context.newPage();
    await page.goto('chrome://extensions');
    extensionId = await page.evaluate(
      () =>
        (
          document
            .querySelector('extensions-manager')
            ?.shadowRoot?.querySelector('extensions-item-list')
            ?.shadowRoot?.querySelector('extensions-item') as HTMLElement | null
        )?.id ?? '',
    );
    await page.close();
  }
  if (!extensionId) throw new Error(`no extension ID for ${name}`);
  return { name, context, extensionId, profile };
}

let siteCounter = 0;
/** A URL on a site never opened before in this run (a new renderer process, nothing compiled). */
function freshUrl(origin: string, pathName: string): string {
  const port = new URL(origin).port;
  siteCounter++;
  return `http://r${siteCounter}.localhost:${port}${pathName}`;
}

async function traced(
  page: Page,
  url: string,
  settleMs: number,
  after?: () => Promise<void>,
): Promise<{ events: TraceEvent[] }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', {
    categories: TRACE_CATEGORIES,
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForTimeout(settleMs);
  if (after) await after();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return { events };
}

/**
 * One cold load of `pathName` in a variant: the script's cost from its trace, with what `after`
 * does once the load has settled (traced too).
 */
async function loadCost(
  v: Variant,
  origin: string,
  pathName: string,
  settleMs: number,
  after?: (page: Page, url: string) => Promise<void>,
): Promise<ScriptCost> {
  const page = await v.context.newPage();
  const url = freshUrl(origin, pathName);
  try {
    const { events } = await traced(page, url, settleMs, after && (() => after(page, url)));
    const cost = attributeScript(events, `chrome-extension://${v.extensionId}/`);
    if (!cost) throw new Error(`${v.name}: the content script did not run on ${pathName}`);
    return cost;
  } finally {
    await page.close();
  }
}

/**
 * Asks the content script of the newest tab for the page's symbols, as the popup does (from our
 * service worker): it reads the whole page first. The number of symbols, or -1.
 */
async function readWhole(v: Variant, url: string): Promise<number> {
  const worker = v.context.serviceWorkers()[0];
  if (!worker) throw new Error(`${v.name} has no service worker`);
  return await worker.evaluate(async (href) => {
    type Tabs = {
      query(q: object): Promise<{ id?: number; url?: string }[]>;
      sendMessage(id: number, message: unknown, options: { frameId: number }): Promise<unknown>;
    };
    const api = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
    // The page just opened (tab URLs are hidden without the tabs permission): the newest tab.
    const tabs = await api.tabs.query({});
    const tab =
      tabs.find((t) => t.url === href) ?? tabs.toSorted((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
    const reply = (await api.tabs.sendMessage(
      tab?.id ?? -1,
      { type: 'getPageSymbols', data: {} },
      { frameId: 0 },
    )) as { ok: boolean; data?: { symbols: unknown[] } };
    return reply.ok ? (reply.data?.symbols.length ?? 0) : -1;
  }, url);
}

/**
 * One cold load of `pathName` read whole: after the load settles, the popup's request for the
 * page's symbols (`getPageSymbols`, sent from our service worker as the popup sends it), which
 * makes the content script read what the reader has not scrolled near. The cost is the load's
 * and the rest's together, to compare with mark.js marking the whole page.
 */
async function wholePageCost(
  v: Variant,
  origin: string,
  pathName: string,
  settleMs: number,
): Promise<{ cost: ScriptCost; symbols: number }> {
  let symbols = -1;
  const cost = await loadCost(v, origin, pathName, settleMs, async (page, url) => {
    symbols = await readWhole(v, url);
    await page.waitForTimeout(500);
  });
  return { cost, symbols };
}

/** Injection to the first underline in the page's highlight registry, painted (ms). */
async function firstUnderline(
  v: Variant,
  origin: string,
  pathName: string,
): Promise<number | null> {
  const page = await v.context.newPage();
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  await page.addInitScript(`(() => {
    const poll = () => {
      let size = 0;
      for (const [, highlight] of CSS.highlights ?? []) size += highlight.size;
      if (size > 0) {
        // After the rendering update that paints it.
        requestAnimationFrame(() => setTimeout(() => performance.mark('r2k-first-underline'), 0));
        return;
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  })();`);
  try {
    const { events } = await traced(page, freshUrl(origin, pathName), 2500);
    const cost = attributeScript(events, `chrome-extension://${v.extensionId}/`);
    const mark = markTime(events, 'r2k-first-underline');
    if (!cost || mark === null) return null;
    return (mark - cost.injectedAt) / 1000;
  } finally {
    await page.close();
  }
}

/** mark.js with the dictionary regex on a fresh page (no extension code involved): ms and marks. */
async function markJs(
  v: Variant,
  origin: string,
  pathName: string,
  pattern: string,
): Promise<{ ms: number; marks: number }> {
  const page = await v.context.newPage();
  try {
    await page.goto(freshUrl(origin, pathName), { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(500);
    await page.addScriptTag({ url: `${origin}/mark.js` });
    // A string, not a function: tsx would wrap the `done` callback in a helper the page lacks.
    return (await page.evaluate(`(() => {
      const t0 = performance.now();
      let marks = 0;
      new window.Mark(document.body).markRegExp(new RegExp(${JSON.stringify(pattern)}, 'g'), {
        done: (n) => { marks = n; },
        exclude: ['script', 'style', 'noscript', 'textarea', 'code', 'pre', 'kbd', 'button'],
      });
      return { ms: performance.now() - t0, marks };
    })()`)) as { ms: number; marks: number };
  } finally {
    await page.close();
  }
}

/** A bare TreeWalker walk reading every text node's data, cold, on a fresh page (ms). */
async function bareWalk(v: Variant, origin: string, pathName: string): Promise<number> {
  const page = await v.context.newPage();
  try {
    await page.goto(freshUrl(origin, pathName), { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(500);
    return await page.evaluate(() => {
      const t0 = performance.now();
      const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let chars = 0;
      for (let n = w.nextNode(); n; n = w.nextNode()) chars += (n as Text).data.length;
      return chars >= 0 ? performance.now() - t0 : 0;
    });
  } finally {
    await page.close();
  }
}

/** JS heap in use after appending `items` items to the infinite-scroll page and a full GC (MB). */
async function scrollMemory(
  v: Variant,
  origin: string,
  items: number,
): Promise<{ mb: number; ms: number }> {
  const page = await v.context.newPage();
  try {
    await page.goto(freshUrl(origin, '/scroll.html'), { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    const t0 = Date.now();
    for (let done = 0; done < items; done += 100) {
      await page.evaluate(() =>
        (window as unknown as { appendItems(n: number): void }).appendItems(100),
      );
      await page.waitForTimeout(25);
    }
    const ms = Date.now() - t0;
    await page.waitForTimeout(4000);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    await cdp.detach();
    return { mb: usage.usedSize / MB, ms };
  } finally {
    await page.close();
  }
}

const html = (body: string): Route => ({ type: 'text/html; charset=utf-8', body });

/** Size of a build's content script, raw and gzipped (bytes). */
function sizeOf(dir: string): { raw: number; gz: number } {
  const code = readFileSync(path.join(dir, SCRIPT));
  return { raw: code.length, gz: gzipSync(code).length };
}

const median = (xs: number[]): number => {
  const s = xs.toSorted((a, b) => a - b);
  return s.length === 0 ? NaN : s[(s.length - 1) >> 1]!;
};
const fmt = (n: number, d = 1): string => (Number.isFinite(n) ? n.toFixed(d) : '-');
const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

async function main(): Promise<void> {
  if (BUILD) buildVariants();
  const sentences = loadSentences();
  const constituents = loadConstituents();
  const routes = new Map<string, Route>();
  routes.set('/ad.html', html('<!doctype html><p style="font:13px system-ui">Advertisement</p>'));
  const sizes = PAGES.filter((p) => /^[\d.]+$/.test(p)).map(Number);
  for (const [i, mb] of sizes.entries()) {
    routes.set(
      `/news-${mb}.html`,
      html(generateNewsPage(mb * MB, sentences, constituents, 7 + i).html),
    );
  }
  routes.set('/scroll.html', html(generateScrollPage(sentences, constituents)));
  routes.set('/mark.js', {
    type: 'text/javascript',
    body: readFileSync(path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8'),
  });
  const pattern = dictionaryRegexSource();
  const { server, origin } = await serve(routes);
  const port = new URL(origin).port;
  // The article's ad slots come from another site, as real ad frames do.
  const article = generateArticlePage(sentences, constituents, `http://ads.example.test:${port}`);
  routes.set('/article.html', html(article.html));

  const ours = await launch('ours', OURS_DIR);
  const empty = await launch('empty', EMPTY_DIR);
  // Let the background seed its cache from the snapshot before measuring.
  await new Promise((r) => setTimeout(r, 5000));
  const oursSize = sizeOf(OURS_DIR);
  const emptySize = sizeOf(EMPTY_DIR);
  const lines: string[] = [];
  try {
    print(
      `Chromium ${ours.context.browser()?.version() ?? ''}; content script ${fmt(oursSize.raw / 1024)} KB (${fmt(oursSize.gz / 1024)} KB gzip), empty WXT content script ${fmt(emptySize.raw / 1024)} KB (${fmt(emptySize.gz / 1024)} KB gzip); ${RUNS} cold loads per figure, medians`,
    );
    if (PROFILE) {
      const news = PAGES.find((p) => /^[\d.]+$/.test(p));
      await profileLoads(ours, origin, news ? `/news-${news}.html` : '/article.html');
      return;
    }
    if (PAGES.includes('article')) {
      const o: ScriptCost[] = [];
      const e: ScriptCost[] = [];
      const visible: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const cost = await loadCost(ours, origin, '/article.html', 3000);
        o.push(cost);
        if (VERBOSE) {
          for (const t of cost.list) {
            print(`  ${fmt(t.atMs, 0)} ms: ${fmt(t.cpuMs, 2)} ms ${t.what}`);
            if (t.inside) print(`      ${t.inside}`);
          }
          print(`  = ${fmt(cost.cpuMs)} ms`);
        }
        e.push(await loadCost(empty, origin, '/article.html', 3000));
        const t = await firstUnderline(ours, origin, '/article.html');
        if (t !== null) visible.push(t);
      }
      const oc = median(o.map((c) => c.cpuMs));
      const ec = median(e.map((c) => c.cpuMs));
      lines.push(
        `| typical article (${fmt(article.articleChars / 1000, 0)} KB article text, ~2,000 elements) | ${fmt(oc)} (${o.map((c) => fmt(c.cpuMs)).join(', ')}) | ${fmt(ec)} (${e.map((c) => fmt(c.cpuMs)).join(', ')}) | ${fmt(oc / ec)}× | injection ${fmt(median(o.map((c) => c.injectionCpuMs)))} vs ${fmt(median(e.map((c) => c.injectionCpuMs)))}; ${median(o.map((c) => c.tasks))} tasks, longest ${fmt(Math.max(...o.map((c) => c.longestCpuMs)))} ms; done ${fmt(median(o.map((c) => c.lastTaskEndMs)), 0)} ms after injection; first underline on screen ${fmt(median(visible), 0)} ms after injection (${visible.map((t) => fmt(t, 0)).join(', ')}) |`,
      );
    }
    for (const mb of sizes) {
      const runs = Math.max(1, Math.min(RUNS, mb >= 10 ? 2 : 3));
      const settle = mb >= 10 ? 15_000 : mb >= 2 ? 6000 : 4000;
      const o: ScriptCost[] = [];
      const e: ScriptCost[] = [];
      const marks: { ms: number; marks: number }[] = [];
      const walks: number[] = [];
      const whole: { cost: ScriptCost; symbols: number }[] = [];
      for (let run = 0; run < runs; run++) {
        o.push(await loadCost(ours, origin, `/news-${mb}.html`, settle));
        whole.push(await wholePageCost(ours, origin, `/news-${mb}.html`, 1500));
        if (VERBOSE) {
          for (const t of whole.at(-1)!.cost.list.filter((task) => task.cpuMs >= 16)) {
            print(`  whole read, ${fmt(t.atMs, 0)} ms: ${fmt(t.cpuMs, 2)} ms ${t.what}`);
            if (t.inside) print(`      ${t.inside}`);
          }
        }
        e.push(await loadCost(empty, origin, `/news-${mb}.html`, 1500));
        marks.push(await markJs(empty, origin, `/news-${mb}.html`, pattern));
        walks.push(await bareWalk(empty, origin, `/news-${mb}.html`));
      }
      const oc = median(o.map((c) => c.cpuMs));
      const mk = median(marks.map((m) => m.ms));
      const wc = median(whole.map((w) => w.cost.cpuMs));
      const wholeNote = `whole page read (the popup's list): ${fmt(wc)} ms (${whole.map((w) => fmt(w.cost.cpuMs)).join(', ')}), mark.js ${fmt(mk / wc)}× that, longest task ${fmt(Math.max(...whole.map((w) => w.cost.longestCpuMs)))} ms, ${median(whole.map((w) => w.symbols))} symbols`;
      lines.push(
        `| news page, ${mb} MB of text | ${fmt(oc)} (${o.map((c) => fmt(c.cpuMs)).join(', ')}) | ${fmt(median(e.map((c) => c.cpuMs)))} | mark.js ${fmt(mk)} ms (${median(marks.map((m) => m.marks))} marks): ${fmt(mk / oc)}× ours; bare walk ${fmt(median(walks))} ms | longest task of ours ${fmt(Math.max(...o.map((c) => c.longestCpuMs)))} ms CPU (${fmt(Math.max(...o.map((c) => c.longestWallMs)))} ms wall) in ${median(o.map((c) => c.tasks))} tasks; done ${fmt(median(o.map((c) => c.lastTaskEndMs)), 0)} ms after injection; ${wholeNote} |`,
      );
    }
    if (PAGES.includes('scroll')) {
      const om = await scrollMemory(ours, origin, 10_000);
      const em = await scrollMemory(empty, origin, 10_000);
      lines.push(
        `| infinite scroll, 10,000 items appended | JS heap ${fmt(om.mb)} MB | ${fmt(em.mb)} MB | ours keeps ${fmt(om.mb - em.mb)} MB | appending took ${fmt(om.ms / 1000)} s vs ${fmt(em.ms / 1000)} s |`,
      );
    }
  } finally {
    await ours.context.close();
    await empty.context.close();
    rmSync(ours.profile, { recursive: true, force: true });
    rmSync(empty.profile, { recursive: true, force: true });
    server.close();
  }
  print();
  print(
    '| page | ours: main-thread CPU ms | empty WXT content script ms | ratio / comparison | notes |',
  );
  print('|---|---|---|---|---|');
  for (const line of lines) print(line);
}

await main();
