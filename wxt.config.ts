import { preact } from '@preact/preset-vite';
import { build, type Plugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defineConfig } from 'wxt';
import { ALL_SITES_ORIGINS, LOCAL_PAGE_MATCHES } from './lib/site-access/default-sites';
import { CONTENT_SCRIPT_FILE } from './lib/site-access/registration';
import { findBrowser } from './scripts/demo/find-browser';

/** Optional origin of the keyed provider, asked for only when the user chooses it. */
const TWELVE_DATA_ORIGIN = 'https://api.twelvedata.com/*';

/** Lazily loaded chunks: output file → entry. */
const CHUNKS: Record<string, string> = {
  'page-engine.js': 'components/page/page-engine-chunk.ts',
  'card-ui.js': 'components/card/card-ui.tsx',
  'card-chart.js': 'components/chart/chart-chunk.ts',
  'company-names.js': 'components/detect/company-names-chunk.ts',
};

/** Resolves `./x.css?inline` imports to the file's text, as Vite does for the popup and options. */
const inlineCss: Plugin = {
  name: 'inline-css',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: path.resolve(args.resolveDir, args.path.replace(/\?inline$/, '')),
      namespace: 'inline-css',
    }));
    b.onLoad({ filter: /.*/, namespace: 'inline-css' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

/**
 * WXT's content-script entry wraps `main()` in a `ContentScriptContext` that announces the script
 * to the page (a CustomEvent on `document` named after the extension's ID) and ends when the page
 * dispatches that event. The entry gets a silent stand-in instead (entrypoints/content/
 * quiet-context.ts); lens.ts owns the content script's lifetime. A test checks the build carries
 * none of WXT's announcement.
 */
const quietContentScriptContext: VitePlugin = {
  name: 'r2k-quiet-content-script-context',
  enforce: 'pre',
  resolveId(source, importer) {
    if (
      source === 'wxt/utils/content-script-context' &&
      importer?.includes('content-script-isolated-world-entrypoint')
    ) {
      return path.resolve('entrypoints/content/quiet-context.ts');
    }
    return null;
  },
};

/**
 * The content script's `wxt/browser` is entrypoints/content/light-browser.ts, not
 * webextension-polyfill: it uses four members of `runtime`, and the polyfill's wrapping of the
 * whole namespace cost 2.6 ms on every page load (see light-browser.ts). Only the build of the
 * content script's entry is redirected (both names: the polyfill module aliases `wxt/browser` to
 * its own before plugins see it); every other entry, and the chunks, keep the polyfill.
 */
function lightContentScriptBrowser(): VitePlugin {
  let contentBuild = false;
  return {
    name: 'r2k-light-content-script-browser',
    enforce: 'pre',
    configResolved(config) {
      const lib = config.build.lib;
      const input = config.build.rollupOptions.input ?? (lib ? lib.entry : '');
      const entries: unknown[] =
        typeof input === 'string' ? [input] : Object.values(input as Record<string, unknown>);
      // WXT's entry is a virtual module named after the file: `virtual:...-entrypoint?<path>`.
      const ours = path.resolve('entrypoints/content') + path.sep;
      contentBuild = entries.some((e) => String(e).split('?').pop()!.startsWith(ours));
    },
    resolveId(source) {
      if (
        contentBuild &&
        (source === 'wxt/browser' || source === '@wxt-dev/webextension-polyfill/browser')
      ) {
        return path.resolve('entrypoints/content/light-browser.ts');
      }
      return null;
    },
  };
}

/**
 * Builds one lazily loaded chunk as an ES module: the hover card's UI (Preact + Chart.js) and the
 * company-name matcher. The content script imports them with `import(runtime.getURL(...))` when
 * first needed, so pages that are only read never parse them. WXT bundles each content script as
 * a single IIFE (no code splitting), hence these side builds.
 */
async function buildChunk(entry: string, production: boolean): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    write: false,
    minify: production && !process.env.R2K_NO_MINIFY,
    legalComments: 'none',
    target: ['chrome120', 'firefox128'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [inlineCss],
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`chunk build of ${entry} produced no output`);
  return file.text;
}

/**
 * The chart provider's origin. Overridable at build time so the real-browser suite can point the
 * extension at a local server that replays recorded responses (`npm run build:e2e`).
 */
const chartBaseUrl = process.env.WXT_CHART_BASE_URL ?? 'https://query1.finance.yahoo.com';

/**
 * The chart provider's host permission: its scheme and host, without a port. Match patterns
 * cover every port of a host; Chrome accepts a port in the pattern, but Firefox then matches no
 * URL at all, so the e2e build's local server (`http://127.0.0.1:47800`) got no host access in
 * Firefox and its answers were blocked as cross-origin. The shipped build's origin has no port.
 */
const chartHostPermission = `${new URL(chartBaseUrl).protocol}//${new URL(chartBaseUrl).hostname}/*`;

/**
 * Build-time switches of the test builds (`npm run build:e2e` sets both; a shipped build sets
 * neither, and test/e2e/manifest.e2e.ts checks the shipped manifests):
 * - `R2K_LOCAL_PAGES=1`: the content script also runs on the local test servers
 *   (`http://127.0.0.1/*`, `http://localhost/*`, any port).
 * - `R2K_TEST_ATTACKER=1`: adds test/e2e/attacker, a content script that plays a compromised
 *   renderer on the suite's attacker page.
 */
const localPages = process.env.R2K_LOCAL_PAGES === '1';
const testAttacker = process.env.R2K_TEST_ATTACKER === '1';

/**
 * The browsers `npm run dev` and `npm run dev:firefox` open: `CHROME_PATH` and `FIREFOX_PATH`
 * when set, else the first usual install found (Debian's chromium and firefox-esr first), the
 * same search as `npm run demo`. Root needs Chromium's sandbox off.
 */
function devRunner() {
  const binaries: Record<string, string> = {};
  const chrome = findBrowser('chromium', undefined);
  const firefox = findBrowser('firefox', undefined);
  if (chrome) binaries.chrome = chrome;
  if (firefox) binaries.firefox = firefox;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return { binaries, ...(root ? { chromiumArgs: ['--no-sandbox'] } : {}) };
}

export default defineConfig({
  imports: false,
  webExt: devRunner(),
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.R2K_OUT_DIR ?? '.output',
  // The page-cost benchmark builds an extension whose only entry is an empty content script
  // (test/bench/browser/empty-extension), with this same configuration, as its baseline.
  entrypointsDir: process.env.R2K_ENTRYPOINTS_DIR ?? 'entrypoints',
  // `npm run zip:firefox` also writes AMO's source archive: what builds the package, not the
  // tests, the demo or the store assets (store/amo-review-notes.md tells reviewers how to build).
  zip: {
    excludeSources: [
      'test/**',
      'demo/**',
      'store/screenshots/**',
      '.ci/**',
      'scripts/demo/**',
      'scripts/demo.ts',
    ],
  },
  manifest: ({ browser, manifestVersion }) => ({
    // Name, description and the toolbar title come from the locale catalogues
    // (public/_locales/<locale>/messages.json), English by default.
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // scripting: registers the content script on the sites the user allows; activeTab: lets the
    // popup read the current tab's address to offer "Run on this site". Neither shows a warning.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    // The chart provider, and Stooq as the no-key fallback. Optional, asked for when needed:
    // Twelve Data (when the user enters a key), and all sites or single sites (options page,
    // popup). MV2 (Firefox) has no optional_host_permissions: there, optional origins go in
    // optional_permissions.
    host_permissions: [chartHostPermission, 'https://stooq.com/*'],
    ...(manifestVersion === 3
      ? { optional_host_permissions: [TWELVE_DATA_ORIGIN, ...ALL_SITES_ORIGINS] }
      : { optional_permissions: [TWELVE_DATA_ORIGIN, ...ALL_SITES_ORIGINS] }),
    action: { default_title: '__MSG_ext_actionTitle__' },
    // Keyboard access to the hover cards: step through the page's ticker mentions in reading
    // order (rebindable by the user in the browser's shortcut settings). Their descriptions, shown
    // in the browser's shortcut settings, come from the catalogues.
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: '__MSG_ext_commandNextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: '__MSG_ext_commandPreviousMention__',
      },
    },
    // The lazily loaded chunks, reachable only through this session's dynamic URL in Chrome
    // (`runtime.getURL` returns it): a page cannot fetch them to learn R2K Lens is installed.
    web_accessible_resources: [
      {
        resources: Object.keys(CHUNKS),
        matches: ['http://*/*', 'https://*/*'],
        ...(manifestVersion === 3 ? { use_dynamic_url: true } : {}),
      },
    ],
    // Firefox needs an add-on ID for storage.sync; R2K Lens collects no data. (Chrome would
    // warn about the unknown key, so only Firefox gets it.)
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: '{5d1b8a57-2f6e-4b8e-9c1a-6e2f4d9b7a31}',
              data_collection_permissions: { required: ['none' as const] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    'entrypoints:found': (_wxt, infos) => {
      if (testAttacker) {
        infos.push({
          name: 'attacker',
          inputPath: path.resolve('test/e2e/attacker/index.ts'),
          type: 'content-script',
        });
      }
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      if (!localPages) return;
      for (const script of manifest.content_scripts ?? []) {
        if (script.js?.includes(CONTENT_SCRIPT_FILE)) {
          script.matches = [...(script.matches ?? []), ...LOCAL_PAGE_MATCHES];
        }
      }
    },
    'build:publicAssets': async (wxt, files) => {
      for (const [relativeDest, entry] of Object.entries(CHUNKS)) {
        files.push({
          relativeDest,
          contents: await buildChunk(entry, wxt.config.mode === 'production'),
        });
      }
    },
  },
  vite: () => ({
    plugins: [preact(), quietContentScriptContext, lightContentScriptBrowser()],
    // Readable names in CPU profiles (`R2K_NO_MINIFY=1`, profiling only).
    ...(process.env.R2K_NO_MINIFY ? { build: { minify: false } } : {}),
    // Source maps for the bundle-composition report (`R2K_SOURCEMAP=1`, analysis only).
    ...(process.env.R2K_SOURCEMAP ? { build: { sourcemap: true } } : {}),
    define: {
      'import.meta.env.WXT_CHART_BASE_URL': JSON.stringify(chartBaseUrl),
    },
  }),
});
