/**
 * Which browser binary the demo and `npm run dev` start: the path given, else the environment's
 * (`CHROME_PATH`, `FIREFOX_PATH`), else the first of the usual install locations that exists.
 */
import { existsSync } from 'node:fs';

export type BrowserKind = 'chromium' | 'firefox';

/** Where Chromium and Chrome are usually installed (Debian's Chromium first), in order. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Where Firefox is usually installed (Debian's Firefox ESR first), in order. */
export const FIREFOX_CANDIDATES: readonly string[] = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

/**
 * The binary to start for `kind`: `explicit` (a `--browser PATH` argument) when given, else the
 * environment variable (`CHROME_PATH` for Chromium, `FIREFOX_PATH` for Firefox), else the first
 * candidate that exists. Returns null when none is found; an explicit or environment path is
 * returned as given (the launch then says if it is wrong).
 */
export function findBrowser(
  kind: BrowserKind,
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
  exists: (path: string) => boolean = existsSync,
): string | null {
  if (explicit) return explicit;
  const fromEnv = kind === 'chromium' ? env.CHROME_PATH : env.FIREFOX_PATH;
  if (fromEnv) return fromEnv;
  const candidates = kind === 'chromium' ? CHROMIUM_CANDIDATES : FIREFOX_CANDIDATES;
  return candidates.find((path) => exists(path)) ?? null;
}
