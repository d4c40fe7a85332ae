/**
 * The `messages.json` format of WebExtension locales (`public/_locales/<locale>/messages.json`)
 * and how the browsers fill a message in, for the places that read a catalogue without a browser
 * (the unit tests' fake `i18n.getMessage`, the locale checks). Pure.
 */

/** One message: its text, a note for translators, and named placeholders. */
export interface MessageEntry {
  message: string;
  description?: string;
  /** `$name$` in the message is replaced by `content`, in which `$1`…`$9` are the substitutions. */
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** A locale's messages by name. */
export type MessageCatalog = Record<string, MessageEntry>;

function substitute(text: string, substitutions: readonly string[]): string {
  return text.replace(/\$(\$|[1-9])/g, (_, d: string) =>
    d === '$' ? '$' : (substitutions[Number(d) - 1] ?? ''),
  );
}

/**
 * A message with its substitutions filled in, as Chrome and Firefox do: each `$name$`
 * (case-insensitive) becomes its placeholder's content with `$1`…`$9` replaced by the
 * substitutions, and `$$` becomes `$`. An unknown message is the empty string (as
 * `i18n.getMessage` returns for a missing name).
 */
export function formatMessage(
  entry: MessageEntry | undefined,
  substitutions: readonly string[] = [],
): string {
  if (!entry) return '';
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = placeholders.get(name.toLowerCase());
    return content === undefined ? whole : substitute(content, substitutions);
  });
  return named.replace(/\$\$/g, '$');
}

/** The placeholder names a message uses, lower-cased and sorted (they must match across locales). */
export function placeholderNames(entry: MessageEntry): string[] {
  return [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)]
    .map((m) => (m[1] as string).toLowerCase())
    .toSorted();
}
