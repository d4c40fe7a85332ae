import { describe, expect, it } from 'vitest';
import { parseTwelveDataText, twelveDataUrl } from '../../../lib/providers/twelve-data';
import { fixtureText, kindOf } from './fixture';

function err(code: number, message: string): string {
  return JSON.stringify({ code, message, status: 'error' });
}

describe('parseTwelveDataText', () => {
  it('reorders newest-first string values into ascending numeric bars', () => {
    const s = parseTwelveDataText(fixtureText('twelvedata/AAPL-time_series.json'), 'AAPL');
    expect(s.bars).toHaveLength(49);
    expect(s.bars[0]).toMatchObject({ date: '2020-08-31', close: 125.82674, adjClose: 125.82674 });
    expect(s.bars.at(-1)).toMatchObject({ date: '2020-11-06', close: 115.93415 });
    expect(s.meta).toMatchObject({
      currency: 'USD',
      exchangeTimezone: 'America/New_York',
      instrumentType: 'Common Stock',
    });
    expect(s.closesAdjusted).toBe(true);
  });

  it('maps error bodies (sent with HTTP 200) to typed errors', () => {
    expect(
      kindOf(() =>
        parseTwelveDataText(
          err(429, 'You have run out of API credits for the current minute.'),
          'AAPL',
        ),
      ),
    ).toBe('rate-limited');
    expect(kindOf(() => parseTwelveDataText(err(400, '**symbol** not found: ZZZZ.'), 'ZZZZ'))).toBe(
      'unknown-symbol',
    );
    expect(
      kindOf(() =>
        parseTwelveDataText(err(400, 'No data is available on the specified dates.'), 'AAPL'),
      ),
    ).toBe('empty');
    expect(
      kindOf(() => parseTwelveDataText(err(401, '**apikey** parameter is incorrect.'), 'AAPL')),
    ).toBe('http');
    expect(
      kindOf(() =>
        parseTwelveDataText('{"meta":{"symbol":"AAPL"},"values":[],"status":"ok"}', 'AAPL'),
      ),
    ).toBe('empty');
    expect(kindOf(() => parseTwelveDataText('{"values":', 'AAPL'))).toBe('malformed');
    expect(kindOf(() => parseTwelveDataText('<html><body>502</body></html>', 'AAPL'))).toBe('html');
  });
});

describe('twelveDataUrl', () => {
  it('asks for adjusted daily bars with the key, and refuses indexes', () => {
    expect(twelveDataUrl('https://api.twelvedata.com', 'BRK-B', 'k')).toBe(
      'https://api.twelvedata.com/time_series?symbol=BRK.B&interval=1day&outputsize=5000&adjust=all&format=JSON&apikey=k',
    );
    expect(twelveDataUrl('https://api.twelvedata.com', '^RUT', 'k')).toBeNull();
  });
});

describe('parseTwelveData bounds (issue 12)', () => {
  it('drops a value whose close is negative and reads an infinite volume as unknown', () => {
    const body = JSON.parse(fixtureText('twelvedata/AAPL-time_series.json')) as {
      values: { close: string; volume: string }[];
    };
    body.values[0]!.close = '-115.9';
    body.values[1]!.volume = '1e999';
    const s = parseTwelveDataText(JSON.stringify(body), 'AAPL');
    expect(s.bars).toHaveLength(48);
    expect(s.bars.at(-1)).toMatchObject({ date: '2020-11-05', volume: null });
  });
});
