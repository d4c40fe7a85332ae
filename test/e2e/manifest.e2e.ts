import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';

/** The production Chrome build (built by `.ci/run` before this suite). */
const MANIFEST = '.output/chrome-mv3/manifest.json';
const REVIEWED = 'test/e2e/manifest.reviewed.json';

type Manifest = {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  commands?: Record<string, { suggested_key?: Record<string, string>; description?: string }>;
};

function load(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The parts of the manifest a reviewer signs off: permissions, hosts, scripts, exposed files. */
function reviewable(m: Manifest) {
  return {
    permissions: [...(m.permissions ?? [])].toSorted(),
    host_permissions: [...(m.host_permissions ?? [])].toSorted(),
    optional_host_permissions: [...(m.optional_host_permissions ?? [])].toSorted(),
    content_script_matches: (m.content_scripts ?? []).map((c) => [...c.matches].toSorted()),
    web_accessible_resources: m.web_accessible_resources ?? [],
    // Keyboard shortcuts: a reviewer checks they do not take keys the browser or pages need.
    commands: m.commands ?? {},
  };
}

test('every permission and host in the built manifest is explained in the README', () => {
  const manifest = load(MANIFEST);
  const readme = readFileSync('README.md', 'utf8');
  const permissionsSection = readme.slice(readme.indexOf('## Permissions'));
  for (const p of [
    ...(manifest.permissions ?? []),
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
  ]) {
    assert.ok(permissionsSection.includes(`\`${p}\``), `README's Permissions table lacks ${p}`);
  }
  for (const script of manifest.content_scripts ?? []) {
    for (const match of script.matches) {
      assert.ok(
        permissionsSection.includes(`\`${match}\``),
        `README lacks content-script match ${match}`,
      );
    }
  }
});

test('the built manifest matches the reviewed one', () => {
  const actual = reviewable(load(MANIFEST));
  if (process.env.UPDATE_REVIEWED_MANIFEST)
    writeFileSync(REVIEWED, `${JSON.stringify(actual, null, 2)}\n`);
  assert.deepEqual(actual, JSON.parse(readFileSync(REVIEWED, 'utf8')));
});
