/** What a non-2xx HTTP status means to the refresh layer. */
import { ProviderError } from './provider-error';
import type { HttpAnswer } from './fetch-with-timeout';
import { parseRetryAfter } from './retry-after';

/**
 * Returns the error a non-2xx answer stands for, or `null` for 2xx. 429 is always
 * `rate-limited`; 503 is `rate-limited` when it carries `Retry-After` (the server asked for a
 * pause) and `http` otherwise; every other status is `http`. `retryAfterMs` is filled from the
 * header whenever present (seconds or HTTP-date, relative to `nowMs`).
 */
export function errorForStatus(
  answer: HttpAnswer,
  provider: string,
  nowMs: number,
): ProviderError | null {
  const { status } = answer;
  if (status >= 200 && status < 300) return null;
  const retryAfterMs = parseRetryAfter(answer.headers.get('retry-after'), nowMs);
  const options = retryAfterMs === undefined ? { status } : { status, retryAfterMs };
  if (status === 429 || (status === 503 && retryAfterMs !== undefined)) {
    return new ProviderError('rate-limited', `${provider} answered HTTP ${status}`, options);
  }
  return new ProviderError('http', `${provider} answered HTTP ${status}`, options);
}
