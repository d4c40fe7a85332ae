/**
 * Vitest setup: WXT's fake browser has no `i18n`; give it the English catalogue, filled in as the
 * browsers do (lib/i18n/message-format.ts), so components render their English text in tests.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatMessage, type MessageCatalog } from '../../lib/i18n/message-format';
import catalogue from '../../public/_locales/en/messages.json';

const english: MessageCatalog = catalogue;

fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) =>
  formatMessage(
    english[name],
    substitutions === undefined
      ? []
      : Array.isArray(substitutions)
        ? substitutions
        : [substitutions],
  )) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-US';
