/**
 * Twelve Data `time_series` (the keyed provider): request URL and a validating parser for its JSON
 * (`meta`, `values[]` newest first with numbers as strings, `status`). Twelve Data reports errors
 * in the body (`{"code":429,"message":...,"status":"error"}`), often with HTTP 200, so the body
 * decides. Pure: no fetching here.
 *
 * Why Twelve Data rather than Alpha Vantage: Alpha Vantage moved TIME_SERIES_DAILY_ADJUSTED to its
 * premium plan, so a free key would only ever see the "premium endpoint" notice.
 */
import * as v from 'valibot';
import { looksLikeHtml } from './content-sniff';
import { finishSeries, guardParse } from './finish-series';
import { cleanPrice, cleanVolume } from './plausibility';
import { ProviderError } from './provider-error';
import type { Bar, ProviderSeries } from './provider-types';
import { toTwelveDataSymbol } from './symbol-map';
import { isIsoDate } from './trading-date';

export const DEFAULT_TWELVE_DATA_BASE_URL = 'https://api.twelvedata.com';

const NumericString = v.pipe(v.string(), v.trim());

const ValueSchema = v.looseObject({
  datetime: v.string(),
  open: v.nullish(NumericString),
  high: v.nullish(NumericString),
  low: v.nullish(NumericString),
  close: v.nullish(NumericString),
  volume: v.nullish(NumericString),
});

/** A successful `time_series` body. */
export const TwelveDataSeriesSchema = v.looseObject({
  meta: v.looseObject({
    symbol: v.string(),
    currency: v.nullish(v.string()),
    exchange_timezone: v.nullish(v.string()),
    type: v.nullish(v.string()),
  }),
  values: v.array(ValueSchema),
  status: v.literal('ok'),
});

/** An error body (`status: "error"`), whatever the HTTP status was. */
export const TwelveDataErrorSchema = v.looseObject({
  code: v.number(),
  message: v.string(),
  status: v.literal('error'),
});

/**
 * The daily `time_series` URL, split- and dividend-adjusted (`adjust=all`), up to 5000 bars.
 * Returns `null` when Twelve Data has no spelling for the symbol. The key goes in the query
 * string as Twelve Data documents; it is never logged by this module.
 */
export function twelveDataUrl(
  baseUrl: string,
  symbol: string,
  apiKey: string,
  outputSize = 5000,
): string | null {
  const s = toTwelveDataSymbol(symbol);
  if (s === null) return null;
  const params = new URLSearchParams({
    symbol: s,
    interval: '1day',
    outputsize: String(outputSize),
    adjust: 'all',
    format: 'JSON',
    apikey: apiKey,
  });
  return `${baseUrl.replace(/\/+$/, '')}/time_series?${params.toString()}`;
}

function num(s: string | null | undefined): number | null {
  if (s === null || s === undefined || s === '') return null;
  const x = Number(s);
  return Number.isFinite(x) ? x : null;
}

/**
 * Normalizes a decoded `time_series` body (oldest first). `adjust=all` makes every close an
 * adjusted close, so `closesAdjusted` is true and `adjClose` equals `close`.
 *
 * Prices are bounded and bad prints dropped by {@link finishSeries}.
 *
 * @throws ProviderError `rate-limited` for code 429, `unknown-symbol` for a symbol-not-found
 *   message, `empty` for "no data is available", `http` for other error codes (bad key: 401),
 *   `malformed` when the schema does not hold, `empty` when no usable bar remains. Nothing else.
 */
export function parseTwelveData(body: unknown, symbol: string): ProviderSeries {
  return guardParse(`Twelve Data for ${symbol}`, () => readTimeSeries(body, symbol));
}

function readTimeSeries(body: unknown, symbol: string): ProviderSeries {
  const error = v.safeParse(TwelveDataErrorSchema, body);
  if (error.success) {
    const { code, message } = error.output;
    if (code === 429)
      throw new ProviderError('rate-limited', `Twelve Data: ${message}`, { status: 429 });
    if (/not found|invalid symbol/i.test(message) || code === 404) {
      throw new ProviderError('unknown-symbol', `Twelve Data for ${symbol}: ${message}`, {
        status: code,
      });
    }
    if (/no data is available/i.test(message)) {
      throw new ProviderError('empty', `Twelve Data for ${symbol}: ${message}`, { status: code });
    }
    throw new ProviderError('http', `Twelve Data for ${symbol}: ${message}`, { status: code });
  }
  const parsed = v.safeParse(TwelveDataSeriesSchema, body);
  if (!parsed.success) {
    throw new ProviderError(
      'malformed',
      `Twelve Data for ${symbol} does not match the schema: ${parsed.issues[0].message}`,
    );
  }
  const { meta, values } = parsed.output;
  const byDate = new Map<string, Bar>();
  for (const row of values) {
    const date = row.datetime.slice(0, 10);
    if (!isIsoDate(date)) {
      throw new ProviderError(
        'malformed',
        `Twelve Data for ${symbol}: bad datetime "${row.datetime}"`,
      );
    }
    const close = cleanPrice(num(row.close));
    if (close === null) continue;
    byDate.set(date, {
      date,
      open: cleanPrice(num(row.open)),
      high: cleanPrice(num(row.high)),
      low: cleanPrice(num(row.low)),
      close,
      adjClose: close,
      volume: cleanVolume(num(row.volume)),
    });
  }
  const bars = [...byDate.values()].toSorted((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  if (bars.length === 0) throw new ProviderError('empty', `Twelve Data for ${symbol} has no bars`);
  return finishSeries(
    {
      symbol,
      bars,
      meta: {
        currency: meta.currency ?? null,
        exchangeTimezone: meta.exchange_timezone ?? null,
        regularMarketPrice: null,
        regularMarketTime: null,
        instrumentType: meta.type ?? null,
      },
      splits: [],
      dividends: [],
      closesAdjusted: true,
    },
    `Twelve Data for ${symbol}`,
  );
}

/** Parses a raw body: HTML is detected by content, then JSON, then {@link parseTwelveData}. */
export function parseTwelveDataText(text: string, symbol: string): ProviderSeries {
  return guardParse(`Twelve Data for ${symbol}`, () => readTimeSeriesText(text, symbol));
}

function readTimeSeriesText(text: string, symbol: string): ProviderSeries {
  if (text.trim() === '') throw new ProviderError('empty', `Twelve Data for ${symbol}: empty body`);
  if (looksLikeHtml(text)) {
    throw new ProviderError('html', `Twelve Data for ${symbol}: got an HTML page instead of JSON`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ProviderError('malformed', `Twelve Data for ${symbol}: body is not valid JSON`, {
      cause,
    });
  }
  return parseTwelveData(json, symbol);
}
