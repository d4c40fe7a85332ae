import { browser } from 'wxt/browser';

/**
 * Imports one of the extension's lazily loaded ES-module chunks (see `CHUNKS` in wxt.config.ts),
 * in the content script's isolated world. The chunks are added by a build hook, so WXT's
 * `PublicPath` type does not list them.
 */
export async function loadChunk<T>(file: string): Promise<T> {
  const getURL = browser.runtime.getURL as (path: string) => string;
  return (await import(/* @vite-ignore */ getURL(`/${file}`))) as T;
}
