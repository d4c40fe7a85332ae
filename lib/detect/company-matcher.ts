/** A company name found at a word start. */
export interface CompanyMatch {
  /** End of the name as reported (legal suffix included, possessive excluded). */
  end: number;
  /** Where scanning resumes. */
  resume: number;
  symbol: string;
}

/** Matches company names at word starts; built from the company-names module. */
export interface CompanyMatcher {
  match(text: string, start: number, wordEnd: number): CompanyMatch | undefined;
}
