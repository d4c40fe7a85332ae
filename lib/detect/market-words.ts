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
    'jumping climbing sliding tumbling surging up down higher lower flat'
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
    'leveraged inverse ultra bull bear'
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
