import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCES_DIR } from '../../../lib/snapshot/source-files';

/** A raw source file as committed under lib/snapshot/sources (never read from shared data). */
export function source(path: string): string {
  return readFileSync(join(SOURCES_DIR, path), 'utf8');
}
