/**
 * The one way user-facing text is written: `t('status_refreshNow')`, through the browser's
 * `i18n.getMessage` and the locale catalogues in `public/_locales/<locale>/messages.json`
 * (English is the default locale; see CONTRIBUTING.md, "Adding a locale"). A thin adapter: it
 * works in extension pages, the background and content scripts alike, synchronously.
 *
 * Conventions: a key is `<area>_<camelCaseName>` (`popup_`, `status_`, `markets_`, `options_`,
 * `site_`, `chart_`, `bg_`, `common_`, `ext_` for the manifest); every substitution has a named
 * placeholder (`$count$`) with an example for translators; numbers and dates are formatted with
 * `Intl` (lib/format) before they are substituted; counts use {@link tPlural}.
 */
import { browser } from 'wxt/browser';

/** Every message name of the default (English) catalogue. */
export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/** A base name `x` for which both `x_one` and `x_other` exist. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_one`
    ? `${Base}_other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/**
 * The message `key` in the browser's language, with `substitutions` filled in (numbers are
 * written with `String`: format them first). A message missing from the catalogue shows its key
 * (the locale test keeps that from shipping).
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  // WXT types getMessage from the catalogue as of the last `wxt prepare`; MessageKey is read
  // from the catalogue itself, so it is never behind.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  const text = getMessage(key, substitutions.map(String));
  return text === '' ? key : text;
}

/**
 * The message for `count` things: `<key>_one` or `<key>_other` as the language's plural rules
 * choose for `count` (`Intl.PluralRules`); the count is the first substitution, written with
 * `formattedCount` when given (e.g. "1,924").
 */
export function tPlural(
  key: PluralKey,
  count: number,
  formattedCount: string = String(count),
  ...more: (string | number)[]
): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, formattedCount, ...more);
}

/** The browser's UI language (`en-US`, `de`), which picks the catalogue. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
