/**
 * Yahoo Finance v8 chart endpoint: request URL and a validating parser for its JSON
 * (`chart.result[0]` with parallel `timestamp[]` / `indicators.quote[0]` arrays, `chart.error`
 * for unknown symbols). Pure: no fetching here.
 */
import * as v from 'valibot';
import { looksLikeHtml } from './content-sniff';
import { finishSeries, guardParse } from './finish-series';
import {
  cleanPrice,
  cleanVolume,
  isPlausibleEpochSeconds,
  MAX_GMT_OFFSET_SECONDS,
} from './plausibility';
import { ProviderError } from './provider-error';
import type { Bar, Dividend, ProviderSeries, Split } from './provider-types';
import { toYahooSymbol } from './symbol-map';
import { exchangeDate } from './trading-date';

/** The public host; the extension passes `import.meta.env.WXT_CHART_BASE_URL` when set instead. */
export const DEFAULT_YAHOO_CHART_BASE_URL = 'https://query1.finance.yahoo.com';

const NumberArray = v.array(v.nullable(v.number()));
const NullableString = v.nullish(v.string());
const NullableNumber = v.nullish(v.number());
/** Epoch seconds a calendar can hold and a market can have traded at (1850 to 2200). */
const EpochSeconds = v.pipe(
  v.number(),
  v.check(isPlausibleEpochSeconds, 'timestamp outside 1850-2200'),
);

const QuoteSchema = v.looseObject({
  open: v.optional(NumberArray),
  high: v.optional(NumberArray),
  low: v.optional(NumberArray),
  close: v.optional(NumberArray),
  volume: v.optional(NumberArray),
});

const ResultSchema = v.looseObject({
  meta: v.looseObject({
    symbol: NullableString,
    currency: NullableString,
    exchangeTimezoneName: NullableString,
    gmtoffset: v.nullish(
      v.pipe(v.number(), v.minValue(-MAX_GMT_OFFSET_SECONDS), v.maxValue(MAX_GMT_OFFSET_SECONDS)),
    ),
    instrumentType: NullableString,
    regularMarketPrice: NullableNumber,
    regularMarketTime: NullableNumber,
    dataGranularity: NullableString,
  }),
  timestamp: v.nullish(v.array(EpochSeconds)),
  indicators: v.looseObject({
    quote: v.array(QuoteSchema),
    adjclose: v.nullish(v.array(v.looseObject({ adjclose: v.nullish(NumberArray) }))),
  }),
  events: v.nullish(
    v.looseObject({
      splits: v.nullish(
        v.record(
          v.string(),
          v.looseObject({ date: EpochSeconds, numerator: v.number(), denominator: v.number() }),
        ),
      ),
      dividends: v.nullish(
        v.record(v.string(), v.looseObject({ date: EpochSeconds, amount: v.number() })),
      ),
    }),
  ),
});

/** Schema of the whole v8 chart body. Unknown fields are kept (Yahoo adds fields often). */
export const YahooChartSchema = v.looseObject({
  chart: v.looseObject({
    result: v.nullish(v.array(ResultSchema)),
    error: v.nullish(
      v.looseObject({ code: v.nullish(v.string()), description: v.nullish(v.string()) }),
    ),
  }),
});

export type YahooChartBody = v.InferOutput<typeof YahooChartSchema>;

/** Either a named range (`5d`, `1y`, `10y`, `max`) or an explicit window in epoch seconds. */
export type ChartWindow = { range: string } | { period1: number; period2: number };

/**
 * The daily chart URL for `symbol` (carets percent-encoded), asking for dividends and splits.
 * `baseUrl` is an origin without trailing slash, e.g. `http://127.0.0.1:4010` in tests.
 */
