/**
 * A typical news article page for the page-cost benchmark: about 40 KB of article text in a shell
 * of about 2,000 elements, laid out the way news sites are (sticky header with a market strip and
 * mega menus, article with figure and inline links, a right rail of most-read links and a quotes
 * table, a newsletter form, ad slots, a long footer). The article text is real sentences from the
 * labelled mentions corpus (news, headlines, posts), so it is denser in tickers than most articles:
 * the detector has more to do here than on an average page. Its three ad slots are frames from
 * another site, as ad servers deliver them (same-origin frames are measured on their own pages).
 * Deterministic (seeded).
 */

import type { Constituent } from './news-page';

/** Mulberry32: small deterministic PRNG. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const SECTIONS = [
  'Markets',
  'Business',
  'Economy',
  'Technology',
  'Small Caps',
  'Earnings',
  'Personal Finance',
  'Opinion',
  'Video',
  'Podcasts',
  'Newsletters',
  'Data',
];

const MARKET_STRIP: [string, string, string][] = [
  ['S&P 500', '6,032.38', '+0.42%'],
  ['Nasdaq', '19,764.89', '+0.61%'],
  ['Dow', '44,910.65', '-0.08%'],
  ['Russell 2000', '2,434.73', '+1.18%'],
  ['VIX', '13.51', '-2.10%'],
  ['10-Yr Yield', '4.18%', '+0.02'],
  ['Crude Oil', '68.00', '-0.35%'],
  ['Gold', '2,657.00', '+0.20%'],
];

/** The generated page and its figures. */
export interface ArticlePage {
  html: string;
  /** Characters of article text (paragraphs and headings of the article body). */
  articleChars: number;
}

