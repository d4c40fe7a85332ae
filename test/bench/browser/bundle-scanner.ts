import { resolve } from 'node:path';
import { build } from 'esbuild';

/** The page scanner with the shipped detector (`page-entry.ts`), bundled as an IIFE to inject into a page. */
export async function bundleScanner(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, 'page-entry.ts')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    minify: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('scanner bundle produced no output');
  return file.text;
}
