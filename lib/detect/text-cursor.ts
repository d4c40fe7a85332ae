/**
 * Character tests and small look-around helpers over a string, by UTF-16 code unit. Everything
 * works on char codes so the scanner never builds regexes or substrings it does not need.
 */

/** `A`-`Z`. */
export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** `a`-`z`. */
export function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** `0`-`9`. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A character that continues a word: ASCII letters, digits and `_` (so `NODE_ENV` is one word),
 * and letters of the Latin-1 and Latin Extended blocks (so `Nestlé` is one word). NaN (out of
 * range) is not.
 */
export function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95;
  return c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7;
}

/** Space, tab, no-break space or a line break. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}

/** The span of a word, from `start` to `end` (exclusive). */
export interface WordSpan {
  start: number;
  end: number;
}

/** End of the word that starts at `start` (first index that is not a word character). */
export function wordEnd(text: string, start: number): number {
  let j = start;
  while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
  return j;
}

/**
 * The next word at or after `from`, skipping at most `maxGap` spaces (no punctuation), or
 * undefined. Used for phrases like "Russell 2000" and "shares rose".
 */
export function nextWord(text: string, from: number, maxGap = 3): WordSpan | undefined {
  let i = from;
  let gap = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) {
    i++;
    if (++gap > maxGap) return undefined;
  }
  if (i >= text.length || !isWordChar(text.charCodeAt(i))) return undefined;
  return { start: i, end: wordEnd(text, i) };
}

/** The word that ends at or before `to` with only spaces between, or undefined. */
export function previousWord(text: string, to: number, maxGap = 3): WordSpan | undefined {
  let i = to;
  let gap = 0;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) {
    i--;
    if (++gap > maxGap) return undefined;
  }
  if (i <= 0 || !isWordChar(text.charCodeAt(i - 1))) return undefined;
  let s = i;
  while (s > 0 && isWordChar(text.charCodeAt(s - 1))) s--;
  return { start: s, end: i };
}

/** Whether `text` has `word` at `start`, followed by a non-word character or the end. */
export function wordAt(text: string, start: number, word: string): boolean {
  return text.startsWith(word, start) && !isWordChar(text.charCodeAt(start + word.length));
}

/** The slice of a word span, lower-cased. */
export function lowerWord(text: string, span: WordSpan | undefined): string {
  return span ? text.slice(span.start, span.end).toLowerCase() : '';
}
