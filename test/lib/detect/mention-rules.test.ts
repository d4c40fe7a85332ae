import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../lib/detect/find-mentions';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';

const dictionary = loadSymbolDictionary();

/** Mentions as `text=SYMBOL/kind` strings. */
function found(text: string): string[] {
  return findMentions(text, dictionary).map(
    (m) => `${text.slice(m.start, m.end)}=${m.symbol}/${m.kind}`,
  );
}

describe('exchange prefixes', () => {
  it('reads the symbol after US exchange prefixes, span is the symbol only', () => {
    expect(found('Sprouts Farmers Market (NASDAQ: SFM) beat estimates')).toEqual([
      'SFM=SFM/exchange',
    ]);
    expect(found('Watchlist for Tuesday: NYSE:IBM, NASDAQ:CRDO, NYSE:BE')).toEqual([
      'IBM=IBM/exchange',
      'CRDO=CRDO/exchange',
      'BE=BE/exchange',
    ]);
    expect(found('United States Antimony Corporation (NYSE American: UAMY) Announces')).toEqual([
      'UAMY=UAMY/exchange',
    ]);
    expect(found('Air France-KLM (OTC: AFLYY) rose')).toEqual(['AFLYY=AFLYY/exchange']);
    expect(found('Berkshire (NYSE: BRK.B) and (NYSE: BRK-A)')).toEqual([
      'BRK.B=BRK.B/exchange',
      'BRK-A=BRK.A/exchange',
    ]);
  });

  it('treats an exchange prefix followed by a cashtag as a cashtag', () => {
    expect(found('Caterpillar (NYSE: $CAT) beat')).toEqual(['$CAT=CAT/cashtag']);
  });

  it('ignores non-US prefixes, unknown symbols and the exchange word itself', () => {
    expect(found('ADvTECH (JSE:ADH) and (ASX:ADH) Presents An Opportunity')).toEqual([]);
    expect(found('Brooks Automation, Inc. (NASDAQ:BRKS) At US$82.99?')).toEqual([]);
    expect(found('shares listed on the NYSE and Nasdaq')).toEqual([]);
  });
});

describe('Reuters codes', () => {
  it('reads US codes in brackets and bare, and share classes', () => {
    expect(found('Citigroup <C.N>, Goldman Sachs <GS.N>')).toEqual(['C.N=C/ric', 'GS.N=GS/ric']);
    expect(found('Apple AAPL.O and Microsoft MSFT.OQ rose')).toEqual([
      'AAPL.O=AAPL/ric',
      'MSFT.OQ=MSFT/ric',
    ]);
    expect(found('Berkshire Hathaway <BRKb.N> rose 1.1%')).toEqual(['BRKb.N=BRK.B/ric']);
  });

  it('rejects non-US, futures, market and malformed codes, and initials', () => {
    expect(
      found('Shell <SHEL.L>, Toyota <7203.T>, Ericsson <ERICb.ST>, Stellantis <STLA.MI>'),
    ).toEqual([]);
    expect(found('Brent crude <LCOc1> rose, e-minis <EScv1> <RTYc1>')).toEqual([]);
    expect(found('the index <.SPX> fell [.N] <ABT.> [nL4N2UZ3FZ]')).toEqual([]);
    expect(found('J.P. Morgan and A.P. Moller and U.S. stocks')).toEqual([]);
    expect(found('a one-letter root needs brackets: C.N fell')).toEqual([]);
  });
});

