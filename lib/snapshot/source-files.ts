import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogueFiles } from './catalogue';
import type { SnapshotCatalogue } from './catalogue';

/**
 * Build-time only (Node): the snapshot's raw sources, kept in the repository beside this file.
 * Nothing in the extension imports this module.
 */
export const SOURCES_DIR = fileURLToPath(new URL('./sources/', import.meta.url));

/**
 * Reads every file the catalogue names from `sourcesDir` as UTF-8 text, keyed by its path relative
 * to that folder (the shape `buildSnapshot` takes). Throws if a file is missing.
 */
export function readSourceTexts(
  catalogue: SnapshotCatalogue,
  sourcesDir: string = SOURCES_DIR,
): Record<string, string> {
  return Object.fromEntries(
    catalogueFiles(catalogue).map((file) => [file, readFileSync(join(sourcesDir, file), 'utf8')]),
  );
}
