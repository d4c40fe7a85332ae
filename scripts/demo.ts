/**
 * `npm run demo`: R2K Lens in a minute. Builds the demo build if it is missing or out of date,
 * serves the bundled demo page (demo/news.html, real financial sentences) on 127.0.0.1, and opens
 * it in Chromium or Chrome (or Firefox with `--firefox`) on a fresh temporary profile with the
 * extension loaded, offline, running from its bundled snapshot. Close the window to end.
 *
 * Usage: npm run demo [-- --firefox] [--screenshot FILE] [--browser PATH] [--online] [--rebuild]
 *   --firefox          Firefox instead of Chromium (FIREFOX_PATH, else /usr/bin/firefox-esr, ...)
 *   --screenshot FILE  headless: write what a person would see (the page with a card open), exit
 *   --browser PATH     this browser binary (else CHROME_PATH, else the usual install locations)
 *   --online           let the extension fetch live prices (the demo is offline by default)
 *   --rebuild          build again even if the demo build looks current
 */
import path from 'node:path';
import { buildDemo, demoBuildDir, demoBuildStale } from './demo/demo-build';
import { findBrowser, type BrowserKind } from './demo/find-browser';
import { chromiumScreenshot, runChromiumDemo } from './demo/launch-chromium';
import { firefoxScreenshot, runFirefoxDemo } from './demo/launch-firefox';
import { serveDemo } from './demo/page-server';

const ROOT = path.resolve(import.meta.dirname, '..');

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

interface DemoArgs {
  kind: BrowserKind;
  screenshot: string | undefined;
  browser: string | undefined;
  online: boolean;
  rebuild: boolean;
}

function parseArgs(argv: readonly string[]): DemoArgs {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (!v || v.startsWith('--')) throw new Error(`${name} needs a value`);
    return v;
  };
  const known = new Set(['--firefox', '--screenshot', '--browser', '--online', '--rebuild']);
  for (const [i, a] of argv.entries()) {
    const isValue = i > 0 && (argv[i - 1] === '--screenshot' || argv[i - 1] === '--browser');
    if (!isValue && !known.has(a)) throw new Error(`unknown argument ${a}`);
  }
  return {
    kind: argv.includes('--firefox') ? 'firefox' : 'chromium',
    screenshot: value('--screenshot'),
    browser: value('--browser'),
    online: argv.includes('--online'),
    rebuild: argv.includes('--rebuild'),
  };
}

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const name = args.kind === 'firefox' ? 'Firefox' : 'Chromium or Chrome';
  const binary = findBrowser(args.kind, args.browser);
  if (!binary) {
    const hint =
      args.kind === 'firefox'
        ? 'install Firefox (Debian: apt-get install firefox-esr) or set FIREFOX_PATH'
        : 'install Chromium (Debian: apt-get install chromium) or set CHROME_PATH';
    throw new Error(`no ${name} found: ${hint}, or pass --browser PATH`);
  }
  if (!args.screenshot && !hasDisplay()) {
    throw new Error(
      'no display to open a browser window on. On a headless machine, write what a person ' +
        'would see instead: npm run demo -- --screenshot demo.png',
    );
  }
  if (args.rebuild || demoBuildStale(ROOT, args.kind)) {
    say(`R2K Lens demo: building the ${args.kind} demo build…`);
    buildDemo(ROOT, args.kind);
  }
  const server = await serveDemo(path.join(ROOT, 'demo'));
  const demo = {
    binary,
    extensionDir: demoBuildDir(ROOT, args.kind),
    url: server.url,
    online: args.online,
  };
  try {
    if (args.screenshot) {
      const file = path.resolve(args.screenshot);
      if (args.kind === 'firefox') await firefoxScreenshot(demo, file);
      else await chromiumScreenshot(demo, file);
      say(`R2K Lens demo: wrote ${file}`);
      return;
    }
    say(
      [
        `R2K Lens demo: ${binary} on ${server.url}`,
        `  a fresh temporary profile with the extension loaded, ${args.online ? 'online' : 'offline (the bundled snapshot)'}.`,
        '  Hover an underlined ticker or index; the R2K Lens toolbar button opens the dashboard.',
        '  Close the browser window (or press Ctrl+C here) to end.',
      ].join('\n'),
    );
    if (args.kind === 'firefox') await runFirefoxDemo(demo);
    else await runChromiumDemo(demo);
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`R2K Lens demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
