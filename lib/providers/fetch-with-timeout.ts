/**
 * The one place that touches the network: a `fetch` (injected, `globalThis.fetch` by default) with
 * a hard time limit that covers reading the body too, turning every failure into a typed
 * {@link ProviderError}.
 */
import { ProviderError } from './provider-error';

/** The part of `fetch` this module needs; tests and the e2e server inject their own. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Default time limit, milliseconds: well under the 30 s a Chrome service worker grants a fetch
 * event, leaving room for a fallback provider inside the same wake-up.
 */
export const DEFAULT_TIMEOUT_MS = 8_000;

/** A fully read HTTP answer. */
export interface HttpAnswer {
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

export interface FetchWithTimeoutOptions {
  fetch?: FetchLike;
  /** Milliseconds before the request (headers and body) is abandoned. */
  timeoutMs?: number;
  /** Aborts the request early (e.g. the worker is shutting down). */
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * GETs `url` and reads the whole body as text within `timeoutMs`. Any HTTP status is returned,
 * not thrown: deciding what a 404 or 429 means is the provider's job.
 *
 * @throws ProviderError `timeout` when the limit passes first, `network` when `fetch` rejects
 *   (refused connection, DNS, offline, aborted by `signal`) or the body stream breaks.
 */
export async function fetchWithTimeout(
  url: string,
  options: FetchWithTimeoutOptions = {},
): Promise<HttpAnswer> {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('timeout', 'TimeoutError'));
  }, timeoutMs);
  const onOuterAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onOuterAbort();
  else options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    const init: RequestInit = {
      signal: controller.signal,
      credentials: 'omit',
      redirect: 'follow',
    };
    if (options.headers) init.headers = options.headers;
    const response = await doFetch(url, init);
    const text = await response.text();
    return { url, status: response.status, headers: response.headers, text };
  } catch (cause) {
    if (timedOut) {
      throw new ProviderError('timeout', `No complete answer within ${timeoutMs} ms`, { cause });
    }
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ProviderError('network', `Request failed: ${message}`, { cause });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}
