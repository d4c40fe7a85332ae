import { describe, expect, it } from 'vitest';
import {
  buildDictionary,
  isForeignIssuer,
  isNameLike,
  resolveIsharesTicker,
} from '../../../lib/detect/build-dictionary';
import { readDictionarySources } from '../../../lib/detect/build-dictionary-cli';
import { classifySecurityName, parseSecTickers } from '../../../lib/detect/directory-sources';
import {
  decodeSymbolDictionary,
  encodeSymbolDictionary,
} from '../../../lib/detect/symbol-dictionary';
import { SymbolFlag } from '../../../lib/detect/symbol-flags';
import {
  abbreviatesThemePhrase,
  isOwnInitials,
  parseAcronymList,
} from '../../../lib/detect/word-like';

const build = buildDictionary(readDictionarySources());
const flags = new Map(build.entries.map((e) => [e.symbol, e.flags]));
const has = (symbol: string, bit: number) => ((flags.get(symbol) ?? 0) & bit) !== 0;
/** A stand-in for the SUBTLEX list: the words of the two fund names below. */
const english = (w: string) => ['work', 'from', 'home', 'asset', 'based', 'income'].includes(w);

describe('classifySecurityName', () => {
  it('types warrants, rights, SPAC units, preferreds and notes from NASDAQ Trader names', () => {
    expect(classifySecurityName('Artius II Acquisition Inc. - Rights')).toBe('right');
    expect(classifySecurityName('Artius II Acquisition Inc. - Units')).toBe('unit');
    expect(classifySecurityName('Bullfrog AI Holdings, Inc. - Warrants')).toBe('warrant');
    expect(classifySecurityName('Harrow, Inc. - 8.625% senior notes due 2026')).toBe('note');
    expect(classifySecurityName('Apple Inc. - Common Stock')).toBe('equity');
  });

  it('keeps partnership depositary units and ADSs "representing units" as equity', () => {
    expect(
      classifySecurityName(
        'Icahn Enterprises L.P. - Depositary Units representing Limited Partner Interests',
      ),
    ).toBe('equity');
    expect(
      classifySecurityName(
        'Banco Santander Brasil SA American Depositary Shares, each representing one unit',
      ),
    ).toBe('equity');
  });
});

describe('parseSecTickers', () => {
  it('maps BRK-B to BRK.B and types preferreds, units and warrants', () => {
    const rows = parseSecTickers(
      JSON.stringify({
        fields: ['cik', 'name', 'ticker', 'exchange'],
        data: [
          [1, 'BERKSHIRE HATHAWAY INC', 'BRK-B', 'NYSE'],
          [2, 'JPMORGAN CHASE & CO', 'JPM-PC', 'NYSE'],
          [3, 'X', 'GRP-UN', 'NYSE'],
          [4, 'Y', 'ABC-WT', 'NYSE'],
          [5, 'Z', 'NOEX', null],
        ],
      }),
    );
    expect(rows.map((r) => [r.symbol, r.type])).toEqual([
      ['BRK.B', 'equity'],
      ['JPM-PC', 'preferred'],
      ['GRP-UN', 'unit'],
      ['ABC-WT', 'warrant'],
    ]);
  });
});

