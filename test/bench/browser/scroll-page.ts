/**
 * An infinite-scroll feed for the page-cost benchmark's memory figure: the page starts with 20
 * items and `window.appendItems(n)` appends n more, each a short post with a headline and a
 * sentence from the labelled mentions corpus (so most items hold a ticker mention), the way a
 * social feed or a live blog grows.
 */

import type { Constituent } from './news-page';

/** The page's HTML; the items are built in the page from the sentences passed in. */
export function generateScrollPage(
  sentences: readonly string[],
  constituents: readonly Constituent[],
): string {
  const data = JSON.stringify({
    sentences: sentences.slice(0, 300),
    tickers: constituents.slice(0, 500).map((c) => c.ticker),
  }).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feed</title>
<style>body{font:15px/1.5 system-ui;max-width:640px;margin:0 auto}article{border-bottom:1px solid #ddd;padding:8px 0}</style>
</head><body><header><h1>Live: markets</h1></header><main id="feed"></main>
<script>
const data = ${data};
let n = 0;
window.appendItems = (count) => {
  const feed = document.getElementById('feed');
  const frag = document.createDocumentFragment();
  for (let i = 0; i < count; i++, n++) {
    const item = document.createElement('article');
    const h = document.createElement('h3');
    h.textContent = 'Update ' + n + ': $' + data.tickers[n % data.tickers.length] + ' on the move';
    const p = document.createElement('p');
    p.textContent = data.sentences[n % data.sentences.length];
    item.append(h, p);
    frag.append(item);
  }
  feed.append(frag);
};
window.appendItems(20);
</script></body></html>`;
}
