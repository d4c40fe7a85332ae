/** Why a provider request failed, in the terms the refresh layer and the UI act on. */
export type ProviderErrorKind =
  /** The provider says it does not know the symbol (Yahoo `chart.error` Not Found, Stooq "No data"). */
  | 'unknown-symbol'
  /** The body is not what the schema expects (truncated JSON, missing arrays, bad numbers). */
  | 'malformed'
  /** An HTML page arrived where data was expected, whatever the status code. */
  | 'html'
  /** A well-formed answer without a single usable bar. */
  | 'empty'
  /** HTTP 429, 503 with Retry-After, or a provider's own "slow down" / "API key" message. */
  | 'rate-limited'
  /** Any other non-2xx status. */
  | 'http'
  /** No complete answer within the time limit. */
  | 'timeout'
  /** The request never got an HTTP answer (DNS, refused connection, offline). */
  | 'network'
  /** The provider cannot serve this symbol at all (no mapping), so it is skipped, not retried. */
  | 'unsupported';

/** A typed provider failure; `retryAfterMs` is set when the server said how long to wait. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly kind: ProviderErrorKind;
  /** HTTP status, when an answer arrived. */
  readonly status: number | undefined;
  /** Milliseconds the server asked us to wait (`Retry-After`), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    options: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** A plain-data view of a failure, safe to persist and to send over the message bus. */
export interface ProviderErrorInfo {
  kind: ProviderErrorKind;
  message: string;
  status?: number;
  retryAfterMs?: number;
}

/**
 * Turns anything thrown by a provider call into plain data. Network failures always arrive as
 * `ProviderError`s (`fetchWithTimeout` types every rejection of `fetch`), so any other throw is
 * an answer we could not handle (a `RangeError` from a date, a bug): it counts as `malformed`,
 * which is about that answer and does not back the provider off. Its message is kept.
 */
export function toProviderErrorInfo(error: unknown): ProviderErrorInfo {
  if (error instanceof ProviderError) {
    const info: ProviderErrorInfo = { kind: error.kind, message: error.message };
    if (error.status !== undefined) info.status = error.status;
    if (error.retryAfterMs !== undefined) info.retryAfterMs = error.retryAfterMs;
    return info;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'malformed', message };
}