describe('buildDictionary on the committed sources', () => {
  it('keeps common stock, ADRs, ETFs and OTC rows, and leaves out test issues and derivatives', () => {
    for (const s of ['AAPL', 'BRK.B', 'BRK.A', 'MOG.A', 'IEP', 'IWM', 'SPY', 'AFLYY']) {
      expect(flags.has(s), s).toBe(true);
    }
    for (const s of ['ATEST', 'ZVZZT', 'AACBR', 'AACBU', 'BFRGW', 'ABLLL', 'BFLY.W']) {
      expect(flags.has(s), s).toBe(false);
    }
    expect(build.stats.excluded.test).toBeGreaterThan(0);
  });

  it('marks Russell 2000 members from the IWM holdings, share classes included', () => {
    expect(resolveIsharesTicker('MOGA', flags)).toBe('MOG.A');
    expect(resolveIsharesTicker('BRKB', new Map([['BRK.B', 0]]))).toBe('BRK.B');
    for (const s of ['BE', 'CRDO', 'KTOS', 'MOG.A', 'UAMY']) {
      expect(has(s, SymbolFlag.Russell2000), s).toBe(true);
    }
    for (const s of ['AAPL', 'IBM', 'BRK.B']) expect(has(s, SymbolFlag.Russell2000), s).toBe(false);
    expect(build.stats.russell2000).toBeGreaterThan(1900);
  });

  it('marks word-like symbols by rule, and leaves distinctive ones alone', () => {
    for (const s of ['A', 'IT', 'ON', 'ALL', 'CAT', 'NOW', 'ARE', 'BE', 'FOR', 'LNG', 'CFO', 'O']) {
      expect(has(s, SymbolFlag.WordLike), s).toBe(true);
    }
    for (const s of ['KTOS', 'AAPL', 'IWM', 'QQQ', 'GNRC', 'URBN', 'NVDA']) {
      expect(has(s, SymbolFlag.WordLike), s).toBe(false);
    }
  });

  it("uses WordNet acronyms as a prior, except the issuer's own initials or first word", () => {
    const acronyms = parseAcronymList(readDictionarySources().acronyms);
    expect(acronyms.size).toBe(785);
    expect(['PSA', 'ICU', 'AMD', 'FBI'].map((a) => acronyms.has(a))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    // Public Storage, Northrop Grumman, Figma: the letters are an English acronym first.
    for (const s of ['PSA', 'NOC', 'FIG']) expect(has(s, SymbolFlag.WordLike), s).toBe(true);
    // Advanced Micro Devices is AMD before it is macular degeneration.
    expect(isOwnInitials('AMD', 'Advanced Micro Devices, Inc. - Common Stock')).toBe(true);
    expect(isOwnInitials('TKO', 'TKO Group Holdings, Inc. Class A Common Stock')).toBe(true);
    expect(isOwnInitials('PSA', 'Public Storage Common Stock')).toBe(false);
    expect(has('AMD', SymbolFlag.WordLike)).toBe(false);
  });

  it('marks fund symbols that abbreviate an everyday phrase of their own name', () => {
    expect(abbreviatesThemePhrase('WFH', 'Direxion Work From Home ETF', english)).toBe(true);
    expect(
      abbreviatesThemePhrase('ABI', 'VictoryShares Pioneer Asset-Based Income ETF', english),
    ).toBe(true);
    expect(abbreviatesThemePhrase('QQQ', 'Invesco QQQ Trust, Series 1', english)).toBe(false);
    for (const s of ['WFH', 'ABI']) expect(has(s, SymbolFlag.WordLike), s).toBe(true);
    for (const s of ['QQQ', 'SPY', 'IWM', 'VTWO']) expect(has(s, SymbolFlag.Fund), s).toBe(true);
    expect(has('IWM', SymbolFlag.WordLike)).toBe(false);
  });

  it('marks foreign issuers: depositary shares and foreign legal forms', () => {
    expect(isForeignIssuer('Vodafone Group Plc - American Depositary Shares')).toBe(true);
    expect(
      isForeignIssuer(
        'Shell PLC American Depositary Shares (each representing two (2) Ordinary Shares)',
      ),
    ).toBe(true);
    expect(isForeignIssuer('SAP  SE ADS')).toBe(true);
    expect(isForeignIssuer('Apple Inc. - Common Stock')).toBe(false);
    expect(isForeignIssuer('Arch Capital Group Ltd. - Common Stock')).toBe(false);
    for (const s of ['VOD', 'SHEL', 'BP', 'AZN', 'ARM']) {
      expect(has(s, SymbolFlag.ForeignIssuer), s).toBe(true);
    }
    for (const s of ['AAPL', 'TSCO', 'REX'])
      expect(has(s, SymbolFlag.ForeignIssuer), s).toBe(false);
  });

  it('lists the symbols the newer holdings add, with their names', () => {
    expect(build.newListings.split('|')).toHaveLength(build.stats.addedFromHoldings);
    expect(build.newListings).toContain('BBBY=BED BATH AND BEYOND INC');
    expect(build.newListings.startsWith('ABX=ABACUS GLOBAL MANAGEMENT INC CLASS')).toBe(true);
  });

  it("marks funds, OTC-only listings and symbols that are their company's own name", () => {
    expect(has('IWM', SymbolFlag.Fund)).toBe(true);
    expect(has('AFLYY', SymbolFlag.OverTheCounter)).toBe(true);
    expect(has('HCA', SymbolFlag.NameLike)).toBe(true);
    expect(isNameLike('UBS', 'UBS Group AG Registered Ordinary Shares')).toBe(true);
    expect(isNameLike('NVDA', 'NVIDIA Corporation - Common Stock')).toBe(false);
    expect(isNameLike('ON', 'ON SEMICONDUCTOR CORP')).toBe(false);
  });
});

describe('packed symbol dictionary', () => {
  it('round-trips symbols and flags through sorted fixed-width groups, one per length', () => {
    const entries: [string, number][] = [
      ['AA', 0],
      ['AAL', 0],
      ['AAPL', 0],
      ['BRK.A', 0],
      ['BRK.B', 0],
      ['A', 2],
      ['IWM', 5],
    ];
    const packed = encodeSymbolDictionary(entries);
    expect(packed).toBe('r2k-symbols-3|1:A:2|2:AA:0|3:AALIWM:05|4:AAPL:0|5:BRK.ABRK.B:00');
    const table = decodeSymbolDictionary(packed).flags;
    expect([...table]).toEqual(expect.arrayContaining(entries.map(([s, f]) => [s, f])));
    expect(table.size).toBe(entries.length);
    for (const [symbol, f] of entries) expect(table.get(symbol)).toBe(f);
    for (const missing of ['', 'B', 'AAA', 'AAPM', 'BRK.C', 'IW', 'IWMX', 'aapl']) {
      expect(table.get(missing)).toBeUndefined();
      expect(table.has(missing)).toBe(false);
    }
  });

  it('refuses duplicate symbols and flags out of range', () => {
    expect(() =>
      encodeSymbolDictionary([
        ['AA', 0],
        ['AA', 1],
      ]),
    ).toThrow(/twice/);
    expect(() => encodeSymbolDictionary([['AA', 99]])).toThrow(/flags/);
    expect(() => encodeSymbolDictionary([['aa', 0]])).toThrow(/cannot be packed/);
  });

  it('finds every shipped symbol with its flags, and no neighbour of one', () => {
    const table = decodeSymbolDictionary(build.packed).flags;
    for (const entry of build.entries) expect(table.get(entry.symbol)).toBe(entry.flags);
    // Keys that sort between real symbols are not found.
    for (const entry of build.entries.slice(0, 2000)) {
      expect(
        table.has(`${entry.symbol}Z`.slice(0, 6)) === flags.has(`${entry.symbol}Z`.slice(0, 6)),
      ).toBe(true);
    }
  });

  it('decodes the shipped dictionary to every built symbol', () => {
    const decoded = decodeSymbolDictionary(build.packed);
    expect(decoded.flags.size).toBe(build.entries.length);
    expect(decoded.flags.get('BRK.B')).toBe(flags.get('BRK.B'));
  });

  it('refuses an unknown format', () => {
    expect(() => decodeSymbolDictionary('r2k-symbols-2|0:0AA2L')).toThrow(/format/);
    expect(() => decodeSymbolDictionary('r2k-symbols-3|2:AAB:0')).toThrow(/malformed/);
  });
});
