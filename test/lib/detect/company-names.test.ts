import { describe, expect, it } from 'vitest';
import { coreCompanyName } from '../../../lib/detect/company-names-build';
import { findMentions } from '../../../lib/detect/find-mentions';
import { loadCompanyMatcher } from '../../../lib/detect/load-company-names';
import { loadSymbolDictionary } from '../../../lib/detect/load-dictionary';

const dictionary = loadSymbolDictionary();
const companies = loadCompanyMatcher();

function found(text: string, withCompanies = true): string[] {
  return findMentions(text, dictionary, withCompanies ? { companies } : {}).map(
    (m) => `${text.slice(m.start, m.end)}=${m.symbol}/${m.kind}`,
  );
}

describe('coreCompanyName', () => {
  it('strips security descriptions, legal forms and "The"', () => {
    expect(coreCompanyName('Apple Inc. - Common Stock')).toBe('Apple');
    expect(coreCompanyName('JPMORGAN CHASE & CO')).toBe('JPMORGAN CHASE');
    expect(coreCompanyName('Goldman Sachs Group, Inc. (The) Common Stock')).toBe('Goldman Sachs');
    expect(coreCompanyName('BANK OF AMERICA CORP /DE/')).toBe('BANK OF AMERICA');
    expect(coreCompanyName('Alibaba Group Holding Ltd')).toBe('Alibaba');
  });
});

describe('company names (option)', () => {
  it('is off unless a matcher is passed', () => {
    expect(found('Citigroup and Goldman Sachs rallied', false)).toEqual([]);
  });

  it('matches directory names with their legal suffix in the span', () => {
    expect(found('Shares of Goldman Sachs Group Inc <GS.N> dropped 4%')).toEqual([
      'Goldman Sachs Group Inc=GS/company',
      'GS.N=GS/ric',
    ]);
    expect(found('Alibaba Group Holding Limited (BABA): A High Growth Stock')).toEqual([
      'Alibaba Group Holding Limited=BABA/company',
      'BABA=BABA/bare',
    ]);
    expect(found('Morgan Stanley and Wells Fargo said')).toEqual([
      'Morgan Stanley=MS/company',
      'Wells Fargo=WFC/company',
    ]);
  });

  it("maps short forms and former names to today's ticker", () => {
    expect(found('Investment bank BofA said; Citi agreed')).toEqual([
      'BofA=BAC/company',
      'Citi=C/company',
    ]);
    expect(found('Google Phases Out Free G Suite')).toEqual(['Google=GOOGL/company']);
  });

  it('needs context for names that are everyday words', () => {
    expect(found('Hit the target and block the shot; Target practice')).toEqual([]);
    expect(found('Target said same-store sales fell')).toEqual(['Target=TGT/company']);
    expect(found('Oracle Corp rose')).toEqual(['Oracle Corp=ORCL/company']);
  });

  it('skips brands being described, longer names and hashtags', () => {
    expect(found('Facebook parent Meta Platforms Inc rose')).toEqual([
      'Meta Platforms Inc=META/company',
    ]);
    expect(found('#Apple #Tesla')).toEqual([]);
  });

  it("reports a symbol that is its company's own name only with the option on", () => {
    expect(found('HCA slumped 19% after the forecast')).toEqual(['HCA=HCA/company']);
    expect(found('HCA slumped 19% after the forecast', false)).toEqual([]);
    expect(found('FirstEnergy ($FE) and AEP ($AEP)')).toEqual([
      'FirstEnergy=FE/company',
      '$FE=FE/cashtag',
      'AEP=AEP/company',
      '$AEP=AEP/cashtag',
    ]);
  });
});
