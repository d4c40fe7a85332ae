/**
 * Profiles one scan of a generated news page in Chromium (CDP sampling profiler) and prints the
 * functions with the most self time, to see where the scanner's main-thread time goes.
 *
 * Usage: `npx tsx test/bench/browser/profile-scan.ts [--size 2] [--top 40] [--regex]`
 * (`--regex`: a trivial regex detector instead of findMentions, to look at the machinery alone).
 */

import { bundleScanner } from './bundle-scanner';
import { launchChromium, serve } from './serve';
import { generateNewsPage, loadConstituents, loadSentences } from './news-page';
import type { BenchApi } from './page-entry';
import { DEFAULT_HIGHLIGHT_NAME, highlightCss } from '../../../lib/page/highlighter';

const args = process.argv.slice(2);
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZE_MB = Number(argValue('--size') ?? 2);
const TOP = Number(argValue('--top') ?? 40);
const REGEX = args.includes('--regex');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
  positionTicks?: { line: number; ticks: number }[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

async function main(): Promise<void> {
  const page = generateNewsPage(SIZE_MB * 1_000_000, loadSentences(), loadConstituents(), 7);
  const html = page.html.replace(
    '</head>',
    `<style>${highlightCss(DEFAULT_HIGHLIGHT_NAME)}</style></head>`,
  );
  const js = await bundleScanner();
  const { server, origin } = await serve(
    new Map([
      ['/news.html', { type: 'text/html; charset=utf-8', body: html }],
      ['/scanner.js', { type: 'text/javascript', body: js }],
    ]),
  );
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await tab.addInitScript('globalThis.__name = (fn) => fn;');
    await tab.goto(`${origin}/news.html`, { waitUntil: 'load', timeout: 120_000 });
    await tab.addScriptTag({ url: `${origin}/scanner.js` });
    await tab.evaluate(
      () =>
        new Promise<void>((r) =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200))),
        ),
    );
    await tab.evaluate((regex) => {
      const api: BenchApi = window.r2kBench;
      const d = regex ? api.regexDetector('\\$([A-Z]{1,5})\\b') : api.realDetector();
      d('Warm-up: $AAPL and shares of KTOS (NASDAQ: SFM).');
      (window as unknown as { benchDetect: unknown }).benchDetect = d;
    }, REGEX);
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const stats = await tab.evaluate(async () => {
      const api: BenchApi = window.r2kBench;
      const scanner = api.startDocumentScanner({
        root: document.body,
        detect: (window as unknown as { benchDetect: Parameters<BenchApi['timed']>[0] })
          .benchDetect,
        signal: new AbortController().signal,
        linkToSymbol: api.linkToSymbol,
        mayBeQuoteLink: api.mayBeQuoteLink,
        injectStyle: false,
        eagerChars: Infinity,
      });
      await scanner.whenIdle();
      return scanner.stats();
    });
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const node = byId.get(samples[i]!);
      if (!node) continue;
      const f = node.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`;
      self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
    }
    // Garbage collection between two samples of running script happened inside a task (most
    // likely a scanner slice); between idle samples it ran in idle time.
    const isGc = (i: number): boolean =>
      byId.get(samples[i]!)?.callFrame.functionName === '(garbage collector)';
    const isIdleSample = (i: number): boolean => {
      const name = byId.get(samples[i]!)?.callFrame.functionName;
      return name === '(idle)' || name === '(program)' || name === undefined;
    };
    let gcInTasks = 0;
    let gcIdle = 0;
    for (let i = 0; i < samples.length;) {
      if (!isGc(i)) {
        i++;
        continue;
      }
      let j = i;
      let ms = 0;
      for (; j < samples.length && isGc(j); j++) ms += (deltas[j + 1] ?? deltas[j] ?? 0) / 1000;
      const inTask = i > 0 && !isIdleSample(i - 1) && j < samples.length && !isIdleSample(j);
      if (inTask) gcInTasks += ms;
      else gcIdle += ms;
      i = j;
    }
    const rows = [...self].toSorted((a, b) => b[1] - a[1]);
    const total = rows.reduce((s, [, ms]) => s + ms, 0);
    process.stdout.write(
      `${SIZE_MB} MB: busy ${stats.busyMs.toFixed(1)} ms in ${stats.slices} slices, longest ${stats.longestSliceMs.toFixed(1)}; profiled ${total.toFixed(0)} ms\n`,
    );
    process.stdout.write(
      `garbage collection: ${gcInTasks.toFixed(1)} ms between script samples (inside tasks), ${gcIdle.toFixed(1)} ms next to idle\n`,
    );
    for (const [key, ms] of rows.slice(0, TOP)) {
      process.stdout.write(`${ms.toFixed(1).padStart(8)}  ${key}\n`);
    }
    // Hot lines of the bundle (sample counts), to see which statement of a function costs.
    const lines = new Map<number, number>();
    for (const n of profile.nodes) {
      if (!n.callFrame.url.endsWith('scanner.js')) continue;
      for (const t of n.positionTicks ?? []) lines.set(t.line, (lines.get(t.line) ?? 0) + t.ticks);
    }
    const source = js.split('\n');
    for (const [line, ticks] of [...lines].toSorted((a, b) => b[1] - a[1]).slice(0, TOP)) {
      process.stdout.write(
        `${String(ticks).padStart(6)}  ${line}: ${(source[line - 1] ?? '').trim().slice(0, 100)}\n`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
