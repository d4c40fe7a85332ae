/** Debian's Chromium, as the real-browser suite and the browser benchmarks launch it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for every launch here: no sandbox (CI runs as root), and no background traffic, which
 * this machine's closed network would refuse (component updates, sync, first-run pages).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
