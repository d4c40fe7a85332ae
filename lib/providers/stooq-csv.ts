/**
 * Stooq daily CSV: request URL and a validating parser. Stooq answers HTTP 200 for almost
 * everything (an HTML page, an "API key" page, a hits-limit notice, the text `No data`), so the
 * body is classified by content, never by status alone. Pure: no fetching here.
 */
import { looksLikeApiKeyOrLimitPage, looksLikeHtml } from './content-sniff';
import { finishSeries, guardParse } from './finish-series';
import { cleanPrice, cleanVolume } from './plausibility';
import { ProviderError } from './provider-error';
import type { Bar, ProviderSeries } from './provider-types';
import { toStooqSymbol } from './symbol-map';
import { isIsoDate } from './trading-date';

export const DEFAULT_STOOQ_BASE_URL = 'https://stooq.com';

/**
 * The daily CSV download URL (`/q/d/l/?s=iwm.us&i=d`), optionally bounded by `from`/`to`
 * (`YYYY-MM-DD`, inclusive). Returns `null` when Stooq has no spelling for the symbol.
 */
export function stooqCsvUrl(
  baseUrl: string,
  symbol: string,
  window: { from?: string; to?: string } = {},
): string | null {
  const s = toStooqSymbol(symbol);
  if (s === null) return null;
  const params = new URLSearchParams({ s, i: 'd' });
  if (window.from) params.set('d1', window.from.replaceAll('-', ''));
  if (window.to) params.set('d2', window.to.replaceAll('-', ''));
  return `${baseUrl.replace(/\/+$/, '')}/q/d/l/?${params.toString()}`;
}

function num(cell: string | undefined): number | null {
  if (cell === undefined) return null;
  const t = cell.trim();
  if (t === '' || t.toLowerCase() === 'null' || t === 'N/D') return null;
  const x = Number(t);
  return Number.isFinite(x) ? x : null;
}

/** A price cell: `null` when empty, unreadable or out of bounds (see `cleanPrice`). */
function price(cell: string | undefined): number | null {
  return cleanPrice(num(cell));
}

function compactToIso(d: string): string {
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

/**
 * Parses a Stooq daily CSV: the download endpoint's `Date,Open,High,Low,Close[,Volume]` with ISO
 * dates, or the bulk-file `<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>`
 * with `YYYYMMDD` dates. Stooq's prices are adjusted for splits and dividends, so
 * `closesAdjusted` is true and `adjClose` equals `close`. Stooq gives no instrument metadata: all
 * `meta` fields are `null` except the currency of `.us` listings (USD).
 *
 * Prices are bounded and bad prints dropped by {@link finishSeries}.
 *
 * @throws ProviderError `html` for an HTML page, `rate-limited` for an API-key or hits-limit page,
 *   `unknown-symbol` for `No data`, `empty` for a header without rows, `malformed` otherwise.
 *   Nothing else.
 */
export function parseStooqCsv(text: string, symbol: string): ProviderSeries {
  return guardParse(`Stooq CSV for ${symbol}`, () => readCsv(text, symbol));
}

function readCsv(text: string, symbol: string): ProviderSeries {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new ProviderError('empty', `Stooq CSV for ${symbol}: empty body`);
  if (looksLikeHtml(body)) {
    const kind = looksLikeApiKeyOrLimitPage(body) ? 'rate-limited' : 'html';
    throw new ProviderError(kind, `Stooq for ${symbol}: got an HTML page instead of CSV`);
  }
  if (/^\s*no data\s*$/i.test(body)) {
    throw new ProviderError('unknown-symbol', `Stooq has no data for ${symbol}`);
  }
  if (looksLikeApiKeyOrLimitPage(body)) {
    throw new ProviderError('rate-limited', `Stooq for ${symbol}: ${body.trim().slice(0, 120)}`);
  }
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '')
    .split(',')
    .map((h) => h.trim().replace(/^<|>$/g, '').toLowerCase());
  const idx = (name: string) => header.indexOf(name);
  const bulk = header.includes('ticker') && header.includes('per');
  const iDate = idx('date');
  const iClose = idx('close');
  if (iDate < 0 || iClose < 0) {
    throw new ProviderError(
      'malformed',
      `Stooq CSV for ${symbol}: unexpected header "${lines[0]}"`,
    );
  }
  const iOpen = idx('open');
  const iHigh = idx('high');
  const iLow = idx('low');
  const iVol = bulk ? idx('vol') : idx('volume');
  const iPer = idx('per');

  const byDate = new Map<string, Bar>();
  for (let n = 1; n < lines.length; n += 1) {
    const cells = (lines[n] as string).split(',');
    if (bulk && iPer >= 0 && cells[iPer]?.trim() !== 'D') continue;
    const rawDate = (cells[iDate] ?? '').trim();
    const date = bulk && /^\d{8}$/.test(rawDate) ? compactToIso(rawDate) : rawDate;
    if (!isIsoDate(date)) {
      throw new ProviderError(
        'malformed',
        `Stooq CSV for ${symbol}: bad date "${rawDate}" on line ${n + 1}`,
      );
    }
    const close = price(cells[iClose]);
    if (close === null) continue;
    byDate.set(date, {
      date,
      open: iOpen >= 0 ? price(cells[iOpen]) : null,
      high: iHigh >= 0 ? price(cells[iHigh]) : null,
      low: iLow >= 0 ? price(cells[iLow]) : null,
      close,
      adjClose: close,
      volume: iVol >= 0 ? cleanVolume(num(cells[iVol])) : null,
    });
  }
  const bars = [...byDate.values()].toSorted((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  if (bars.length === 0) throw new ProviderError('empty', `Stooq CSV for ${symbol} has no rows`);
  const stooqSymbol = toStooqSymbol(symbol);
  return finishSeries(
    {
      symbol,
      bars,
      meta: {
        currency: stooqSymbol?.endsWith('.us') ? 'USD' : null,
        exchangeTimezone: 'America/New_York',
        regularMarketPrice: null,
        regularMarketTime: null,
        instrumentType: symbol.startsWith('^') ? 'INDEX' : null,
      },
      splits: [],
      dividends: [],
      closesAdjusted: true,
    },
    `Stooq CSV for ${symbol}`,
  );
}
