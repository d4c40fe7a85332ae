/**
 * Pointer arrival to card painted, in Chromium with the built extension (`npm run bench:card`).
 *
 * A generated article mentions 32 Russell 2000 members as cashtags. The pointer jumps onto one
 * mention at a time (one trusted `pointermove`, as a reader's pointer arrives) and rests there;
 * the time runs from that event's timestamp to the end of the frame that first paints the card
 * with its figures (a frame callback in the content script's isolated world sees the card, and a
 * task posted from it runs once that frame is painted).
 *
 * - cold: nothing of the symbol is saved; the background fetches it from the local provider
 *   server (test/support/provider-server.ts) during the open delay. The first cold hover also
 *   loads the card's code.
 * - warm: the same symbols on a freshly loaded page: saved in the cache, nothing fetched, the
 *   content script asks the background when the pointer arrives (the prefetch).
 * - again: the same symbols hovered a second time on that page (the reply is kept a minute).
 *
 * The provider answers every symbol with the recorded one-year IWM chart relabeled (the size of a
 * real answer; the figures are not what is measured). The extension is the e2e configuration
 * with its chart origin on a port of its own (47811) in `.output/bench-card`.
 *
 * Usage: `npm run bench:card [-- --hovers 32] [--no-build]`. Prints a table and writes
 * `.output/bench-card/card-latency.json`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';
import { parseISharesHoldings } from '../../../lib/snapshot/ishares-holdings';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import { startProviderServer } from '../../support/provider-server';
import { evaluateIsolated } from '../../e2e/support/card';
import { serve, type Route } from './serve';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const args = process.argv.slice(2);
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const HOVERS = Math.max(30, Number(argValue('--hovers') ?? 32));
const BUILD = !args.includes('--no-build');
const PORT = 47811;
const OUT = path.join(ROOT, '.output/bench-card');
const EXTENSION = path.join(OUT, 'chrome-mv3');
/** The hover tracker's open delay (lib/page/hover-tracker.ts, `delayMs` default). */
const INTENT_DELAY_MS = 150;