describe('bare symbols in context', () => {
  it('accepts distinctive symbols in ticker context', () => {
    expect(found('Investors bought shares of SFM on Tuesday')).toEqual(['SFM=SFM/bare']);
    expect(found('GNRC shares are up 1.3%.')).toEqual(['GNRC=GNRC/bare']);
    expect(found('while IWM fell 2% as small caps lagged')).toEqual(['IWM=IWM/bare']);
    expect(found('SPY and QQQ saw record inflows')).toEqual(['SPY=SPY/bare', 'QQQ=QQQ/bare']);
    expect(found("demand for URBN's clothing remained strong")).toEqual(['URBN=URBN/bare']);
    expect(found('Apple (AAPL) Gains As Market Dips')).toEqual(['AAPL=AAPL/bare']);
  });

  it('accepts a share class written with a dot', () => {
    expect(found('we hold BRK.B shares')).toEqual(['BRK.B=BRK.B/bare']);
  });

  it('rejects word-like symbols without a strong signal', () => {
    expect(found('IT spending rose while AI hype grew, the CEO and CFO said')).toEqual([]);
    expect(found('The agency affirmed the A rating; ALL of the bonds ARE fine')).toEqual([]);
    expect(found('NOW is the time, ON Monday, BE READY FOR IT')).toEqual([]);
    expect(found('LNG prices and the PMI survey; TAP cancelled flights [O/R]')).toEqual([]);
  });

  it('accepts word-like symbols with a strong signal', () => {
    expect(found('ON shares rose 5% after the report')).toEqual(['ON=ON/bare']);
    expect(found('Caterpillar (CAT) Beats Quarterly Estimates')).toEqual(['CAT=CAT/bare']);
    expect(found('Buy $NOW and $ALL')).toEqual(['$NOW=NOW/cashtag', '$ALL=ALL/cashtag']);
  });

  it('rejects hashtags, handles, acronym definitions, codes and shouting', () => {
    expect(found('#CAT #NASDAQ @KTOS')).toEqual([]);
    expect(found('Kratos Defense and Security (KDS) and Artificial Intelligence (AI)')).toEqual([]);
    expect(found('NODE_ENV=production KEY=VAL "AAAA"')).toEqual([]);
    expect(found('THIS IS GOING TO BE HUGE FOR ALL OF US, BUY NOW BEFORE IT RUNS')).toEqual([]);
    expect(found('BTC/USD Holds above 26,385; COVID-19 cases')).toEqual([]);
  });

  it('rejects capitals phrases but keeps lists of tickers', () => {
    expect(found('NEW YORK, March 3 (Reuters) - U.S. stocks fell')).toEqual([]);
    expect(found('See also: AAPL MSFT GOOGL earnings previews')).toEqual([
      'AAPL=AAPL/bare',
      'MSFT=MSFT/bare',
      'GOOGL=GOOGL/bare',
    ]);
  });

  it('rejects an upper-case name of an organisation speaking or continuing a name', () => {
    expect(found('AMP Capital said rates would rise')).toEqual([]);
  });
});

describe('output', () => {
  it('is sorted, non-overlapping, with UTF-16 offsets past emoji', () => {
    const text = '😬 $AAPL 🚀🚀 then $TSLA and the Russell 2000';
    const mentions = findMentions(text, dictionary);
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual([
      '$AAPL',
      '$TSLA',
      'Russell 2000',
    ]);
    for (let k = 1; k < mentions.length; k++) {
      expect(mentions[k]!.start).toBeGreaterThanOrEqual(mentions[k - 1]!.end);
    }
    expect(mentions[0]!.start).toBe(3);
  });

  it('never reports the link kind from plain text', () => {
    expect(findMentions('https://finance.yahoo.com/quote/KTOS', dictionary)).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws and always returns sorted, non-overlapping, in-range mentions on noisy text, with or without evidence', () => {
    const pieces = [
      '$',
      '$A',
      '$brk.b',
      '<',
      '>',
      '.N',
      'AAPL.O',
      '<C.N>',
      'NYSE:',
      'NASDAQ: ',
      'S&P',
      ' 500',
      'Russell',
      ' 2000',
      'Nasdaq',
      '-100',
      'Dow',
      ' Jones',
      '(',
      ')',
      'IWM',
      ' fell 2%',
      'ON',
      ' shares',
      '&amp;',
      '😬',
      'é',
      '\n',
      ' ',
      ',',
      ' and ',
      'the ',
      'small-cap index',
      '^RUT',
      'Goldman Sachs',
      ' Inc.',
      'BRK-B',
      '#',
      '@',
      '_',
      '0',
      '9%',
    ];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let round = 0; round < 300; round++) {
      let text = '';
      const count = 1 + Math.floor(next() * 40);
      for (let k = 0; k < count; k++) text += pieces[Math.floor(next() * pieces.length)];
      for (const mentions of [
        findMentions(text, dictionary),
        findMentions(text, dictionary, { evidence: true }),
      ]) {
        let lastEnd = 0;
        for (const m of mentions) {
          expect(m.start).toBeGreaterThanOrEqual(lastEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          lastEnd = m.end;
        }
      }
    }
  });
});
