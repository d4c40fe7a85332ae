/**
 * The rules of issue 10, each pinned by sentences written for this file (not taken from the
 * development corpus or the second evaluation set).
 */
import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../lib/detect/find-mentions';
import { loadCompanyMatcher } from '../../../lib/detect/load-company-names';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';
import { newListingName } from '../../../lib/detect/symbol-history';

const dictionary = loadSymbolDictionary();

/** Accepted mentions as `text=SYMBOL/kind`. */
function found(text: string, companies = false): string[] {
  return findMentions(text, dictionary, companies ? { companies: loadCompanyMatcher() } : {}).map(
    (m) => `${text.slice(m.start, m.end)}=${m.symbol}/${m.kind}`,
  );
}

/** Every mention with evidence, as `text/kind/strength`. */
function evidence(text: string, companies = false): string[] {
  return findMentions(text, dictionary, {
    evidence: true,
    ...(companies ? { companies: loadCompanyMatcher() } : {}),
  }).map((m) => `${text.slice(m.start, m.end)}/${m.kind}/${m.strength}`);
}

describe('acronyms that are listed symbols', () => {
  it('does not take a word-like token that modifies a noun for a ticker, even after "shares of"', () => {
    expect(
      found('Shares of IT consultancies slumped after the outsourcing deal collapsed'),
    ).toEqual([]);
    expect(found('the HVAC installers and the WFH names both lagged')).toEqual([]);
    expect(found('Shares of ON jumped 7% after the chipmaker beat forecasts')).toEqual([
      'ON=ON/bare',
    ]);
  });

  it('does not take the subject of a noun phrase for a ticker ("PBM reform stalled")', () => {
    expect(found('Talk of ESG mandates faded and PBM reform stalled in committee')).toEqual([]);
    expect(found('TLRY jumped 12% while CGC gained 4%')).toEqual([
      'TLRY=TLRY/bare',
      'CGC=CGC/bare',
    ]);
  });

  it('marks a token right before a foreign listing code as something else', () => {
    expect(evidence('Brewer ABI <ABI.BR> and telecom group MTN <MTNJ.J> both fell')).toEqual([
      'ABI/bare/against',
      'MTN/bare/against',
    ]);
    // A US Reuters code is no such sign.
    expect(found('ski operator MTN <MTN.N> rose 3%')).toEqual(['MTN=MTN/bare', 'MTN.N=MTN/ric']);
  });

  it('marks a token that starts or ends a longer name in running text', () => {
    expect(evidence('a venture between carmaker SAIC Mobility and a bank')).toEqual([
      'SAIC/bare/against',
    ]);
    expect(evidence('tanker owner FLEX LNG Ltd. said rates rose')).toEqual(['FLEX/bare/against']);
    expect(evidence('losers included Cheniere LNG and two refiners')).toEqual(['LNG/bare/against']);
    // Headlines in Title Case and trading talk are not names.
    expect(found('Analysts Love KTOS After Army Deal')).toEqual(['KTOS=KTOS/bare']);
    expect(found('Long KTOS into earnings')).toEqual(['KTOS=KTOS/bare']);
  });

  it('marks an acronym spelled out before it, in capitals or in lower case', () => {
    expect(evidence('Exchange Traded Notes (ETN) and less-than-truckload (LTL) freight')).toEqual([
      'ETN/bare/against',
      'LTL/bare/against',
    ]);
    expect(evidence('demand for prostate-specific antigen (PSA) tests rose')).toEqual([
      'PSA/bare/against',
    ]);
    // A company's ticker may be its initials: a legal form before the bracket says so.
    expect(found('Golden Ocean Group Limited (GOGL) and Arch Capital Group Ltd. (ACGL)')).toEqual([
      'GOGL=GOGL/bare',
      'ACGL=ACGL/bare',
    ]);
  });

  it('treats a legal form after the token as the company name, not a bare ticker', () => {
    expect(found('a stake in FMC Corporation and in NOV Inc')).toEqual([]);
  });
});

