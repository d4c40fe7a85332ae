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
    // Streaming services and product lines named after their maker.
    expect(found('new episodes arrive on Paramount+ and Apple TV+ this week')).toEqual([]);
    // Names inside a Reuters code are part of the code.
    expect(found('Toyota <TOYOTA.T> and Nokia <NOKIA.HE> fell')).toEqual([
      'Toyota=TM/company',
      'Nokia=NOK/company',
    ]);
  });

  it('takes in a lower-case legal abbreviation and the words of a longer full name', () => {
    expect(found('Kratos Defense & Security Solutions, inc (KTOS) raises guidance')[0]).toBe(
      'Kratos Defense & Security Solutions, inc=KTOS/company',
    );
    expect(found('Oracle Cloud Services Corp signed the lease')).toEqual([
      'Oracle Cloud Services Corp=ORCL/company',
    ]);
    // Without a legal form after them, the following words are not taken in.
    expect(found('Oracle Cloud revenue rose')).not.toContain('Oracle Cloud=ORCL/company');
    expect(found('Citigroup and Intel Corp rose')).toEqual([
      'Citigroup=C/company',
      'Intel Corp=INTC/company',
    ]);
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
