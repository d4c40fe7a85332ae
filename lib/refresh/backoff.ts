/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"),
 * honouring a server's `Retry-After`. Plain data in, plain data out, so the state persists.
 */
import type { ProviderErrorInfo, ProviderErrorKind } from '../providers/provider-error';

export interface BackoffConfig {
  /** First ceiling of the random delay, milliseconds. */
  baseMs: number;
  /** Largest ceiling, milliseconds. */
  capMs: number;
  /** Longest `Retry-After` honoured, milliseconds (a server asking for a day gets `maxRetryAfterMs`). */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffConfig = {
  baseMs: 15_000,
  capMs: 30 * 60_000,
  maxRetryAfterMs: 6 * 3_600_000,
};

/** A provider's backoff: consecutive failures and the instant (epoch ms) before which it rests. */
export interface BackoffState {
  failures: number;
  until: number;
  lastError: ProviderErrorKind | null;
}

export const NO_BACKOFF: BackoffState = { failures: 0, until: 0, lastError: null };

/**
 * True when the failure says the provider (not the symbol) is in trouble: rate limits, HTML
 * walls, timeouts, network errors and server errors. Unknown symbols, empty ranges, malformed
 * bodies and client errors other than 403/429 are about the request and do not slow the provider.
 */
export function isProviderFault(error: ProviderErrorInfo): boolean {
  switch (error.kind) {
    case 'rate-limited':
    case 'html':
    case 'timeout':
    case 'network':
      return true;
    case 'http':
      return error.status === undefined || error.status >= 500 || error.status === 403;
    default:
      return false;
  }
}

/**
 * The state after a provider fault at `now`: the delay is uniform in
 * `[0, min(capMs, baseMs * 2^failures))` ("full jitter", `random` in [0, 1)), and never shorter
 * than the server's `Retry-After` (capped at `maxRetryAfterMs`).
 */
export function backoffAfterFailure(
  state: BackoffState,
  error: ProviderErrorInfo,
  now: number,
  random: () => number,
  config: BackoffConfig = DEFAULT_BACKOFF,
): BackoffState {
  const failures = state.failures + 1;
  const ceiling = Math.min(config.capMs, config.baseMs * 2 ** (failures - 1));
  const jittered = Math.floor(random() * ceiling);
  const asked = Math.min(error.retryAfterMs ?? 0, config.maxRetryAfterMs);
  return { failures, until: now + Math.max(jittered, asked), lastError: error.kind };
}

/** True while the provider should not be asked. */
export function isBackingOff(state: BackoffState | undefined, now: number): boolean {
  return state !== undefined && now < state.until;
}
