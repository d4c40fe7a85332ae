/**
 * A local HTTP server on 127.0.0.1 that speaks the three providers' wire formats and serves the
 * recorded fixtures of test/fixtures/providers, with per-symbol fault injection. Unit tests, the
 * benches and the real-browser suite (via `WXT_CHART_BASE_URL=<origin>`) all use it, so the real
 * fetch path runs end to end without touching the network.
 *
 * Routes (one origin for all three providers, pass it as each provider's base URL):
 * - Yahoo v8 chart: `GET /v8/finance/chart/{SYMBOL}?...` -> the symbol's chart body, or Yahoo's
 *   404 `chart.error` body for unknown symbols.
 * - Stooq: `GET /q/d/l/?s=spy.us&i=d` -> CSV, or `No data`.
 * - Twelve Data: `GET /time_series?symbol=AAPL&apikey=...` -> JSON (401-style error without a key).
 *
 * Programmatic only: `const server = await startProviderServer(); ... await server.stop();`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

/** Which provider a route belongs to. */
export type FixtureProvider = 'yahoo' | 'stooq' | 'twelvedata';

/** How to answer instead of (or on the way to) the fixture. */
export type Fault =
  /** Any status with an optional body and headers. */
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  /** 429 (or 503) with `Retry-After` (seconds like `"120"` or an HTTP-date). */
  | { kind: 'rate-limit'; status?: 429 | 503; retryAfter: string }
  /** Sends headers at once and the body after `delayMs` (`stage: 'body'`), or waits before anything (`'headers'`). */
  | { kind: 'slow'; delayMs: number; stage?: 'headers' | 'body' }
  /** HTTP 200 with the first half of the real body. */
  | { kind: 'truncated' }
  /** HTTP 200 with an HTML page (a consent wall; for Stooq an "API key" page). */
  | { kind: 'html' }
  /** HTTP 200 with a well-formed answer holding no bars. */
  | { kind: 'empty' }
  /** The provider's own unknown-symbol answer. */
  | { kind: 'unknown-symbol' }
  /** The connection is destroyed without an answer. */
  | { kind: 'reset' };

/** One request the server saw. */
export interface SeenRequest {
  provider: FixtureProvider;
  symbol: string;
  url: string;
  at: number;
}

export interface ProviderServerOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Yahoo chart bodies by Yahoo symbol; defaults to {@link recordedYahooBodies}. */
  yahoo?: Record<string, unknown>;
  /** Stooq CSV bodies by Stooq symbol (`spy.us`); defaults to {@link recordedStooqBodies}. */
  stooq?: Record<string, string>;
  /** Twelve Data bodies by Twelve Data symbol; defaults to {@link recordedTwelveDataBodies}. */
  twelveData?: Record<string, unknown>;
}

export interface ProviderServer {
  /** `http://127.0.0.1:<port>`: the base URL for every provider. */
  readonly origin: string;
  /** Every request so far, oldest first. */
  readonly requests: SeenRequest[];
  /**
   * Makes `provider` answer `symbol` (or every symbol with `'*'`) with `fault`, for the next
   * `times` requests (default: until cleared). A symbol-specific fault wins over `'*'`.
   */
  setFault(provider: FixtureProvider, symbol: string, fault: Fault, times?: number): void;
  clearFaults(): void;
  /** Adds or replaces a fixture body. */
  setBody(provider: FixtureProvider, symbol: string, body: unknown): void;
  /** Removes a fixture, so the symbol becomes unknown. */
  deleteBody(provider: FixtureProvider, symbol: string): void;
  /** Closes the server and every open connection (including stalled slow answers). */
  stop(): Promise<void>;
}

const FIXTURES = fileURLToPath(new URL('../fixtures/providers/', import.meta.url));

/**
 * Chart bodies the server knows by default, keyed by Yahoo symbol (`meta.symbol`): every recorded
 * and derived daily fixture; when a symbol has several, the one with the most bars.
 */
