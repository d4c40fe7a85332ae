/**
 * The release's facts agree wherever they are written: the version (package.json, the
 * changelog's newest section), the store listing and the manifest's catalogue messages, and the
 * stores' length limits on the name and the description.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MessageCatalog } from '../../lib/i18n/message-format';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

function catalogue(locale: string): MessageCatalog {
  return JSON.parse(
    readFileSync(`public/_locales/${locale}/messages.json`, 'utf8'),
  ) as MessageCatalog;
}

describe('release', () => {
  it('has one version, and the changelog’s newest section is it', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    const changelog = readFileSync('CHANGELOG.md', 'utf8');
    const newest = /^## (\d+\.\d+\.\d+)/m.exec(changelog)?.[1];
    expect(newest).toBe(pkg.version);
    expect(readFileSync('wxt.config.ts', 'utf8')).not.toMatch(/version:\s*'/);
  });

  it.each(readdirSync('public/_locales'))(
    '%s: the name and description fit the stores (Chrome: 75 and 132 characters; AMO: 50)',
    (locale) => {
      const messages = catalogue(locale);
      expect(messages.ext_name?.message.length).toBeLessThanOrEqual(50);
      expect(messages.ext_description?.message.length).toBeLessThanOrEqual(132);
    },
  );

  it('the store listing quotes the manifest’s descriptions', () => {
    const listing = readFileSync('store/listing.md', 'utf8');
    expect(listing).toContain(`> ${catalogue('en').ext_description?.message}`);
    expect(listing).toContain(`> ${catalogue('de').ext_description?.message}`);
  });
});
