// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startDocumentScanner,
  type DetectedMention,
  type DocumentScanner,
} from '../../../lib/page/document-scanner';

/**
 * A detector in evidence mode, small enough to read: `$X` is strong, `X` plain, `X?` doubtful
 * (the mention is `X`), `X!` against.
 */
function detect(text: string): DetectedMention[] {
  const out: DetectedMention[] = [];
  for (const m of text.matchAll(/(\$?)\b([A-Z]{2,5})\b([?!]?)/g)) {
    const cashtag = m[1] === '$';
    const start = m.index;
    out.push({
      start,
      end: start + m[1]!.length + m[2]!.length,
      symbol: m[2]!,
      kind: cashtag ? 'cashtag' : 'bare',
      strength: cashtag ? 'strong' : m[3] === '?' ? 'doubtful' : m[3] === '!' ? 'against' : 'plain',
    });
  }
  return out;
}

let controller: AbortController;
const start = (): DocumentScanner =>
  startDocumentScanner({
    detect,
    evidence: true,
    signal: controller.signal,
    linkToSymbol: (href) => /\/quote\/([A-Z]+)/.exec(href)?.[1] ?? null,
  });
const shown = (s: DocumentScanner): string[] =>
  s.mentions().map((m) => `${m.symbol}:${m.range().toString()}`);
async function settle(s: DocumentScanner): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await s.whenIdle();
  }
}

beforeEach(() => {
  controller = new AbortController();
  document.body.innerHTML = '';
});
afterEach(() => controller.abort());

describe('evidence from the whole document', () => {
  it('shows a doubtful mention once the page names its symbol strongly, even further down', async () => {
    document.body.innerHTML = `<p>Shares of WFH? firms rose.</p><p>Nothing here.</p><p>Later: $WFH jumped.</p>`;
    const s = start();
    await s.complete();
    expect(shown(s)).toEqual(['WFH:WFH', 'WFH:$WFH']);
  });

  it('keeps a doubtful mention hidden without such a name, and a plain one where the page says otherwise', async () => {
    document.body.innerHTML = `<p>The LTL? carriers and ABC gained.</p><p>The ABC! association said so.</p>`;
    const s = start();
    await s.complete();
    expect(shown(s)).toEqual([]);
  });

  it('promotes when strong evidence arrives later, and withdraws when it leaves the page', async () => {
    document.body.innerHTML = `<p id="a">Traders like SOFI?.</p>`;
    const s = start();
    await s.complete();
    expect(shown(s)).toEqual([]);
    const p = document.createElement('p');
    p.innerHTML = 'See <a href="/quote/SOFI">the quote</a>.';
    document.body.append(p);
    await settle(s);
    expect(shown(s)).toEqual(['SOFI:SOFI', 'SOFI:the quote']);
    p.remove();
    await settle(s);
    expect(shown(s)).toEqual([]);
  });

  it('replaces a chunk read again: changed text takes its evidence with it', async () => {
    document.body.innerHTML = `<p>KTOS? is a name.</p><p id="t">Buy $KTOS now.</p>`;
    const s = start();
    await s.complete();
    expect(shown(s)).toEqual(['KTOS:KTOS', 'KTOS:$KTOS']);
    (document.getElementById('t')!.firstChild as Text).data = 'Buy nothing now.';
    await settle(s);
    expect(shown(s)).toEqual([]);
  });

  it('never opens a card on a withdrawn mention', async () => {
    document.body.innerHTML = `<p id="a">IWM rose.</p>`;
    const s = start();
    await s.complete();
    const [mention] = s.mentions();
    expect(s.has(mention!)).toBe(true);
    document.body.insertAdjacentHTML('beforeend', '<p>The IWM! institute said.</p>');
    await settle(s);
    expect(s.has(mention!)).toBe(false);
    expect(s.mentions()).toEqual([]);
  });
});