export function recordedYahooBodies(): Record<string, unknown> {
  type Body = { chart?: { result?: { meta?: { symbol?: string }; timestamp?: number[] }[] } };
  const out: Record<string, Body> = {};
  const skip = /^(derived-unknown-symbol|derived-AAPL-nulls)|interval-1m/;
  for (const name of readdirSync(`${FIXTURES}yahoo-chart`).toSorted()) {
    if (!name.endsWith('.json') || skip.test(name)) continue;
    const file = JSON.parse(readFileSync(`${FIXTURES}yahoo-chart/${name}`, 'utf8')) as {
      response?: { bodyJson?: Body };
    };
    const body = file.response?.bodyJson ?? (file as Body);
    const result = body.chart?.result?.[0];
    const symbol = result?.meta?.symbol;
    if (!symbol) continue;
    const bars = (b: Body | undefined) => b?.chart?.result?.[0]?.timestamp?.length ?? 0;
    if (bars(body) > bars(out[symbol])) out[symbol] = body;
  }
  return out;
}

/** Stooq CSV bodies by Stooq symbol. */
export function recordedStooqBodies(): Record<string, string> {
  return {
    'spy.us': readFileSync(`${FIXTURES}stooq/spy.us.csv`, 'utf8'),
    'qqq.us': readFileSync(`${FIXTURES}stooq/qqq.us.csv`, 'utf8'),
  };
}

/** Twelve Data bodies by Twelve Data symbol. */
export function recordedTwelveDataBodies(): Record<string, unknown> {
  return {
    AAPL: JSON.parse(
      readFileSync(`${FIXTURES}twelvedata/AAPL-time_series.json`, 'utf8'),
    ) as unknown,
  };
}

const YAHOO_NOT_FOUND = JSON.stringify({
  chart: {
    result: null,
    error: { code: 'Not Found', description: 'No data found, symbol may be delisted' },
  },
});

const CONSENT_HTML =
  '<!DOCTYPE html><html lang="en"><head><title>Before you continue</title></head>' +
  '<body><form action="/consent">We use cookies...</form></body></html>';

const STOOQ_APIKEY_HTML =
  '<!DOCTYPE html><html><head><title>Stooq</title></head><body>' +
  'To download data, get your apikey: <a href="/q/d/?get_apikey">Get API key</a></body></html>';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function json(status: number, body: string): Answer {
  return { status, headers: { 'content-type': 'application/json;charset=utf-8' }, body };
}

function csv(body: string): Answer {
  return { status: 200, headers: { 'content-type': 'text/csv' }, body };
}

/** Which provider and symbol a request is for, or `null` for an unknown route. */
function route(url: URL): { provider: FixtureProvider; symbol: string } | null {
  const chart = /^\/v8\/finance\/chart\/([^/]+)$/.exec(url.pathname);
  if (chart)
    return { provider: 'yahoo', symbol: decodeURIComponent(chart[1] as string).toUpperCase() };
  if (url.pathname === '/q/d/l/' || url.pathname === '/q/d/l') {
    return { provider: 'stooq', symbol: (url.searchParams.get('s') ?? '').toLowerCase() };
  }
  if (url.pathname === '/time_series') {
    return {
      provider: 'twelvedata',
      symbol: (url.searchParams.get('symbol') ?? '').toUpperCase(),
    };
  }
  return null;
}

