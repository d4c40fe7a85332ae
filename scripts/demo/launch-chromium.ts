/** The demo in Chromium or Chrome: a window on a fresh profile, or a headless screenshot. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { unpackedExtensionId } from './extension-id';
import { CHROMIUM_OFFLINE_ARGS } from './offline';
import { waitForCardChromium } from './card-ready';
import {
  SCREENSHOT_TARGET,
  SCREENSHOT_VIEWPORT,
  UNDERLINED_COUNT,
  textCentreSource,
} from './page-probe';

export interface ChromiumDemo {
  binary: string;
  extensionDir: string;
  url: string;
  online: boolean;
}

/**
 * Command-line flags of the demo's Chromium: the extension loaded (Chrome 137+ also needs the
 * `--load-extension` switch re-enabled; Chromium ignores that), no first-run pages, offline
 * unless asked, and no sandbox when running as root (Chromium refuses to start otherwise).
 */
export function chromiumDemoArgs(demo: ChromiumDemo, profile: string, asRoot: boolean): string[] {
  return [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${demo.extensionDir}`,
    `--load-extension=${demo.extensionDir}`,
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-component-update',
    ...(demo.online ? [] : CHROMIUM_OFFLINE_ARGS),
    ...(asRoot ? ['--no-sandbox'] : []),
  ];
}

/**
 * The profile's first preferences: R2K Lens's toolbar button pinned (Chromium keeps unpinned
 * extensions behind the puzzle-piece menu), so the popup is one click away.
 */
export function pinnedPreferences(extensionDir: string): string {
  return JSON.stringify({
    extensions: { pinned_extensions: [unpackedExtensionId(extensionDir)] },
    browser: { has_seen_welcome_page: true },
  });
}

/**
 * Removes a profile folder. Chromium's helper processes can still be writing to it for a moment
 * after the browser process exits, so this tries again for up to ten seconds.
 */
async function removeProfile(profile: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      rmSync(profile, { recursive: true, force: true });
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function freshProfile(extensionDir: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'r2k-demo-'));
  mkdirSync(path.join(profile, 'Default'), { recursive: true });
  writeFileSync(path.join(profile, 'Default', 'Preferences'), pinnedPreferences(extensionDir));
  return profile;
}

/** Opens the demo page in a Chromium window and waits until the window is closed. */
export async function runChromiumDemo(demo: ChromiumDemo): Promise<void> {
  const profile = freshProfile(demo.extensionDir);
  try {
    const child = spawn(demo.binary, [...chromiumDemoArgs(demo, profile, isRoot()), demo.url], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-4000);
    });
    // Ctrl+C or a terminating signal ends the browser first, so the profile can be removed.
    const stop = () => child.kill('SIGTERM');
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.removeListener(signal, stop);
    }
    if (code !== 0 && code !== null) {
      throw new Error(`${demo.binary} exited with status ${code}:\n${errors}`);
    }
  } finally {
    await removeProfile(profile);
  }
}

/** Writes what a person would see (the demo page with a card open) to `file`, headless. */
export async function chromiumScreenshot(demo: ChromiumDemo, file: string): Promise<void> {
  const profile = mkdtempSync(path.join(tmpdir(), 'r2k-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: demo.binary,
    headless: true,
    viewport: SCREENSHOT_VIEWPORT,
    args: chromiumDemoArgs(demo, profile, isRoot()).filter((a) => !a.startsWith('--user-data-dir')),
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(demo.url);
    // The first scan draws once the background (seeding its cache on a fresh profile) answers.
    await page.waitForFunction(`${UNDERLINED_COUNT} > 0`, undefined, { timeout: 60_000 });
    const at = (await page.evaluate(
      textCentreSource(SCREENSHOT_TARGET.selector, SCREENSHOT_TARGET.text),
    )) as { x: number; y: number } | null;
    if (!at) throw new Error(`${SCREENSHOT_TARGET.text} is not on the demo page`);
    await page.mouse.move(at.x - 40, at.y + 60);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await waitForCardChromium(page);
    await page.waitForTimeout(500);
    await page.screenshot({ path: file });
  } finally {
    await context.close();
    await removeProfile(profile);
  }
}