describe('a symbol in parentheses after its company name when the symbol is also a word', () => {
  it('reads it after a dotted name and after an abbreviation period', () => {
    expect(found('C3.ai (AI) fell 9% after it withdrew guidance')).toEqual(['AI=AI/bare']);
    expect(found('Brinker International, Inc. (EAT) and Allstate Corp. (ALL) rose')).toEqual([
      'EAT=EAT/bare',
      'ALL=ALL/bare',
    ]);
    expect(found('spending on Artificial Intelligence (AI) keeps growing')).toEqual([]);
  });
});

describe('cashtags', () => {
  it('drops cashtags in a list of London symbols, but keeps foreign issuers listed in the US', () => {
    expect(found('Lunchtime FTSE check: $BARC $LLOY $TSCO $VOD $SHEL all higher')).toEqual([
      '$VOD=VOD/cashtag',
      '$SHEL=SHEL/cashtag',
    ]);
    expect(found('$AAPL $TSCO $WMT $COST retail and tech into CPI')).toEqual([
      '$AAPL=AAPL/cashtag',
      '$TSCO=TSCO/cashtag',
      '$WMT=WMT/cashtag',
      '$COST=COST/cashtag',
    ]);
  });

  it('reads a dot before a lower-case word as a London-style cashtag', () => {
    expect(found('Kept $NG. because the dividend is safe')).toEqual([]);
  });

  it('holds back a cashtag of a symbol listed after the directories until the text confirms it', () => {
    expect(newListingName('BBBY')).toBe('BED BATH AND BEYOND INC');
    expect(newListingName('KTOS')).toBeUndefined();
    expect(evidence('$BBBY squeeze incoming')).toEqual(['$BBBY/cashtag/doubtful']);
    expect(found('$BBBY squeeze incoming')).toEqual([]);
  });
});

describe('index aliases where the context is the market', () => {
  it('reads "the Nasdaq" with an index code, a move after an auxiliary, or in a market report', () => {
    expect(found('The Nasdaq <.IXIC> shed 2% and the Dow <.DJI> fell 1%')).toEqual([
      'Nasdaq=^IXIC/index',
      'Dow=^DJI/index',
    ]);
    expect(found('By noon the Nasdaq was down 0.6%')).toEqual(['Nasdaq=^IXIC/index']);
    expect(found('Tech stocks led, and the Nasdaq outpaced the rest of the market')).toEqual([
      'Nasdaq=^IXIC/index',
    ]);
  });

  it('reads "Dow Jones" alone in a market report', () => {
    expect(found('Blue chips in the Dow Jones gave up 150 points')).toEqual([
      'Dow Jones=^DJI/index',
    ]);
    expect(found('Dow Jones and S&P 500 futures slipped overnight')).toEqual([
      'Dow Jones=^DJI/index',
      'S&P 500=^GSPC/index',
    ]);
  });

  it('keeps the exchange, the company and the newswire apart from the index', () => {
    expect(found('The Nasdaq said it would halt trading in the stock')).toEqual([]);
    expect(found('a company listed on the Nasdaq since 2019')).toEqual([]);
    expect(found('Dow Jones Newswires reported the deal')).toEqual([]);
  });

  it('joins index short forms listed with "and the"', () => {
    expect(found('a boost to the S&P 500 and the Nasdaq.')).toEqual([
      'S&P 500=^GSPC/index',
      'Nasdaq=^IXIC/index',
    ]);
  });

  it('does not read an index inside a fund name', () => {
    expect(found('the Vanguard Russell 2000 ETF and the SPDR S&P 500 ETF Trust')).toEqual([]);
  });
});

describe('company short names with strong context', () => {
  it('accepts an everyday-word name after "shares of", "a stake in" or "price target on"', () => {
    expect(found('Shares of Target slid after the forecast', true)).toEqual(['Target=TGT/company']);
    expect(found('the broker raised its price target on Target', true)).toEqual([
      'Target=TGT/company',
    ]);
    expect(found('our target on earnings is unchanged', true)).toEqual([]);
  });

  it('reports an everyday-word name without context as doubtful, never on its own', () => {
    expect(evidence('Apollo Global Management and Strategy said', true)).toEqual([
      'Apollo Global Management/company/strong',
      'Strategy/company/strong',
    ]);
    expect(evidence('the Strategy behind the plan', true)).toEqual(['Strategy/company/doubtful']);
    expect(found('the Strategy behind the plan', true)).toEqual([]);
  });
});
