import { describe, expect, it } from 'vitest';
import { parseStooqCsv, stooqCsvUrl } from '../../../lib/providers/stooq-csv';
import { fixtureText, kindOf } from './fixture';

describe('parseStooqCsv', () => {
  it('parses the /q/d/l/ download format (SPY, CRLF) with adjusted closes', () => {
    const s = parseStooqCsv(fixtureText('stooq/spy.us.csv'), 'SPY');
    expect(s.bars).toHaveLength(30);
    expect(s.bars[0]).toEqual({
      date: '2026-05-20',
      open: 735.71,
      high: 741.87,
      low: 733.89,
      close: 741.25,
      adjClose: 741.25,
      volume: 45768035,
    });
    expect(s.bars.at(-1)).toMatchObject({ date: '2026-07-02', close: 744.78 });
    expect(s.closesAdjusted).toBe(true);
    expect(s.meta.currency).toBe('USD');
  });

  it('parses the bulk format with YYYYMMDD dates to the same bars', () => {
    const bulk = parseStooqCsv(fixtureText('stooq/qqq.us.bulk-tail.txt'), 'QQQ');
    const csv = parseStooqCsv(fixtureText('stooq/qqq.us.csv'), 'QQQ');
    expect(bulk.bars).toEqual(csv.bars);
  });

  it('parses an index CSV without a Volume column', () => {
    const s = parseStooqCsv(
      'Date,Open,High,Low,Close\n2026-07-01,6200.1,6230,6190.5,6225.2\n',
      '^GSPC',
    );
    expect(s.bars).toEqual([
      {
        date: '2026-07-01',
        open: 6200.1,
        high: 6230,
        low: 6190.5,
        close: 6225.2,
        adjClose: 6225.2,
        volume: null,
      },
    ]);
    expect(s.meta.instrumentType).toBe('INDEX');
  });

  it('classifies Stooq non-data answers by content, not status', () => {
    expect(kindOf(() => parseStooqCsv('No data', 'ZZZZ'))).toBe('unknown-symbol');
    expect(
      kindOf(() =>
        parseStooqCsv('<!DOCTYPE html><html><head><title>Stooq</title></head></html>', 'SPY'),
      ),
    ).toBe('html');
    expect(
      kindOf(() =>
        parseStooqCsv(
          '<html><body>Get your apikey: <a href="/q/d/?get_apikey">here</a></body></html>',
          'SPY',
        ),
      ),
    ).toBe('rate-limited');
    expect(kindOf(() => parseStooqCsv('Exceeded the daily hits limit', 'SPY'))).toBe(
      'rate-limited',
    );
    expect(kindOf(() => parseStooqCsv('Date,Open,High,Low,Close,Volume\r\n', 'SPY'))).toBe('empty');
    expect(kindOf(() => parseStooqCsv('Symbol,Price\nSPY,1\n', 'SPY'))).toBe('malformed');
    expect(
      kindOf(() => parseStooqCsv('Date,Open,High,Low,Close\n07/01/2026,1,1,1,1\n', 'SPY')),
    ).toBe('malformed');
  });
});

describe('stooqCsvUrl', () => {
  it('adds .us to US listings, maps indexes and refuses what Stooq lacks', () => {
    expect(stooqCsvUrl('https://stooq.com', 'IWM')).toBe('https://stooq.com/q/d/l/?s=iwm.us&i=d');
    expect(
      stooqCsvUrl('https://stooq.com', '^GSPC', { from: '2026-01-02', to: '2026-02-20' }),
    ).toBe('https://stooq.com/q/d/l/?s=%5Espx&i=d&d1=20260102&d2=20260220');
    expect(stooqCsvUrl('https://stooq.com', '^RUT')).toBeNull();
    expect(stooqCsvUrl('https://stooq.com', 'OCDO.L')).toBeNull();
  });
});

describe('parseStooqCsv bounds (issue 12)', () => {
  it('drops a row whose close is zero, negative or infinite, and keeps the others', () => {
    const lines = fixtureText('stooq/spy.us.csv').split('\r\n');
    for (const [row, close] of [
      [3, '0'],
      [5, '-741.25'],
      [9, '1e999'],
    ] as const) {
      const cells = (lines[row] as string).split(',');
      cells[4] = close;
      lines[row] = cells.join(',');
    }
    const s = parseStooqCsv(lines.join('\r\n'), 'SPY');
    expect(s.bars).toHaveLength(27);
    expect(s.bars.every((b) => (b.close as number) > 700)).toBe(true);
  });
});
