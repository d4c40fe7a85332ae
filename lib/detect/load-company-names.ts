import { createCompanyMatcher, decodeCompanyNames, type CompanyMatcher } from './company-matcher';
import { PACKED_COMPANY_NAMES } from './generated/company-names';

let cached: CompanyMatcher | undefined;

/**
 * The shipped company-name matcher, built on first use. This module pulls in the whole
 * company-name list, so code that runs on every page must not import it statically: load it
 * only when the company-names setting is on (the command-line tools import it directly).
 */
export function loadCompanyMatcher(): CompanyMatcher {
  cached ??= createCompanyMatcher(decodeCompanyNames(PACKED_COMPANY_NAMES));
  return cached;
}
