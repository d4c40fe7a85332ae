/**
 * Small closed word lists the rules consult. They describe how markets are written about in
 * English, not particular sentences.
 */

/** Verbs (and close relatives) that report a price move: "IWM fell 2%", "the Dow rose". */
export const MOVE_WORDS: ReadonlySet<string> = new Set(
  (
    'rose rise rises rising risen fell fall falls falling gained gain gains gaining lost lose loses ' +
    'losing dropped drop drops dropping slipped slip slips slid slide slides sliding climbed climb ' +
    'climbs jumped jump jumps surged surge surges soared soar soars tumbled tumble tumbles plunged ' +
    'plunge plunges plummeted sank sink sinks declined decline declines advanced advance advances ' +
    'added adds shed sheds edged edges rallied rally rallies ended closed closes finished opened ' +
    'rebounded rebounds recovered pared trimmed dipped dips eased eases slumped slumps sagged ' +
    'spiked spikes skidded retreated gapped outperformed underperformed lagged lags trailed ' +
    'hit hits touched traded trades tanked tanks popped pops ripped crashed crashes plunging soaring ' +
    'jumping climbing sliding tumbling surging moved moves moving up down higher lower flat'
  ).split(' '),
);

/** Auxiliaries allowed between a subject and its move verb ("WMT has dropped"). */
export const AUXILIARY_WORDS: ReadonlySet<string> = new Set(
  'has had have was were is are also had been just briefly'.split(' '),
);

/** Words after an index name that still refer to the index itself. */
export const INDEX_FOLLOWERS: ReadonlySet<string> = new Set(
  'index futures future e mini minis emini eminis options contracts benchmark gauge'.split(' '),
);

/**
 * Words after an index name that turn it into a different index (a style or sector variant,
 * "Russell 2000 Value", "S&P 500 Equal Weight").
 */
export const INDEX_VARIANT_WORDS: ReadonlySet<string> = new Set(
  (
    'value growth equal equally pure low high momentum quality dividend dividends esg top ' +
    'microcap midcap smallcap net total enhanced covered buywrite volatility vix daily ' +
    'leveraged inverse ultra bull bear etf etfs etn etns fund funds trust'
  ).split(' '),
);

/** Words near "S&P" that mean the rating agency, not the index. */
export const RATING_WORDS: ReadonlySet<string> = new Set(
  (
    'rating ratings rated rate rates downgrade downgraded downgrades upgrade upgraded upgrades ' +
    "affirmed affirms affirm outlook credit creditworthiness moody moody's fitch investment-grade " +
    'junk bbb aaa aa sovereign debt bonds analyst analysts said says global'
  ).split(' '),
);

/** Nouns after a bare symbol that make it a ticker: "GNRC shares", "ON stock". */
export const TICKER_NOUNS: ReadonlySet<string> = new Set(
  'shares share stock options calls puts shareholders stockholders'.split(' '),
);

/**
 * Words after an upper-case token that show it is an organisation speaking or acting, not a
 * ticker: "LPL thinks", "UBS analysts", "RBC said".
 */
export const SPEAKER_WORDS: ReadonlySet<string> = new Set(
  (
    'said says say saying thinks think thought expects expect expected reported reports announced ' +
    'announces told tells noted notes wrote writes believes believe estimates estimated forecasts ' +
    'forecast predicted predicts warned warns argued argues cautioned agreed declined plans ' +
    'analysts analyst economists economist strategists strategist spokesperson spokesman ' +
    'spokeswoman executives executive chief research team'
  ).split(' '),
);

/**
 * Capitalised words that continue an organisation's name: "AMP Capital", "PNC Financial",
 * "HSBC Holdings". An upper-case token before one is part of a name, not a ticker.
 */
export const NAME_CONTINUATION_WORDS: ReadonlySet<string> = new Set(
  (
    'capital group holdings holding inc corp corporation co company ltd limited plc llc lp bank ' +
    'bancorp bancshares financial partners securities asset assets management investments investment ' +
    'advisors advisers research global international technologies technology energy airlines airways ' +
    'pharmaceuticals pharma therapeutics biosciences insurance trust fund funds markets ventures ' +
    'labs systems solutions industries resources realty properties health healthcare motors media ' +
    'entertainment brands foods wealth equity equities associates consulting networks communications ' +
    'telecom semiconductor semiconductors'
  ).split(' '),
);
