import { describe, expect, it } from 'vitest';
import { classifyFreshness } from '../../../lib/market-hours/freshness';
import { isRefreshDue, nextRefreshAt } from '../../../lib/market-hours/refresh-cadence';

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('classifyFreshness', () => {
  it('calls Friday’s settled close fresh all weekend', () => {
    const input = {
      asOf: '2026-02-20',
      fetchedAt: t('2026-02-20T22:00:00Z'),
      now: t('2026-02-22T12:00:00Z'),
    };
    expect(classifyFreshness(input)).toBe('fresh');
  });

  it('calls a bar fetched before the close stale once the session has closed', () => {
    const input = {
      asOf: '2026-02-20',
      fetchedAt: t('2026-02-20T20:30:00Z'),
      now: t('2026-02-20T23:00:00Z'),
    };
    expect(classifyFreshness(input)).toBe('stale');
  });

  it('during the session, is fresh for 20 minutes after a fetch, then stale', () => {
    const base = { asOf: '2026-02-19', fetchedAt: t('2026-02-20T15:00:00Z') };
    expect(classifyFreshness({ ...base, now: t('2026-02-20T15:19:00Z') })).toBe('fresh');
    expect(classifyFreshness({ ...base, now: t('2026-02-20T15:21:00Z') })).toBe('stale');
  });

  it('counts missing sessions, not calendar days, to expire', () => {
    // Tuesday 2026-02-17 after Presidents' Day weekend: a Thursday close misses only Friday.
    expect(classifyFreshness({ asOf: '2026-02-12', now: t('2026-02-17T12:00:00Z') })).toBe('stale');
    expect(classifyFreshness({ asOf: '2026-02-12', now: t('2026-02-21T12:00:00Z') })).toBe('stale');
    expect(classifyFreshness({ asOf: '2026-02-11', now: t('2026-02-21T12:00:00Z') })).toBe(
      'expired',
    );
    // Bundled snapshot data (no fetch time) up to the last close is fresh.
    expect(classifyFreshness({ asOf: '2026-02-20', now: t('2026-02-23T12:00:00Z') })).toBe('fresh');
  });
});

describe('nextRefreshAt', () => {
  it('is due now for a symbol never fetched', () => {
    const now = t('2026-02-21T12:00:00Z');
    expect(nextRefreshAt({ now })).toBe(now);
  });

  it('refreshes every 15 minutes while the market is open', () => {
    const now = t('2026-02-20T15:05:00Z');
    expect(
      iso(nextRefreshAt({ now, asOf: '2026-02-20', lastFetchAt: t('2026-02-20T15:00:00Z') })),
    ).toBe('2026-02-20T15:15:00.000Z');
  });

  it('after the close, fetches once the bar has settled (16:20 New York)', () => {
    const now = t('2026-02-20T21:05:00Z');
    expect(
      iso(nextRefreshAt({ now, asOf: '2026-02-20', lastFetchAt: t('2026-02-20T20:55:00Z') })),
    ).toBe('2026-02-20T21:20:00.000Z');
  });

  it('is quiet over a holiday weekend once up to date: next is 15 minutes after Tuesday’s open', () => {
    const now = t('2026-02-14T12:00:00Z');
    expect(
      iso(nextRefreshAt({ now, asOf: '2026-02-13', lastFetchAt: t('2026-02-13T22:00:00Z') })),
    ).toBe('2026-02-17T14:45:00.000Z');
    expect(isRefreshDue({ now, asOf: '2026-02-13', lastFetchAt: t('2026-02-13T22:00:00Z') })).toBe(
      false,
    );
  });

  it('retries hourly while closed and the latest close is still missing', () => {
    const now = t('2026-02-21T12:00:00Z');
    expect(
      iso(nextRefreshAt({ now, asOf: '2026-02-19', lastFetchAt: t('2026-02-21T11:30:00Z') })),
    ).toBe('2026-02-21T12:30:00.000Z');
  });

  it('never schedules before a provider backoff ends', () => {
    const now = t('2026-02-20T15:05:00Z');
    const backoffUntil = t('2026-02-20T16:00:00Z');
    expect(
      nextRefreshAt({
        now,
        asOf: '2026-02-20',
        lastFetchAt: t('2026-02-20T15:00:00Z'),
        backoffUntil,
      }),
    ).toBe(backoffUntil);
  });
});
