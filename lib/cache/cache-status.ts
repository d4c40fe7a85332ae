/** Summaries of the fetch metadata for the popup's data-status view. Pure. */
import type { FetchMeta } from './db';

/** The latest successful fetch of any symbol, epoch ms, or `null` when everything is snapshot data. */
export function lastSuccessfulFetch(meta: readonly FetchMeta[]): number | null {
  let latest: number | null = null;
  for (const m of meta)
    if (m.fetchedAt !== null && (latest === null || m.fetchedAt > latest)) latest = m.fetchedAt;
  return latest;
}

/** Symbols whose latest attempt failed, newest first, at most `limit`. */
export function recentFailures(
  meta: readonly FetchMeta[],
  limit = 5,
): { symbol: string; message: string; kind: string; at: number }[] {
  return meta
    .flatMap((m) =>
      m.lastError
        ? [
            {
              symbol: m.symbol,
              message: m.lastError.message,
              kind: m.lastError.kind,
              at: m.lastError.at,
            },
          ]
        : [],
    )
    .toSorted((a, b) => b.at - a.at || a.symbol.localeCompare(b.symbol))
    .slice(0, limit);
}
