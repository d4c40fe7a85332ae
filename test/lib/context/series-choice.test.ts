import { describe, expect, it } from 'vitest';
import { benchmarkInfo, BENCHMARKS } from '../../../lib/context/benchmarks';
import { chooseRequiredSeries, chooseSeries } from '../../../lib/context/series-choice';
import { realBenchmarks, upTo } from './real-series';

const all = realBenchmarks();

describe('benchmark registry', () => {
  it('names the Russell 2000, S&P 500, Nasdaq Composite and later peers with their ETFs', () => {
    expect(BENCHMARKS.map((b) => [b.symbol, b.proxyEtf])).toEqual([
      ['^RUT', 'IWM'],
      ['^GSPC', 'SPY'],
      ['^IXIC', 'QQQ'],
      ['^NDX', 'QQQ'],
      ['^DJI', 'DIA'],
      ['^SP600', 'IJR'],
    ]);
    expect(benchmarkInfo('^IXIC').proxyRelation).toBe('approximates');
  });

  it('an unknown symbol is named by itself, without a proxy', () => {
    expect(benchmarkInfo('^FTSE')).toMatchObject({ name: '^FTSE', proxyEtf: null });
  });
});

describe('common as-of rule', () => {
  it('^IXIC ends 2022-05-04, so on 2026-02-20 QQQ stands in, and says so', () => {
    const chosen = chooseSeries('^IXIC', all, '2026-02-20');
    expect(chosen.series?.symbol).toBe('QQQ');
    expect(chosen.choice).toEqual({
      requested: '^IXIC',
      name: 'Nasdaq Composite',
      usedSymbol: 'QQQ',
      proxyFor: '^IXIC',
      note: 'Nasdaq Composite history ends 2022-05-04; QQQ used (it tracks a related index, not the Nasdaq Composite)',
      lastDate: '2026-08-21',
      source: all.QQQ!.source,
      returnBasis: 'total-return',
    });
  });

  it('on a date ^IXIC reaches, the index itself is used', () => {
    expect(chooseSeries('^IXIC', all, '2022-05-04').choice).toMatchObject({
      usedSymbol: '^IXIC',
      proxyFor: null,
      note: null,
      returnBasis: 'price',
    });
  });

  it('with no ETF reaching the date either, the benchmark is left out, not compared on an older date', () => {
    const { QQQ: _qqq, ...withoutQqq } = all;
    const chosen = chooseSeries('^IXIC', withoutQqq, '2026-02-20');
    expect(chosen.series).toBeNull();
    expect(chosen.choice.usedSymbol).toBeNull();
    expect(chosen.choice.note).toBe(
      'Nasdaq Composite data does not reach 2026-02-20 (^IXIC ends 2022-05-04); left out',
    );
  });

  it('the Russell 2000 is required: when neither ^RUT nor IWM reaches, the as-of moves back', () => {
    const { chosen, asOf } = chooseRequiredSeries('^RUT', all, '2026-08-21');
    expect(asOf).toBe('2026-02-20');
    expect(chosen.choice).toMatchObject({
      usedSymbol: '^RUT',
      proxyFor: null,
      note: 'Russell 2000 data ends 2026-02-20; figures are as of 2026-02-20',
    });
  });

  it('when ^RUT is missing, IWM stands in for the Russell 2000', () => {
    const { '^RUT': _rut, ...withoutRut } = all;
    const { chosen, asOf } = chooseRequiredSeries('^RUT', withoutRut, '2026-02-20');
    expect(asOf).toBe('2026-02-20');
    expect(chosen.choice).toMatchObject({
      usedSymbol: 'IWM',
      proxyFor: '^RUT',
      note: 'no Russell 2000 series; IWM used',
    });
  });

  it('when nothing covers the anchor, there is no as-of', () => {
    const { chosen, asOf } = chooseRequiredSeries('^RUT', upTo(all, '1980-01-01'), '1985-01-01');
    expect(asOf).toBeNull();
    expect(chosen.series).toBeNull();
  });
});
