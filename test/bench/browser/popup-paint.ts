/**
 * Popup first-paint benchmark: opens the built popup (`popup.html` in a tab, the extension loaded
 * as the real-browser suite loads it) again and again and reports, per extension build, the
 * median of: first contentful paint, the Russell 2000 level on screen, and the four charts drawn.
 * Builds are measured in turns (A, B, A, B...) so the shared machine's load falls on all alike.
 *
 * Usage: `npx tsx test/bench/browser/popup-paint.ts [--runs 15] DIR [DIR...]`, each DIR an
 * unpacked Chrome build (default `.output/e2e/chrome-mv3`; `npm run build:e2e` first). The chart
 * provider points at a closed port, so nothing is fetched: the bundled snapshot is shown.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 15;
const dirs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
if (dirs.length === 0) dirs.push('.output/e2e/chrome-mv3');

/**
 * Records, from the page's first script on, when the level and the charts appear. A string, not
 * a function: a transpiled function may call helpers (esbuild's `__name`) the page lacks.
 */
const WATCH_PAINT = `
  const times = (globalThis.r2kTimes = {});
  const check = () => {
    if (times.level === undefined && document.querySelector('[data-testid=r2k-level]')) {
      times.level = performance.now();
    }
    const canvases = [...document.querySelectorAll('canvas')];
    if (times.charts === undefined && canvases.length >= 4 &&
        canvases.every((c) => c.hasAttribute('style') && c.width > 0)) {
      times.charts = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
`;

interface Opened {
  context: BrowserContext;
  id: string;
  profile: string;
}

async function open(dir: string): Promise<Opened> {
  const profile = mkdtempSync(path.join(tmpdir(), 'r2k-paint-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  await context.addInitScript({ content: WATCH_PAINT });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { context, id: new URL(worker.url()).host, profile };
}

async function measure(o: Opened): Promise<{ fcp: number; level: number; charts: number }> {
  const page = await o.context.newPage();
  await page.setViewportSize({ width: 440, height: 600 });
  await page.goto(`chrome-extension://${o.id}/popup.html`);
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { r2kTimes?: Record<string, number> }).r2kTimes?.level !==
      undefined,
    null,
    { timeout: 30_000 },
  );
  // An older popup has fewer charts: their time is then missing (NaN).
  await page
    .waitForFunction(
      () =>
        (globalThis as unknown as { r2kTimes?: Record<string, number> }).r2kTimes?.charts !==
        undefined,
      null,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  const times = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    level: Number.NaN,
    charts: Number.NaN,
    ...(globalThis as unknown as { r2kTimes: { level?: number; charts?: number } }).r2kTimes,
  }));
  await page.close();
  return times;
}

const median = (xs: number[]) => {
  const known = xs.filter((x) => !Number.isNaN(x)).toSorted((a, b) => a - b);
  return known[known.length >> 1] ?? Number.NaN;
};

const builds = await Promise.all(dirs.map((d) => open(path.resolve(d))));
const results = dirs.map(() => ({
  fcp: [] as number[],
  level: [] as number[],
  charts: [] as number[],
}));
// One warm-up each (the cache is seeded from the snapshot on first use).
for (const b of builds) await measure(b);
for (let run = 0; run < RUNS; run += 1) {
  for (const [i, b] of builds.entries()) {
    const t = await measure(b);
    results[i]!.fcp.push(t.fcp);
    results[i]!.level.push(t.level);
    results[i]!.charts.push(t.charts);
  }
}
for (const [i, dir] of dirs.entries()) {
  const r = results[i]!;
  process.stdout.write(
    `${dir}: first contentful paint ${median(r.fcp).toFixed(0)} ms, level on screen ${median(r.level).toFixed(0)} ms, ` +
      `four charts drawn ${median(r.charts).toFixed(0)} ms (medians of ${RUNS})\n`,
  );
}
for (const b of builds) {
  await b.context.close();
  rmSync(b.profile, { recursive: true, force: true });
}
