/** Chromium's id for an unpacked extension, so the demo can pin its toolbar button beforehand. */
import { createHash } from 'node:crypto';

/**
 * The id Chromium gives an extension loaded unpacked from `absolutePath` (one without a `key` in
 * its manifest): the SHA-256 of the path, its first 32 hex digits written with the letters a-p
 * (0 → a ... f → p). Chromium hashes the path as the operating system spells it (UTF-8 here;
 * Windows hashes its UTF-16 path, which this does not cover).
 */
export function unpackedExtensionId(absolutePath: string): string {
  const hex = createHash('sha256').update(absolutePath).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
}
