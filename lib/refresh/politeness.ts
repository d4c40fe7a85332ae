/**
 * Everything that keeps us polite to providers (token buckets and backoff per provider) as one
 * serializable value, stored in the cache's `state` store so a restarted worker respects it.
 */
import * as v from 'valibot';
import type { ProviderId } from '../providers/provider-types';
import { NO_BACKOFF, type BackoffState } from './backoff';
import type { TokenBucketConfig, TokenBucketState } from './token-bucket';

/** Key of the politeness state in the cache's `state` store. */
export const POLITENESS_STATE_KEY = 'politeness';

/** Per-provider politeness. */
export interface ProviderPoliteness {
  bucket?: TokenBucketState;
  backoff: BackoffState;
}

/** The persisted politeness state (version 1). */
export interface PolitenessState {
  version: 1;
  providers: Partial<Record<ProviderId, ProviderPoliteness>>;
}

/**
 * Sustained rates well under each provider's published or observed limits. Yahoo publishes
 * none (bursts get HTTP 429); Twelve Data's free plan allows 8 requests per minute.
 */
export const DEFAULT_RATE_LIMITS: Record<ProviderId, TokenBucketConfig> = {
  yahoo: { capacity: 10, refillPerSecond: 1 },
  stooq: { capacity: 4, refillPerSecond: 0.2 },
  twelvedata: { capacity: 8, refillPerSecond: 8 / 60 },
};

const Finite = v.pipe(v.number(), v.finite());

const ProviderPolitenessSchema = v.object({
  bucket: v.optional(v.object({ tokens: Finite, updatedAt: Finite })),
  backoff: v.object({
    failures: v.pipe(Finite, v.integer(), v.minValue(0)),
    until: Finite,
    lastError: v.nullable(v.string()),
  }),
});

const PolitenessSchema = v.object({
  version: v.literal(1),
  providers: v.record(v.picklist(['yahoo', 'stooq', 'twelvedata']), ProviderPolitenessSchema),
});

/** A state with no history: full buckets, no backoff. */
export function emptyPoliteness(): PolitenessState {
  return { version: 1, providers: {} };
}

/**
 * Validates a stored value; anything unreadable (missing, older shape, tampered) becomes an
 * empty state rather than an error, which at worst costs one polite retry.
 */
export function restorePoliteness(stored: unknown): PolitenessState {
  const parsed = v.safeParse(PolitenessSchema, stored);
  if (!parsed.success) return emptyPoliteness();
  return parsed.output as PolitenessState;
}

/** The provider's entry, defaulting to no backoff and a full bucket. */
export function politenessOf(state: PolitenessState, id: ProviderId): ProviderPoliteness {
  return state.providers[id] ?? { backoff: NO_BACKOFF };
}