export function yahooChartUrl(
  baseUrl: string,
  symbol: string,
  window: ChartWindow = { range: '10y' },
): string {
  const params = new URLSearchParams();
  if ('range' in window) params.set('range', window.range);
  else {
    params.set('period1', String(Math.floor(window.period1)));
    params.set('period2', String(Math.floor(window.period2)));
  }
  params.set('interval', '1d');
  params.set('includePrePost', 'false');
  params.set('events', 'div|split');
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/v8/finance/chart/${encodeURIComponent(toYahooSymbol(symbol))}?${params.toString()}`;
}

/**
 * The shortest named range that reaches back past `since` (the last cached date) with a few days
 * of overlap, so the cache can splice new bars onto its history; `10y` when nothing is cached.
 */
export function chartRangeSince(since: string | undefined, nowMs: number): ChartWindow {
  if (since === undefined) return { range: '10y' };
  const days = (nowMs - Date.parse(`${since}T00:00:00Z`)) / 86_400_000;
  if (days <= 20) return { range: '1mo' };
  if (days <= 80) return { range: '3mo' };
  if (days <= 170) return { range: '6mo' };
  if (days <= 350) return { range: '1y' };
  if (days <= 5 * 360) return { range: '5y' };
  return { range: '10y' };
}

/** The price at `i`, `null` when missing or out of bounds (zero, negative, infinite, absurd). */
function priceAt(values: readonly (number | null)[] | null | undefined, i: number): number | null {
  return cleanPrice(values?.[i]);
}

function checkLength(
  name: string,
  values: readonly unknown[] | null | undefined,
  expected: number,
  symbol: string,
): void {
  if (values && values.length !== expected) {
    throw new ProviderError(
      'malformed',
      `Yahoo chart for ${symbol}: ${name} has ${values.length} values for ${expected} timestamps`,
    );
  }
}

/** Intraday granularities (`1m`, `5m`, `1h`) are folded into one bar per exchange day. */
function isIntraday(granularity: string | null | undefined): boolean {
  return typeof granularity === 'string' && /^\d+(m|h)$/.test(granularity);
}

function maxOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function minOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function foldIntoDay(prev: Bar, next: Bar): Bar {
  return {
    date: prev.date,
    open: prev.open ?? next.open,
    high: maxOf(prev.high, next.high),
    low: minOf(prev.low, next.low),
    close: next.close ?? prev.close,
    adjClose: null,
    volume:
      prev.volume === null && next.volume === null ? null : (prev.volume ?? 0) + (next.volume ?? 0),
  };
}

/**
 * Normalizes a decoded chart body. Rows whose close and adjusted close are both `null` (Yahoo
 * emits them for halts and for the live bar) are dropped; other `null` fields stay `null`. When a
 * day appears twice the later row wins. Intraday responses are folded to one bar per day with
 * `adjClose: null`. Timestamps must fall in 1850-2200 and `gmtoffset` within 18 hours; prices
 * are bounded and bad prints dropped by {@link finishSeries}.
 *
 * @throws ProviderError `unknown-symbol` for `chart.error` Not Found, `http` for other
 *   `chart.error`s, `malformed` when the schema, array lengths or bounds do not hold, `empty`
 *   when no usable bar remains. Nothing else.
 */
export function parseYahooChart(body: unknown, symbol: string): ProviderSeries {
  return guardParse(`Yahoo chart for ${symbol}`, () => readChart(body, symbol));
}

function readChart(body: unknown, symbol: string): ProviderSeries {
  const parsed = v.safeParse(YahooChartSchema, body);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new ProviderError(
      'malformed',
      `Yahoo chart for ${symbol} does not match the schema at ${path || 'root'}: ${issue.message}`,
    );
  }
  const { chart } = parsed.output;
  if (chart.error) {
    const code = chart.error.code ?? '';
    const description = chart.error.description ?? code;
    const kind =
      /not\s*found/i.test(code) || /no data found/i.test(description) ? 'unknown-symbol' : 'http';
    throw new ProviderError(kind, `Yahoo chart for ${symbol}: ${description}`);
  }
  const result = chart.result?.[0];
  if (!result) throw new ProviderError('empty', `Yahoo chart for ${symbol} has no result`);

  const { meta } = result;
  const tz = meta.exchangeTimezoneName ?? null;
  const gmtOffset = meta.gmtoffset ?? null;
  const timestamps = result.timestamp ?? [];
  const quote = result.indicators.quote[0];
  const adj = result.indicators.adjclose?.[0]?.adjclose;
  if (timestamps.length > 0 && !quote) {
    throw new ProviderError('malformed', `Yahoo chart for ${symbol} has timestamps but no quote`);
  }
  for (const key of ['open', 'high', 'low', 'close', 'volume'] as const) {
    checkLength(key, quote?.[key], timestamps.length, symbol);
  }
  checkLength('adjclose', adj, timestamps.length, symbol);

  const intraday = isIntraday(meta.dataGranularity);
  const byDate = new Map<string, Bar>();
  for (let i = 0; i < timestamps.length; i += 1) {
    const close = priceAt(quote?.close, i);
    const adjClose = intraday ? null : priceAt(adj, i);
    if (close === null && adjClose === null) continue;
    const bar: Bar = {
      date: exchangeDate(timestamps[i] as number, tz, gmtOffset),
      open: priceAt(quote?.open, i),
      high: priceAt(quote?.high, i),
      low: priceAt(quote?.low, i),
      close,
      adjClose,
      volume: cleanVolume(quote?.volume?.[i]),
    };
    const prev = byDate.get(bar.date);
    byDate.set(bar.date, intraday && prev ? foldIntoDay(prev, bar) : bar);
  }
  const bars = [...byDate.values()].toSorted((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  if (bars.length === 0) {
    throw new ProviderError(
      'empty',
      `Yahoo chart for ${symbol} has no bars in the requested range`,
    );
  }

  const splits: Split[] = Object.values(result.events?.splits ?? {})
    .map((s) => ({
      date: exchangeDate(s.date, tz, gmtOffset),
      numerator: s.numerator,
      denominator: s.denominator,
    }))
    .toSorted((a, b) => a.date.localeCompare(b.date));
  const dividends: Dividend[] = Object.values(result.events?.dividends ?? {})
    .map((d) => ({ date: exchangeDate(d.date, tz, gmtOffset), amount: d.amount }))
    .toSorted((a, b) => a.date.localeCompare(b.date));

  return finishSeries(
    {
      symbol,
      bars,
      meta: {
        currency: meta.currency ?? null,
        exchangeTimezone: tz,
        regularMarketPrice: meta.regularMarketPrice ?? null,
        regularMarketTime:
          meta.regularMarketTime === null || meta.regularMarketTime === undefined
            ? null
            : meta.regularMarketTime * 1000,
        instrumentType: meta.instrumentType ?? null,
      },
      splits,
      dividends,
      closesAdjusted: false,
    },
    `Yahoo chart for ${symbol}`,
  );
}

/**
 * Parses a raw response body: detects HTML by content (whatever the status), then JSON, then the
 * schema. A truncated or otherwise unparsable body is `malformed`; an empty body is `empty`.
 */
export function parseYahooChartText(text: string, symbol: string): ProviderSeries {
  return guardParse(`Yahoo chart for ${symbol}`, () => readChartText(text, symbol));
}

function readChartText(text: string, symbol: string): ProviderSeries {
  if (text.trim() === '') throw new ProviderError('empty', `Yahoo chart for ${symbol}: empty body`);
  if (looksLikeHtml(text)) {
    throw new ProviderError('html', `Yahoo chart for ${symbol}: got an HTML page instead of JSON`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ProviderError('malformed', `Yahoo chart for ${symbol}: body is not valid JSON`, {
      cause,
    });
  }
  return parseYahooChart(json, symbol);
}
