import { describe, expect, it } from 'vitest';
import {
  parseYahooChart,
  parseYahooChartText,
  yahooChartUrl,
} from '../../../lib/providers/yahoo-chart';
import { kindOf, yahooBody } from './fixture';

describe('parseYahooChart on recorded responses', () => {
  it('turns AAPL 2020-08-31..11-07 into 49 ascending bars with raw and adjusted closes', () => {
    const s = parseYahooChart(yahooBody('chart-AAPL-2020-08-31-to-2020-11-07.json'), 'AAPL');
    expect(s.bars).toHaveLength(49);
    expect(s.bars[0]).toEqual({
      date: '2020-08-31',
      open: 127.58000183105469,
      high: expect.any(Number),
      low: expect.any(Number),
      close: 129.0399932861328,
      adjClose: 125.82673645019531,
      volume: 225702700,
    });
    expect(s.bars.at(-1)?.date).toBe('2020-11-06');
    expect(s.bars.at(-1)?.close).toBe(118.69000244140625);
    expect(s.closesAdjusted).toBe(false);
  });

  it('reads the 4:1 split and the dividend of the AAPL window as exchange-local dates', () => {
    const s = parseYahooChart(yahooBody('chart-AAPL-2020-08-31-to-2020-11-07.json'), 'AAPL');
    expect(s.splits).toEqual([{ date: '2020-08-31', numerator: 4, denominator: 1 }]);
    expect(s.dividends).toEqual([{ date: '2020-11-06', amount: 0.205 }]);
  });

  it('reads the NVDA 2021 4:1 split and four MSFT dividends', () => {
    const nvda = parseYahooChart(
      yahooBody('historical-via-chart-NVDA-split-2021-02-01-to-2022-01-31.csv.json'),
      'NVDA',
    );
    expect(nvda.bars).toHaveLength(252);
    expect(nvda.splits).toEqual([{ date: '2021-07-20', numerator: 4, denominator: 1 }]);
    const msft = parseYahooChart(
      yahooBody('historical-via-chart-MSFT-dividends-2021-02-01-to-2022-01-31.csv.json'),
      'MSFT',
    );
    expect(msft.dividends.map((d) => [d.date, d.amount])).toEqual([
      ['2021-02-17', 0.56],
      ['2021-05-19', 0.56],
      ['2021-08-18', 0.56],
      ['2021-11-17', 0.62],
    ]);
  });

  it('keeps the meta fields the card shows, with regularMarketTime in milliseconds', () => {
    const s = parseYahooChart(yahooBody('chart-EPAC-2020-01-01-to-2020-01-03.json'), 'EPAC');
    expect(s.meta).toEqual({
      currency: 'USD',
      exchangeTimezone: 'America/New_York',
      regularMarketPrice: 47.26,
      regularMarketTime: 1739998802000,
      instrumentType: 'EQUITY',
    });
    expect(s.bars).toEqual([
      expect.objectContaining({ date: '2020-01-02', close: 26.15999984741211 }),
    ]);
  });

  it('dates foreign listings in their own exchange zone and keeps their currency', () => {
    const wsu = parseYahooChart(yahooBody('chart-WSU.DE-2023-08-04-to-2023-08-09.json'), 'WSU.DE');
    expect(wsu.meta.currency).toBe('EUR');
    expect(wsu.bars.map((b) => b.date)).toEqual(['2023-08-04', '2023-08-07', '2023-08-08']);
    expect(wsu.bars[1]?.adjClose).toBe(32.206233978271484);
    const ocdo = parseYahooChart(yahooBody('chart-OCDO.L-2020-01-01-to-2020-01-03.json'), 'OCDO.L');
    expect([ocdo.meta.currency, ocdo.bars[0]?.date, ocdo.bars[0]?.close]).toEqual([
      'GBp',
      '2020-01-02',
      1259.5,
    ]);
    const jk = parseYahooChart(yahooBody('chart-WSKT.JK-2020-01-01-to-2020-01-03.json'), 'WSKT.JK');
    expect([jk.meta.currency, jk.bars[0]?.date, jk.bars[0]?.close]).toEqual([
      'IDR',
      '2020-01-02',
      1505,
    ]);
  });

  it('handles around-the-clock instruments stamped at UTC midnight', () => {
    const btc = parseYahooChart(
      yahooBody('chart-BTC-USD-2020-01-01-to-2020-01-03.json'),
      'BTC-USD',
    );
    expect(btc.meta.instrumentType).toBe('CRYPTOCURRENCY');
    expect(btc.bars.map((b) => b.date)).toEqual(['2020-01-01', '2020-01-02', '2020-01-03']);
    for (const name of [
      'chart-EURUSD=X-2020-01-01-to-2020-01-03.json',
      'chart-GC=F-2020-01-01-to-2020-01-03.json',
      'chart-0P000071W8.TO-2020-01-01-to-2020-01-03.json',
      'chart-QQQ-2020-01-01-to-2020-01-03.json',
    ]) {
      expect(parseYahooChart(yahooBody(name), 'X').bars.length).toBeGreaterThan(0);
    }
  });

  it('parses the index symbol ^RUT (derived body from real bars)', () => {
    const rut = parseYahooChart(yahooBody('derived-IDX_RUT-2025-02-to-2026-02-20.json'), '^RUT');
    expect(rut.meta.instrumentType).toBe('INDEX');
    expect(rut.bars).toHaveLength(260);
    expect(rut.bars.at(-1)).toMatchObject({ date: '2026-02-20', close: 2663.78 });
  });

  it('parses the full TSLA history (3303 bars) without dividends', () => {
    const tsla = parseYahooChart(
      yahooBody('historical-via-chart-dividends-TSLA-no-dividends.min.json'),
      'TSLA',
    );
    expect(tsla.bars).toHaveLength(3303);
    expect(tsla.bars[0]?.date).toBe('2010-06-29');
    expect(tsla.bars.at(-1)).toMatchObject({ date: '2023-08-11', close: 242.64999389648438 });
    expect(tsla.dividends).toEqual([]);
  });

  it('drops all-null rows and keeps partial nulls as null', () => {
    const s = parseYahooChart(yahooBody('derived-AAPL-nulls.json'), 'AAPL');
    expect(s.bars).toHaveLength(48);
    expect(s.bars.map((b) => b.date)).not.toContain('2020-09-03');
    const sep8 = s.bars.find((b) => b.date === '2020-09-08');
    expect(sep8?.volume).toBeNull();
    expect(sep8?.close).toBe(112.81999969482422);
    expect(s.bars.find((b) => b.date === '2020-09-09')?.open).toBeNull();
  });
});

