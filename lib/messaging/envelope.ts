/**
 * The wire shapes shared by every message: a request envelope `{ type, data }` and a reply that
 * either carries data or a human-readable error. Replies never throw across the message channel,
 * so the UI can always show what went wrong.
 */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };

/** Symbols as the extension spells them: Yahoo style, `^RUT`, `BRK.B`, `RDS-A`, 1-12 characters. */
export const SYMBOL_PATTERN = /^\^?[A-Z0-9][A-Z0-9.\-=]{0,11}$/;

/** True for a syntactically valid symbol (see `SYMBOL_PATTERN`). */
export function isSymbol(value: unknown): value is string {
  return typeof value === 'string' && SYMBOL_PATTERN.test(value);
}
