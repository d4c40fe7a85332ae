import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SITE_MATCHES } from '../../lib/site-access/default-sites';
import {
  CONTENT_SCRIPT_FILE,
  templateFromManifest,
  type ManifestContentScript,
} from '../../lib/site-access/registration';

/** The production builds (built by `.ci/run` before this suite). */
const MANIFEST = '.output/chrome-mv3/manifest.json';
const FIREFOX_MANIFEST = '.output/firefox-mv2/manifest.json';
const REVIEWED = 'test/e2e/manifest.reviewed.json';

type Manifest = {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: ManifestContentScript[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  commands?: Record<string, { suggested_key?: Record<string, string>; description?: string }>;
};

function load(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The parts of the manifest a reviewer signs off: permissions, hosts, scripts, exposed files. */
function reviewable(m: Manifest) {
  return {
    permissions: [...(m.permissions ?? [])].toSorted(),
    host_permissions: [...(m.host_permissions ?? [])].toSorted(),
    optional_host_permissions: [...(m.optional_host_permissions ?? [])].toSorted(),
    content_script_matches: (m.content_scripts ?? []).map((c) => [...(c.matches ?? [])].toSorted()),
    web_accessible_resources: m.web_accessible_resources ?? [],
    // Keyboard shortcuts: a reviewer checks they do not take keys the browser or pages need.
    commands: m.commands ?? {},
  };
}

/** Every file of a build folder, relative to it. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
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
    for (const match of script.matches ?? []) {
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

test('the shipped builds run only on the default sites and carry no test-only code', () => {
  for (const [file, dir] of [
    [MANIFEST, '.output/chrome-mv3'],
    [FIREFOX_MANIFEST, '.output/firefox-mv2'],
  ] as const) {
    const manifest = load(file);
    assert.deepEqual(
      (manifest.content_scripts ?? []).map((c) => c.js),
      [[CONTENT_SCRIPT_FILE]],
      `${file}: one content script, R2K Lens's own`,
    );
    assert.deepEqual(
      [...(manifest.content_scripts?.[0]?.matches ?? [])].toSorted(),
      [...DEFAULT_SITE_MATCHES].toSorted(),
      `${file}: the default sites, no local pages`,
    );
    assert.ok(existsSync(dir), `${dir} is built`);
    const testOnly = filesOf(dir).filter((f) => /attacker/i.test(f));
    assert.deepEqual(testOnly, [], `${dir} has no test-only files`);
    for (const script of filesOf(dir).filter((name) => name.endsWith('.js'))) {
      const text = readFileSync(path.join(dir, script), 'utf8');
      assert.ok(!text.includes('attackResults'), `${script} holds no attacker code`);
    }
  }
});

test('content scripts registered at run time copy the manifest’s options, in both browsers', () => {
  for (const file of [MANIFEST, FIREFOX_MANIFEST]) {
    const manifest = load(file);
    const script = manifest.content_scripts?.find((c) => c.js?.includes(CONTENT_SCRIPT_FILE));
    assert.ok(script, `${file} has the content script`);
    const template = templateFromManifest(manifest);
    assert.ok(template, `${file}: a registration template`);
    assert.deepEqual(template.js, script.js);
    assert.deepEqual(template.css, script.css);
    assert.equal(template.allFrames, script.all_frames ?? false);
    assert.equal(template.runAt, script.run_at ?? 'document_idle');
    assert.equal(
      template.matchOriginAsFallback,
      script.match_origin_as_fallback ?? script.match_about_blank ?? false,
    );
    assert.deepEqual(template.excludeMatches, script.matches, 'never twice on a default site');
  }
});