function build(): void {
  const result = spawnSync('npx', ['wxt', 'build'], {
    cwd: ROOT,
    env: {
      ...process.env,
      WXT_CHART_BASE_URL: `http://127.0.0.1:${PORT}`,
      R2K_OUT_DIR: '.output/bench-card',
    },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed: ${result.stdout}${result.stderr}`);
}

/** Russell 2000 members by weight, not in the bundled snapshot, plain tickers. */
function symbols(count: number): string[] {
  const holdings = parseISharesHoldings(
    readFileSync(
      path.join(ROOT, 'lib/snapshot/sources/russell2000-constituents/IWM_holdings_2026-05-05.csv'),
      'utf8',
    ),
  );
  const snapshot = JSON.parse(
    readFileSync(path.join(ROOT, 'public/data/snapshot.json'), 'utf8'),
  ) as {
    series: Record<string, unknown>;
  };
  const bundled = new Set(Object.keys(snapshot.series));
  const dictionary = loadSymbolDictionary();
  return holdings.rows
    .filter(
      (r) =>
        /^[A-Z]{3,4}$/.test(r.ticker) && !bundled.has(r.ticker) && dictionary.flags.has(r.ticker),
    )
    .toSorted((a, b) => b.weight - a.weight)
    .slice(0, count)
    .map((r) => r.ticker);
}

function article(list: readonly string[]): string {
  const paragraphs = list
    .map(
      (s, i) =>
        `<p id="m${i}" style="margin:0 0 22px">Item ${i + 1}: shares of small caps moved; <span>$${s}</span> was among them.</p>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Small caps</title>
<style>body{font:16px/1.5 sans-serif;margin:20px 40px;}</style></head><body>${paragraphs}</body></html>`;
}

/** The recorded one-year IWM chart answer, relabeled as `symbol`. */
function chartFor(template: string, symbol: string): unknown {
  const body = JSON.parse(template) as {
    chart: { result: { meta: { symbol: string; longName?: string } }[] };
  };
  const meta = body.chart.result[0]!.meta;
  meta.symbol = symbol;
  meta.longName = symbol;
  return body;
}

/** Installs, in the isolated world, a frame loop that notes when the loaded card is painted. */
const WATCH = `(() => {
  const state = globalThis.r2kBenchCard ??= { paintedAt: null };
  state.paintedAt = null;
  const find = () => {
    for (const el of document.documentElement.children) {
      const card = chrome.dom.openOrClosedShadowRoot(el)?.querySelector('.card');
      if (card) return card;
    }
    return null;
  };
  const tick = () => {
    const card = find();
    const ready = card && card.dataset.state !== 'loading' && card.style.visibility === 'visible';
    if (!ready) return requestAnimationFrame(tick);
    // This frame paints the card: a task posted now runs after it.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { state.paintedAt = performance.now(); state.shown = card.dataset.state === 'unavailable' ? 'unavailable (' + (card.querySelector('.ident')?.textContent ?? '') + ')' : card.dataset.state; };
    channel.port2.postMessage(0);
  };
  requestAnimationFrame(tick);
  return true;
})()`;

interface Sample {
  symbol: string;
  ms: number;
  /** What the card showed: `symbol` (figures), `unavailable` (no data, with the reason), `error`. */
  shown: string;
}

async function hoverOnce(page: Page, index: number, symbol: string, parkMs = 450): Promise<Sample> {
  // Park the pointer away from text, bring the mention into view, and let any card close.
  await page.mouse.move(2, 2);
  await page.evaluate(
    (id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }),
    `m${index}`,
  );
  await page.waitForTimeout(parkMs);
  await evaluateIsolated(page, WATCH);
  await page.evaluate(() => {
    const w = window as unknown as { r2kArrivedAt: number | null };
    w.r2kArrivedAt = null;
    addEventListener(
      'pointermove',
      (e) => {
        if (w.r2kArrivedAt === null) w.r2kArrivedAt = e.timeStamp;
      },
      { capture: true, once: true },
    );
  });
  const box = await page.evaluate((id) => {
    const span = document.querySelector(`#${id} span`)!;
    const r = span.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, `m${index}`);
  await page.mouse.move(box.x, box.y);
  const until = Date.now() + 15_000;
  for (;;) {
    const { painted, shown } = await evaluateIsolated<{ painted: number | null; shown: string }>(
      page,
      '({ painted: globalThis.r2kBenchCard.paintedAt, shown: globalThis.r2kBenchCard.shown })',
    );
    if (painted !== null) {
      const arrived = await page.evaluate(
        () => (window as unknown as { r2kArrivedAt: number | null }).r2kArrivedAt,
      );
      if (arrived === null) throw new Error('no pointer arrival recorded');
      return { symbol, ms: painted - arrived, shown };
    }
    if (Date.now() > until) throw new Error(`no card for ${symbol}`);
    await page.waitForTimeout(20);
  }
}

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Milliseconds to one decimal. */
function f(v: number): string {
  return `${v.toFixed(1)} ms`;
}

function stats(samples: readonly Sample[]): {
  n: number;
  median: number;
  p95: number;
  max: number;
} {
  const sorted = samples.map((s) => s.ms).toSorted((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

async function main(): Promise<void> {
  if (BUILD) build();
  const list = symbols(HOVERS);
  const template = readFileSync(
    path.join(ROOT, 'test/fixtures/providers/yahoo-chart/derived-IWM-2025-02-to-2026-02-20.json'),
    'utf8',
  );
  const templateBody = (JSON.parse(template) as { response?: { bodyJson?: unknown } }).response
    ?.bodyJson;
  const templateText = JSON.stringify(templateBody ?? JSON.parse(template));
  const yahoo: Record<string, unknown> = {};
  for (const s of list) yahoo[s] = chartFor(templateText, s);
  const provider = await startProviderServer({ port: PORT, yahoo });
  const routes = new Map<string, Route>([
    ['/article.html', { type: 'text/html; charset=utf-8', body: article(list) }],
  ]);
  const { server, origin } = await serve(routes);
  const profile = mkdtempSync(path.join(tmpdir(), 'r2k-bench-card-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
    ],
  });
  try {
    if (context.serviceWorkers().length === 0) {
      await context.waitForEvent('serviceworker', { timeout: 15_000 });
    }
    const page = await context.newPage();
    const url = `${origin}/article.html`;
    const load = async () => {
      await page.goto(url);
      await page.waitForFunction(
        (n) => (CSS.highlights.get('r2k-lens-mention')?.size ?? 0) >= n,
        Math.min(list.length, 20),
        { timeout: 15_000 },
      );
    };
    await load();
    const cold: Sample[] = [];
    // Cold hovers at most one a second: the extension's own politeness toward Yahoo (a bucket of
    // 10 requests refilled at 1 a second, lib/refresh/politeness.ts) would otherwise answer
    // "rate limited" for some, which is not the fetch being measured.
    for (let i = 0; i < list.length; i++) cold.push(await hoverOnce(page, i, list[i]!, 1100));
    const fetched = provider.requests.filter((r) => r.provider === 'yahoo').length;
    await load();
    const warm: Sample[] = [];
    for (let i = 0; i < list.length; i++) warm.push(await hoverOnce(page, i, list[i]!));
    const again: Sample[] = [];
    for (let i = 0; i < list.length; i++) again.push(await hoverOnce(page, i, list[i]!));
    const chunk = readFileSync(path.join(EXTENSION, 'card-ui.js'));
    const content = readFileSync(path.join(EXTENSION, 'content-scripts/content.js'));
    const result = {
      intentDelayMs: INTENT_DELAY_MS,
      hovers: list.length,
      providerRequests: fetched,
      coldFirstMs: cold[0]!.ms,
      cold: stats(cold.slice(1).filter((x) => x.shown === 'symbol')),
      warm: stats(warm),
      again: stats(again),
      cardChunk: { bytes: chunk.length, gzipBytes: gzipSync(chunk, { level: 9 }).length },
      contentScript: { bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length },
    };
    writeFileSync(
      path.join(OUT, 'card-latency.json'),
      `${JSON.stringify({ ...result, samples: { cold, warm, again } }, null, 2)}\n`,
    );
    const row = (name: string, s: ReturnType<typeof stats>) =>
      `${name.padEnd(34)} ${String(s.n).padStart(3)}  median ${f(s.median).padStart(9)}  p95 ${f(s.p95).padStart(9)}  max ${f(s.max).padStart(9)}`;
    print(
      `Pointer arrival to card painted (open delay ${INTENT_DELAY_MS} ms; goal: warm p95 <= ${INTENT_DELAY_MS + 16} ms, cold first <= ${INTENT_DELAY_MS + 120} ms)`,
    );
    print(`cold, first hover (loads the card code, fetches)  ${f(result.coldFirstMs)}`);
    print(row('cold (fetched, figures shown)', result.cold));
    print(row('warm (saved, fresh page)', result.warm));
    print(row('again (same page, reply kept)', result.again));
    const shownAs = (samples: Sample[]) =>
      [...new Set(samples.map((x) => x.shown))]
        .map((k) => `${samples.filter((x) => x.shown === k).length} ${k}`)
        .join(', ');
    print(`provider requests: ${fetched} for ${list.length} symbols`);
    print(`cards shown: cold ${shownAs(cold)}; warm ${shownAs(warm)}; again ${shownAs(again)}`);
    print(
      `card chunk card-ui.js: ${(result.cardChunk.bytes / 1000).toFixed(1)} kB, ${(result.cardChunk.gzipBytes / 1000).toFixed(1)} kB gzipped; content.js ${(result.contentScript.bytes / 1000).toFixed(1)} kB, ${(result.contentScript.gzipBytes / 1000).toFixed(1)} kB gzipped`,
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    server.close();
    await provider.stop();
  }
}

await main();