describe('parseYahooChart failures', () => {
  it('maps chart.error Not Found to unknown-symbol', () => {
    expect(
      kindOf(() => parseYahooChart(yahooBody('derived-unknown-symbol-404.json'), 'ZZZZ')),
    ).toBe('unknown-symbol');
  });

  it('calls an empty range (recorded 1m request over a weekend) empty', () => {
    const body = yahooBody(
      'chart-AAPL-2025-02-01-to-2025-02-02-includePrePost-false-interval-1m.json',
    );
    expect(kindOf(() => parseYahooChart(body, 'AAPL'))).toBe('empty');
  });

  it('calls a null result empty and a missing chart malformed', () => {
    expect(kindOf(() => parseYahooChart({ chart: { result: [], error: null } }, 'X'))).toBe(
      'empty',
    );
    expect(kindOf(() => parseYahooChart({ finance: {} }, 'X'))).toBe('malformed');
  });

  it('rejects arrays whose length differs from the timestamps', () => {
    const body = structuredClone(yahooBody('chart-AAPL-2020-08-31-to-2020-11-07.json')) as {
      chart: { result: { indicators: { quote: { close: number[] }[] } }[] };
    };
    body.chart.result[0]!.indicators.quote[0]!.close.pop();
    expect(kindOf(() => parseYahooChart(body, 'AAPL'))).toBe('malformed');
  });

  it('detects truncated JSON, HTML and empty bodies from the text', () => {
    const text = JSON.stringify(yahooBody('chart-QQQ-2020-01-01-to-2020-01-03.json'));
    expect(kindOf(() => parseYahooChartText(text.slice(0, text.length / 2), 'QQQ'))).toBe(
      'malformed',
    );
    expect(
      kindOf(() => parseYahooChartText('<!DOCTYPE html><html><body>consent</body></html>', 'QQQ')),
    ).toBe('html');
    expect(kindOf(() => parseYahooChartText('  ', 'QQQ'))).toBe('empty');
    expect(parseYahooChartText(text, 'QQQ').bars[0]?.date).toBe('2020-01-02');
  });

  it('folds intraday bars into one bar per exchange day', () => {
    const day = 1738333800; // 2025-01-31 09:30 New York
    const body = {
      chart: {
        result: [
          {
            meta: { exchangeTimezoneName: 'America/New_York', dataGranularity: '1m' },
            timestamp: [day, day + 60, day + 120],
            indicators: {
              quote: [
                {
                  open: [10, 11, null],
                  high: [12, 13, 11],
                  low: [9, 10, 8],
                  close: [11, null, 10.5],
                  volume: [100, 200, 50],
                },
              ],
            },
          },
        ],
        error: null,
      },
    };
    const s = parseYahooChart(body, 'AAPL');
    expect(s.bars).toEqual([
      // The middle minute has no close, so it is dropped like any null row (its high of 13 too).
      { date: '2025-01-31', open: 10, high: 12, low: 8, close: 10.5, adjClose: null, volume: 150 },
    ]);
  });
});

describe('yahooChartUrl', () => {
  it('encodes the caret and asks for daily bars with dividends and splits', () => {
    expect(yahooChartUrl('http://127.0.0.1:4010/', '^RUT', { range: '10y' })).toBe(
      'http://127.0.0.1:4010/v8/finance/chart/%5ERUT?range=10y&interval=1d&includePrePost=false&events=div%7Csplit',
    );
    expect(
      yahooChartUrl('https://query1.finance.yahoo.com', 'iwm', { period1: 1, period2: 2 }),
    ).toContain('/chart/IWM?period1=1&period2=2&interval=1d');
  });
});

describe('parseYahooChart bounds (issue 12)', () => {
  type Body = {
    chart: {
      result: {
        indicators: { quote: Record<string, (number | null)[]>[] };
        events: { dividends: Record<string, { amount: number; date: number }> };
      }[];
    };
  };

  it('drops negative dividends and negative closes, and reads infinite volumes as unknown', () => {
    const body = structuredClone(
      yahooBody('historical-via-chart-MSFT-dividends-2021-02-01-to-2022-01-31.csv.json'),
    ) as Body;
    const r = body.chart.result[0]!;
    const [first] = Object.keys(r.events.dividends);
    r.events.dividends[first as string]!.amount = -0.56;
    r.indicators.quote[0]!.volume![3] = Infinity;
    r.indicators.quote[0]!.close![7] = -240;
    const s = parseYahooChart(body, 'MSFT');
    expect(s.dividends.map((d) => d.amount)).toEqual([0.56, 0.56, 0.62]);
    expect(s.bars[3]?.volume).toBeNull();
    // The quoted close of bar 7 is gone; its adjusted close still carries the bar.
    expect(s.bars[7]?.close).toBeNull();
    expect(s.bars[7]?.adjClose).toBeGreaterThan(200);
    expect(s.bars).toHaveLength(252);
  });
});
