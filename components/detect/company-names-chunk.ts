/**
 * The company-name matcher as its own chunk (`company-names.js`, built by wxt.config.ts), loaded
 * by the content script only when the user turns company names on: the name list is about three
 * times the size of the symbol dictionary, so pages never pay for it otherwise.
 */
export { loadCompanyMatcher } from '../../lib/detect/load-company-names';
