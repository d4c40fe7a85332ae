/** A token bucket as plain data, so it can be persisted and restored by a restarted worker. */

/** Burst size and sustained rate. */
export interface TokenBucketConfig {
  /** Most requests allowed in a burst. */
  capacity: number;
  /** Tokens added per second (the sustained request rate). */
  refillPerSecond: number;
}

/** Bucket level at `updatedAt` (epoch ms). */
export interface TokenBucketState {
  tokens: number;
  updatedAt: number;
}

/** The result of asking for one request. */
export interface TokenGrant {
  granted: boolean;
  state: TokenBucketState;
  /** Milliseconds until a token will be available (0 when granted). */
  waitMs: number;
}

/**
 * Refills the bucket for the time elapsed since `state.updatedAt` (a clock that went backwards
 * refills nothing), then takes one token if there is one. A missing state is a full bucket.
 */
export function takeToken(
  state: TokenBucketState | undefined,
  config: TokenBucketConfig,
  now: number,
): TokenGrant {
  const elapsed = state ? Math.max(0, now - state.updatedAt) : 0;
  const level = state
    ? Math.min(config.capacity, state.tokens + (elapsed / 1000) * config.refillPerSecond)
    : config.capacity;
  if (level >= 1) return { granted: true, state: { tokens: level - 1, updatedAt: now }, waitMs: 0 };
  const waitMs =
    config.refillPerSecond > 0
      ? Math.ceil(((1 - level) / config.refillPerSecond) * 1000)
      : Infinity;
  return { granted: false, state: { tokens: level, updatedAt: now }, waitMs };
}
