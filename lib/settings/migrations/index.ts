/**
 * Every step between stored settings versions, one pure function per step (Read Frog style):
 * `SETTINGS_MIGRATIONS[n]` turns a version n-1 object into a version n one. The storage item runs
 * them when it finds an older version stored; an import runs them on an older file.
 */
import { migrateV1ToV2 } from './v1-to-v2';

export const SETTINGS_MIGRATIONS: Readonly<Record<number, (old: unknown) => unknown>> = {
  2: migrateV1ToV2,
};

/**
 * Runs the steps from `fromVersion` up to `toVersion` in order. Throws when a step is missing
 * (a version gap is a programming error, caught by the migration tests).
 */
export function migrateSettings(value: unknown, fromVersion: number, toVersion: number): unknown {
  let current = value;
  for (let version = fromVersion + 1; version <= toVersion; version += 1) {
    const step = SETTINGS_MIGRATIONS[version];
    if (!step) throw new Error(`no settings migration to version ${version}`);
    current = step(current);
  }
  return current;
}