/** Generates the article page (see the module comment). */
export function generateArticlePage(
  sentences: readonly string[],
  constituents: readonly Constituent[],
  adsOrigin: string,
  seed = 11,
  articleChars = 40_000,
): ArticlePage {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const out: string[] = [];
  out.push(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Small caps rally as yields ease</title>',
    '<style>',
    'body{margin:0;font:17px/1.6 Georgia,serif;color:#111}',
    'header{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;z-index:2}',
    '.strip{display:flex;gap:16px;font:13px system-ui;padding:4px 16px;background:#f4f4f4}',
    '.strip a{display:flex;gap:6px;text-decoration:none;color:inherit}',
    'nav>ul{display:flex;gap:14px;list-style:none;margin:0;padding:8px 16px}',
    'nav li{position:relative}.mega{display:none;position:absolute}',
    '.page{display:grid;grid-template-columns:minmax(0,720px) 300px;gap:40px;max-width:1100px;margin:24px auto}',
    'aside{font:14px/1.4 system-ui}.quotes td{padding:2px 6px}',
    'footer{background:#222;color:#ccc;padding:24px;font:13px system-ui}',
    'footer .cols{display:grid;grid-template-columns:repeat(6,1fr);gap:16px}',
    '.ad{min-height:250px;background:#eee}',
    '</style></head><body>',
  );

  // Header: market strip (flex items, no whitespace between them), sections with mega menus.
  out.push('<header><div class="strip" role="list">');
  for (const [name, value, change] of MARKET_STRIP) {
    out.push(
      `<a role="listitem" href="/markets/${esc(name.toLowerCase().replace(/\W+/g, '-'))}"><span>${esc(name)}</span><span>${esc(value)}</span><span>${esc(change)}</span></a>`,
    );
  }
  out.push('</div><nav aria-label="Sections"><ul>');
  for (const section of SECTIONS) {
    out.push(`<li><a href="/${esc(section.toLowerCase())}">${esc(section)}</a><div class="mega">`);
    for (let col = 0; col < 4; col++) {
      out.push('<ul>');
      for (let i = 0; i < 8; i++) {
        out.push(
          `<li><a href="/${col}/${i}">${esc(`${section} ${pick(['news', 'analysis', 'live', 'guides', 'tools'])}`)}</a></li>`,
        );
      }
      out.push('</ul>');
    }
    out.push('</div></li>');
  }
  out.push(
    '</ul></nav><form role="search"><input type="search" placeholder="Search quotes and news"><button>Search</button></form>',
    '<button type="button">Sign in</button></header>',
  );

  // Article.
  out.push('<div class="page"><main><article>');
  out.push(
    `<h1>${esc('Small caps rally as Treasury yields ease; Russell 2000 outpaces the S&P 500')}</h1>`,
    '<p class="byline">By <a href="/staff/jane-doe">Jane Doe</a> and <a href="/staff/sam-lee">Sam Lee</a> · <time datetime="2026-11-03T16:05">Nov 3, 2026 4:05 PM ET</time></p>',
    '<div class="share">' +
      ['Share', 'Post', 'Email', 'Link', 'Print', 'Save', 'Gift', 'Comments', 'Listen', 'Font']
        .map(
          (b) =>
            `<button type="button" aria-label="${b}"><svg width="16" height="16"><path d="M0 0h16v16z"/></svg></button>`,
        )
        .join('') +
      '</div>',
    '<figure><img alt="" width="720" height="405" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><figcaption>Traders on the floor of the New York Stock Exchange. Photo: Staff</figcaption></figure>',
  );
  let chars = 0;
  let paragraph = 0;
  while (chars < articleChars) {
    paragraph++;
    if (paragraph % 9 === 0) {
      const heading = pick(sentences).slice(0, 70);
      chars += heading.length;
      out.push(`<h2>${esc(heading)}</h2>`);
    }
    const bits: string[] = [];
    const n = 2 + Math.floor(rand() * 3);
    for (let s = 0; s < n; s++) {
      const sentence = pick(sentences);
      chars += sentence.length + 1;
      bits.push(esc(sentence));
    }
    if (rand() < 0.3) {
      const c = pick(constituents);
      const link = `<a href="https://finance.yahoo.com/quote/${c.ticker}">${esc(c.ticker)}</a>`;
      bits.push(`Shares of <em>${esc(c.name)}</em> (${link}) were higher.`);
      chars += c.name.length + c.ticker.length + 30;
    }
    out.push(`<p>${bits.join(' ')}</p>`);
    if (paragraph === 6) out.push('<div class="ad" aria-hidden="true"></div>');
  }
  out.push(
    '<p class="tags">Topics: <a href="/t/stocks">Stocks</a>, <a href="/t/small-caps">Small caps</a>, <a href="/t/rates">Rates</a></p>',
    '</article>',
  );
  // Related stories.
  out.push('<section aria-label="Related"><h2>Related</h2><ul>');
  for (let i = 0; i < 8; i++)
    out.push(`<li><a href="/story/${i}">${esc(pick(sentences).slice(0, 90))}</a></li>`);
  out.push('</ul></section><section aria-label="More from Markets"><h2>More from Markets</h2>');
  for (let i = 0; i < 40; i++) {
    out.push(
      `<div class="card"><a href="/story/c${i}"><h3>${esc(pick(sentences).slice(0, 60))}</h3></a><p>${esc(pick(SECTIONS))}</p><time>${(i % 12) + 1}h ago</time></div>`,
    );
  }
  out.push('</section></main>');

  // Right rail: most read, quotes table, newsletter, ads.
  out.push('<aside><section><h2>Most read</h2><ol>');
  for (let i = 0; i < 10; i++)
    out.push(`<li><a href="/story/m${i}">${esc(pick(sentences).slice(0, 80))}</a></li>`);
  out.push('</ol></section><div class="ad" aria-hidden="true"></div><section><h2>Latest</h2><ul>');
  for (let i = 0; i < 30; i++) {
    out.push(
      `<li><time>${(i % 50) + 1} min ago</time><a href="/story/l${i}">${esc(pick(sentences).slice(0, 70))}</a></li>`,
    );
  }
  out.push('</ul></section>');
  out.push('<section><h2>Small-cap movers</h2><table class="quotes"><tbody>');
  for (let i = 0; i < 25; i++) {
    const q = pick(constituents);
    out.push(
      `<tr><td><a href="https://finance.yahoo.com/quote/${q.ticker}">${esc(q.ticker)}</a></td><td>${esc(q.name)}</td><td>${(rand() * 200).toFixed(2)}</td><td>${((rand() - 0.5) * 10).toFixed(2)}%</td></tr>`,
    );
  }
  out.push('</tbody></table></section>');
  out.push(
    '<section><h2>Markets newsletter</h2><form><label>Email <input type="email"></label><label><input type="checkbox"> Daily</label><button>Sign up</button></form></section>',
  );
  for (let i = 0; i < 3; i++)
    out.push(
      '<div class="ad" aria-hidden="true"><div><div><iframe title="ad" width="300" height="250" srcdoc="&lt;p&gt;Ad&lt;/p&gt;"></iframe></div></div></div>',
    );
  out.push('</aside></div>');

  // Footer: six columns of links, legal text.
  out.push('<footer><div class="cols">');
  for (let col = 0; col < 6; col++) {
    out.push(`<div><h3>${esc(SECTIONS[col]!)}</h3><ul>`);
    for (let i = 0; i < 30; i++)
      out.push(
        `<li><a href="/f/${col}/${i}">${esc(`${SECTIONS[(col + i) % SECTIONS.length]!} ${i + 1}`)}</a></li>`,
      );
    out.push('</ul></div>');
  }
  out.push(
    '</div><p>Quotes delayed at least 15 minutes. Market data provided by a third party. © 2026 Markets News. All rights reserved.</p>',
    '<p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/cookies">Cookie settings</a></p></footer>',
    '<script>window.__pageScript = 1;</script></body></html>',
  );
  return { html: out.join(''), articleChars: chars };
}
