import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../lib/detect/find-mentions';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';
import type { Mention } from '../../../lib/detect/mention';

const dictionary = loadSymbolDictionary();

/** Mentions as `text=SYMBOL/kind` strings, easy to read in a failing assertion. */
function found(text: string): string[] {
  return findMentions(text, dictionary).map(
    (m: Mention) => `${text.slice(m.start, m.end)}=${m.symbol}/${m.kind}`,
  );
}

describe('cashtags', () => {
  it('reads upper- and lower-case cashtags and share classes', () => {
    expect(found('Added more $BRK.B and $brk.a today, cash pile is $325B')).toEqual([
      '$BRK.B=BRK.B/cashtag',
      '$brk.a=BRK.A/cashtag',
    ]);
    expect(found('I am not optimistic about $aapl this quarter')).toEqual(['$aapl=AAPL/cashtag']);
  });

  it('reads cashtags in parentheses and after a slash', () => {
    expect(found('Pairs trade: long ($IONQ) / short $AAOI, hedged w/ $SPY puts')).toEqual([
      '$IONQ=IONQ/cashtag',
      '$AAOI=AAOI/cashtag',
      '$SPY=SPY/cashtag',
    ]);
    expect(found('rotation into small caps /$IWM')).toEqual(['$IWM=IWM/cashtag']);
  });

  it('ignores amounts, glued dollars, unknown symbols and crypto codes', () => {
    expect(found('$5 calls, $3k loss, 125$ target, US$82.99, 1$9.80, $ alone')).toEqual([]);
    expect(found('$AAPLX $AirBnB $study $BTC $ETH')).toEqual([]);
  });

  it('rejects non-US suffixes and London-style dotted lists', () => {
    expect(found('$NEE.ca and $BB.ca look cheap')).toEqual([]);
    expect(found('UK picks: $SN. $HL. $BARC.')).toEqual([]);
  });

  it('reports index cashtags as indexes without the $', () => {
    expect(found('$SPX down, $vix up')).toEqual(['SPX=^GSPC/index', 'vix=^VIX/index']);
  });
});

describe('index names', () => {
  it('finds the Russell 2000 and its variants', () => {
    expect(found('as small caps lagged and the Russell 2000 slipped 0.4%')).toEqual([
      'Russell 2000=^RUT/index',
    ]);
    expect(found('the small-cap Russell 2000 dropped 1.2%')).toEqual(['Russell 2000=^RUT/index']);
    expect(found('RUT and RTY both fell')).toEqual(['RUT=^RUT/index', 'RTY=^RUT/index']);
    expect(found('daily closes of ^RUT and ^GSPC')).toEqual([
      '^RUT=^RUT/index',
      '^GSPC=^GSPC/index',
    ]);
    expect(found('lagged the broader Russell 3000 Index')).toEqual(['Russell 3000=^RUA/index']);
    expect(found('the Russell 1000 rose')).toEqual(['Russell 1000=^RUI/index']);
    expect(found('The Russell has lagged the S&P 500 this year')).toEqual([
      'Russell=^RUT/index',
      'S&P 500=^GSPC/index',
    ]);
  });

  it('leaves out style variants', () => {
    expect(found('the Russell 2000 Value index and the S&P 500 Growth')).toEqual([]);
    expect(found('the S&P 500 communication services index fell')).toEqual([]);
  });

  it('finds the S&P family', () => {
    expect(found("The Standard & Poor's 500 index rose 0.9%")).toEqual([
      "Standard & Poor's 500=^GSPC/index",
    ]);
    expect(found('the S&P 600 and the S&P MidCap 400')).toEqual([
      'S&P 600=^SP600/index',
      'S&P MidCap 400=^SP400/index',
    ]);
    expect(found('futures tracking the S&P <EScv1> were down')).toEqual(['S&P=^GSPC/index']);
    expect(found('The S&P/ASX 200 <.AXJO> closed higher')).toEqual([]);
  });

  it('separates the Nasdaq indexes from the exchange', () => {
    expect(found('the Nasdaq Composite <.IXIC> dropped 153 points')).toEqual([
      'Nasdaq Composite=^IXIC/index',
    ]);
    expect(found('the Nasdaq-100 and the Nasdaq 100 and NASDAQ-100')).toEqual([
      'Nasdaq-100=^NDX/index',
      'Nasdaq 100=^NDX/index',
      'NASDAQ-100=^NDX/index',
    ]);
    expect(found('shares listed on the Nasdaq; Nasdaq-listed firms')).toEqual([]);
    expect(found('recently joined the Dow, Nasdaq and Russell 2000')).toEqual([
      'Dow=^DJI/index',
      'Nasdaq=^IXIC/index',
      'Russell 2000=^RUT/index',
    ]);
  });

  it('finds the Dow and the VIX', () => {
    expect(found('The Dow Jones Industrial Average <.DJI> fell 107.1 points')).toEqual([
      'Dow Jones Industrial Average=^DJI/index',
    ]);
    expect(found("The VIX, Wall Street's fear gauge, jumped")).toEqual(['VIX=^VIX/index']);
    expect(found('the Dow Jones Transportation Average and Dow Inc')).toEqual([]);
  });
});
