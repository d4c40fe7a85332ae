import { describe, expect, it } from 'vitest';
import {
  NO_BACKOFF,
  backoffAfterFailure,
  isBackingOff,
  isProviderFault,
} from '../../../lib/refresh/backoff';
import { emptyPoliteness, restorePoliteness } from '../../../lib/refresh/politeness';
import { takeToken } from '../../../lib/refresh/token-bucket';

describe('takeToken', () => {
  const config = { capacity: 2, refillPerSecond: 0.5 };
  it('allows a burst up to capacity, then asks to wait for the refill', () => {
    const a = takeToken(undefined, config, 0);
    const b = takeToken(a.state, config, 0);
    const c = takeToken(b.state, config, 0);
    expect([a.granted, b.granted, c.granted]).toEqual([true, true, false]);
    expect(c.waitMs).toBe(2000);
    expect(takeToken(c.state, config, 1999).granted).toBe(false);
    expect(takeToken(c.state, config, 2000).granted).toBe(true);
  });
  it('never refills beyond capacity nor when the clock goes backwards', () => {
    const drained = { tokens: 0, updatedAt: 10_000 };
    expect(takeToken(drained, config, 1_000_000).state.tokens).toBe(1);
    expect(takeToken(drained, config, 5_000).granted).toBe(false);
  });
});

describe('backoff with full jitter', () => {
  const config = { baseMs: 1000, capMs: 8000, maxRetryAfterMs: 60_000 };
  const http500 = { kind: 'http' as const, message: 'HTTP 500', status: 500 };

  it('draws the delay uniformly below base * 2^(failures-1), capped', () => {
    let s = NO_BACKOFF;
    const ceilings: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      s = backoffAfterFailure(s, http500, 0, () => 0.999999, config);
      ceilings.push(s.until);
    }
    expect(ceilings).toEqual([999, 1999, 3999, 7999, 7999, 7999]);
    expect(backoffAfterFailure(NO_BACKOFF, http500, 100, () => 0, config).until).toBe(100);
  });

  it('never retries before Retry-After, capped at maxRetryAfterMs', () => {
    const limited = {
      kind: 'rate-limited' as const,
      message: '429',
      status: 429,
      retryAfterMs: 30_000,
    };
    expect(backoffAfterFailure(NO_BACKOFF, limited, 5, () => 0.5, config).until).toBe(30_005);
    const huge = { ...limited, retryAfterMs: 86_400_000 };
    expect(backoffAfterFailure(NO_BACKOFF, huge, 0, () => 0.5, config).until).toBe(60_000);
    expect(isBackingOff({ failures: 1, until: 100, lastError: 'http' }, 99)).toBe(true);
    expect(isBackingOff({ failures: 1, until: 100, lastError: 'http' }, 100)).toBe(false);
  });

  it('backs off for provider faults, not for symbol problems', () => {
    const kinds = [
      { kind: 'rate-limited' as const, message: '' },
      { kind: 'html' as const, message: '' },
      { kind: 'timeout' as const, message: '' },
      { kind: 'network' as const, message: '' },
      { kind: 'http' as const, message: '', status: 503 },
      { kind: 'http' as const, message: '', status: 404 },
      { kind: 'unknown-symbol' as const, message: '' },
      { kind: 'empty' as const, message: '' },
      { kind: 'malformed' as const, message: '' },
    ];
    expect(kinds.map(isProviderFault)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('restorePoliteness', () => {
  it('round-trips a valid state through JSON and discards anything else', () => {
    const state = {
      version: 1 as const,
      providers: {
        yahoo: {
          bucket: { tokens: 3.5, updatedAt: 1000 },
          backoff: { failures: 2, until: 5000, lastError: 'rate-limited' as const },
        },
      },
    };
    expect(restorePoliteness(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(restorePoliteness(undefined)).toEqual(emptyPoliteness());
    expect(restorePoliteness({ version: 2, providers: {} })).toEqual(emptyPoliteness());
    expect(
      restorePoliteness({
        version: 1,
        providers: { yahoo: { backoff: { failures: -1, until: 0, lastError: null } } },
      }),
    ).toEqual(emptyPoliteness());
  });
});
