/**
 * The demo's build of the extension: the shipped code with one build switch, `R2K_LOCAL_PAGES=1`,
 * which adds `http://127.0.0.1/*` and `http://*.localhost/*` to the content script's sites so it
 * runs on the demo page the demo serves locally. Written to `.output/demo/`, apart from the
 * shipped builds in `.output/chrome-mv3` and `.output/firefox-mv2`, which stay as they are.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BrowserKind } from './find-browser';

/** What a build is made from: newer files here mean the demo build is out of date. */
export const BUILD_INPUTS: readonly string[] = [
  'entrypoints',
  'components',
  'lib',
  'public',
  'wxt.config.ts',
  'package.json',
  'package-lock.json',
];

/** The demo build's folder for a browser. */
export function demoBuildDir(root: string, kind: BrowserKind): string {
  return path.join(root, '.output/demo', kind === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
}

/** The latest modification time (ms) of a file or of any file under a folder; 0 when absent. */
export function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when the demo build is missing or older than any of its inputs. */
export function demoBuildStale(root: string, kind: BrowserKind): boolean {
  const manifest = path.join(demoBuildDir(root, kind), 'manifest.json');
  if (!existsSync(manifest)) return true;
  const built = statSync(manifest).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > built);
}

/** Builds the demo build for `kind` (WXT, production mode); throws when the build fails. */
export function buildDemo(root: string, kind: BrowserKind): void {
  const args = ['wxt', 'build', ...(kind === 'firefox' ? ['-b', 'firefox'] : [])];
  const result = spawnSync('npx', args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, R2K_LOCAL_PAGES: '1', R2K_OUT_DIR: '.output/demo' },
  });
  if (result.status !== 0) throw new Error(`the demo build failed (npx ${args.join(' ')})`);
}