/** Starts the server on 127.0.0.1. */
export async function startProviderServer(
  options: ProviderServerOptions = {},
): Promise<ProviderServer> {
  const bodies: Record<FixtureProvider, Map<string, unknown>> = {
    yahoo: new Map(Object.entries(options.yahoo ?? recordedYahooBodies())),
    stooq: new Map(Object.entries(options.stooq ?? recordedStooqBodies())),
    twelvedata: new Map(Object.entries(options.twelveData ?? recordedTwelveDataBodies())),
  };
  const faults = new Map<string, { fault: Fault; remaining: number }>();
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();

  function takeFault(provider: FixtureProvider, symbol: string): Fault | undefined {
    for (const key of [`${provider}:${symbol}`, `${provider}:*`]) {
      const entry = faults.get(key);
      if (!entry) continue;
      entry.remaining -= 1;
      if (entry.remaining <= 0) faults.delete(key);
      return entry.fault;
    }
    return undefined;
  }

  function fixtureAnswer(provider: FixtureProvider, symbol: string, url: URL): Answer {
    const body = bodies[provider].get(symbol);
    if (provider === 'yahoo')
      return body === undefined ? json(404, YAHOO_NOT_FOUND) : json(200, JSON.stringify(body));
    if (provider === 'stooq') return body === undefined ? csv('No data') : csv(String(body));
    if (!url.searchParams.get('apikey')) {
      return json(
        200,
        JSON.stringify({
          code: 401,
          message: '**apikey** parameter is incorrect or not specified.',
          status: 'error',
        }),
      );
    }
    return body === undefined
      ? json(
          200,
          JSON.stringify({
            code: 400,
            message: `**symbol** not found: ${symbol}.`,
            status: 'error',
          }),
        )
      : json(200, JSON.stringify(body));
  }

  function faultAnswer(fault: Fault, provider: FixtureProvider, real: Answer): Answer | null {
    switch (fault.kind) {
      case 'status':
        return {
          status: fault.status,
          headers: { 'content-type': 'text/plain', ...fault.headers },
          body: fault.body ?? '',
        };
      case 'rate-limit':
        return {
          status: fault.status ?? 429,
          headers: { 'content-type': 'text/plain', 'retry-after': fault.retryAfter },
          body: 'Too Many Requests',
        };
      case 'truncated':
        return { ...real, status: 200, body: real.body.slice(0, Math.floor(real.body.length / 2)) };
      case 'html':
        return {
          status: 200,
          headers: { 'content-type': 'text/html; charset=utf-8' },
          body: provider === 'stooq' ? STOOQ_APIKEY_HTML : CONSENT_HTML,
        };
      case 'empty':
        if (provider === 'yahoo') {
          return json(
            200,
            JSON.stringify({
              chart: {
                result: [
                  { meta: { currency: 'USD', dataGranularity: '1d' }, indicators: { quote: [{}] } },
                ],
                error: null,
              },
            }),
          );
        }
        if (provider === 'stooq') return csv('Date,Open,High,Low,Close,Volume\r\n');
        return json(200, JSON.stringify({ meta: { symbol: 'X' }, values: [], status: 'ok' }));
      case 'unknown-symbol':
        if (provider === 'yahoo') return json(404, YAHOO_NOT_FOUND);
        if (provider === 'stooq') return csv('No data');
        return json(
          200,
          JSON.stringify({ code: 400, message: '**symbol** not found.', status: 'error' }),
        );
      default:
        return null; // slow and reset are handled by the caller
    }
  }

  function later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const target = route(url);
    if (!target || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
      return;
    }
    requests.push({ ...target, url: url.pathname + url.search, at: Date.now() });
    const real = fixtureAnswer(target.provider, target.symbol, url);
    const fault = takeFault(target.provider, target.symbol);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    const answer = (fault && faultAnswer(fault, target.provider, real)) ?? real;
    const send = () => {
      if (!res.headersSent) res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    };
    if (fault?.kind === 'slow') {
      if (fault.stage === 'headers') {
        later(fault.delayMs, send);
      } else {
        res.writeHead(answer.status, answer.headers);
        res.write(answer.body.slice(0, 16));
        later(fault.delayMs, () => res.end(answer.body.slice(16)));
      }
      return;
    }
    send();
  }

  const server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    setFault(provider, symbol, fault, times = Infinity) {
      faults.set(`${provider}:${symbol}`, { fault, remaining: times });
    },
    clearFaults: () => faults.clear(),
    setBody(provider, symbol, body) {
      bodies[provider].set(symbol, body);
    },
    deleteBody(provider, symbol) {
      bodies[provider].delete(symbol);
    },
    stop() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
  };
}
