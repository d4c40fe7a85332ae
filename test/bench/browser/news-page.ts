/**
 * Generates news-site pages of a given amount of text for the Chromium benchmark, from real
 * sentences (the labelled mentions corpus: news, headlines, posts) and real Russell 2000
 * constituents (IWM holdings), laid out the way news sites are: navigation, a stream of
 * articles with headlines, bylines, paragraphs with inline links and emphasis, quote tables,
 * an occasional code sample and collapsed (display:none) section, sidebars with ticker links.
 * Deterministic (seeded), so every run measures the same page.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED_DATA = resolve(import.meta.dirname, '../../../../shared/data');

/** A constituent: ticker and company name. */
export interface Constituent {
  ticker: string;
  name: string;
}

/** Real sentences from the mentions corpus. */
export function loadSentences(): string[] {
  const lines = readFileSync(resolve(SHARED_DATA, 'mentions/mentions-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  return lines.map((l) => (JSON.parse(l) as { text: string }).text);
}

/** Russell 2000 equities (IWM holdings, latest export). */
export function loadConstituents(): Constituent[] {
  const csv = readFileSync(
    resolve(SHARED_DATA, 'russell2000-constituents/IWM_equities_clean_2026-05-05.csv'),
    'utf8',
  );
  return csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cols) => cols.length > 2 && /^[A-Z]{1,5}$/.test(cols[0]!))
    .map((cols) => ({ ticker: cols[0]!, name: cols[1]! }));
}

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

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const title = (name: string): string =>
  name
    .toLowerCase()
    .split(' ')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

/** A generated page and the amount of visible-ish text it holds. */
export interface NewsPage {
  html: string;
  /** Characters of text content in <body> (all text nodes, skipped regions included). */
  textChars: number;
  articles: number;
}

/**
 * A news page with about `targetChars` characters of text.
 */
export function generateNewsPage(
  targetChars: number,
  sentences: readonly string[],
  constituents: readonly Constituent[],
  seed = 1,
): NewsPage {
  const rand = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const parts: string[] = [];
  let chars = 0;
  const text = (s: string): string => {
    chars += s.length;
    return escapeHtml(s);
  };

  parts.push(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Markets News</title>',
    '<style>body{font:16px/1.5 Georgia,serif;margin:0 auto;max-width:1100px;display:grid;',
    'grid-template-columns:1fr 260px;gap:24px}header,footer{grid-column:1/3}nav ul{display:flex;',
    'gap:12px;list-style:none;padding:0}.quotes td{padding:2px 8px}.collapsed{display:none}',
    'aside{font-size:14px}</style></head><body>',
    '<header><nav><ul>',
  );
  for (const item of ['Home', 'Markets', 'Stocks', 'Small Caps', 'Earnings', 'Opinion', 'Video']) {
    parts.push(`<li><a href="/section/${item.toLowerCase()}">${text(item)}</a></li>`);
  }
  parts.push('</ul></nav></header><main>');

  let articles = 0;
  for (;;) {
    if (chars >= targetChars) break;
    articles++;
    const company = pick(constituents);
    parts.push(`<article id="a${articles}">`);
    parts.push(`<h2><a href="/news/${articles}">${text(pick(sentences).slice(0, 120))}</a></h2>`);
    parts.push(
      `<p class="byline">By <span>${text(pick(['Reuters', 'Staff', 'Jane Doe', 'AP']))}</span> · <time>${text(`${(articles % 12) + 1}:0${articles % 6} PM ET`)}</time></p>`,
    );
    const paragraphs = 3 + Math.floor(rand() * 5);
    for (let p = 0; p < paragraphs; p++) {
      const sentencesInP = 2 + Math.floor(rand() * 3);
      const bits: string[] = [];
      for (let s = 0; s < sentencesInP; s++) bits.push(text(pick(sentences)));
      const c = pick(constituents);
      const r = rand();
      if (r < 0.35) {
        // Press-release style, the symbol as a quote link inside an exchange prefix.
        bits.push(
          `${text(` ${title(c.name)} (NASDAQ: `)}<a href="https://finance.yahoo.com/quote/${c.ticker}">${text(c.ticker)}</a>${text(') shares moved.')}`,
        );
      } else if (r < 0.6) {
        bits.push(
          `${text(' Shares of ')}<b>${text(c.ticker)}</b>${text(` rose ${(rand() * 9).toFixed(1)}%.`)}`,
        );
      } else if (r < 0.75) {
        bits.push(
          `${text(' Traders bought ')}<em>${text(`$${c.ticker}`)}</em>${text(' and IWM calls.')}`,
        );
      }
      parts.push(`<p>${bits.join(' ')}</p>`);
    }
    if (rand() < 0.5) {
      parts.push('<table class="quotes"><tbody>');
      for (let i = 0; i < 5; i++) {
        const q = pick(constituents);
        parts.push(
          `<tr><td><a href="https://finance.yahoo.com/quote/${q.ticker}">${text(q.ticker)}</a></td><td>${text(title(q.name))}</td><td>${text((rand() * 200).toFixed(2))}</td></tr>`,
        );
      }
      parts.push('</tbody></table>');
    }
    if (rand() < 0.1) {
      parts.push(
        `<pre><code>${text(`const quote = await fetchQuote("${company.ticker}");`)}</code></pre>`,
      );
    }
    if (rand() < 0.15) {
      parts.push(`<div class="collapsed"><p>${text(pick(sentences))}</p></div>`);
    }
    parts.push(`<button type="button">${text('Share')}</button></article>`);
    if (articles % 10 === 0) {
      parts.push('<aside><h3>Movers</h3><ul>');
      for (let i = 0; i < 8; i++) {
        const q = pick(constituents);
        parts.push(
          `<li><a href="https://finance.yahoo.com/quote/${q.ticker}">${text(title(q.name))}</a></li>`,
        );
      }
      parts.push('</ul></aside>');
    }
  }
  parts.push(
    '</main><footer><p>',
    text('© Markets News. Quotes delayed 15 minutes.'),
    '</p></footer>',
  );
  parts.push('<script>window.__pageScript = 1;</script></body></html>');
  return { html: parts.join(''), textChars: chars, articles };
}
