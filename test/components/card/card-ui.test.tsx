// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardController, CardDeps, CardTarget } from '../../../components/card/card-api';
import { createCard } from '../../../components/card/card-ui';
import type { Reply } from '../../../lib/messaging/envelope';
import type { CardPayload } from '../../../lib/messaging/protocol';
import { iwmPayload } from './card-fixtures';

const IWM: CardTarget = { symbol: 'IWM', kind: 'cashtag' };
const anchor = () => ({ left: 100, top: 100, right: 140, bottom: 118 });

let card: CardController;
let replies: Map<string, Reply<CardPayload>>;
let loads: string[];
let events: string[];

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  replies = new Map();
  loads = [];
  events = [];
  const deps: CardDeps = {
    load: async (t) => {
      loads.push(t.symbol);
      return replies.get(t.symbol) ?? { ok: false, error: 'no reply in this test' };
    },
    peek: (t) => replies.get(t.symbol),
    onPointerInside: (inside) => events.push(`inside ${inside}`),
    onDismiss: () => events.push('dismiss'),
    onDetailsToggle: (open) => events.push(`details ${open}`),
    loadChart: () => Promise.reject(new Error('no charts here')),
  };
  card = createCard(deps, { theme: 'light', quoteSite: 'yahoo', detailsOpen: false });
});

afterEach(() => {
  card.destroy();
  vi.restoreAllMocks();
});

/** The host R2K Lens added to <html> (the last element there). */
const host = () => document.documentElement.lastElementChild as HTMLElement;

describe('createCard', () => {
  it('adds a plain div with a closed shadow root the page cannot reach', () => {
    expect(host().localName).toBe('div');
    expect(host().shadowRoot).toBeNull();
    expect(host().childNodes).toHaveLength(0);
    const style = host().getAttribute('style') ?? '';
    for (const rule of ['all:initial!important', 'direction:ltr!important', 'zoom:1!important']) {
      expect(style).toContain(rule);
    }
  });

  it('a prefetched reply is drawn hidden, then shown without fetching again', () => {
    replies.set('IWM', { ok: true, data: iwmPayload() });
    card.prepare(IWM, anchor);
    expect(loads).toEqual([]);
    card.show(IWM, anchor, 'pointer');
    expect(loads).toEqual([]);
  });

  it('without a reply it shows and fetches; a page that restyled, filled or removed the host gets it back as made', async () => {
    card.show(IWM, anchor, 'pointer');
    expect(loads).toEqual(['IWM']);
    const h = host();
    h.style.setProperty('display', 'none', 'important');
    h.innerHTML = '<b>verified: BUY</b>';
    h.remove();
    card.hide();
    card.show({ symbol: 'KTOS', kind: 'cashtag' }, anchor, 'pointer');
    expect(host()).toBe(h);
    expect(h.childNodes).toHaveLength(0);
    expect(h.getAttribute('style')).not.toContain('display:none');
    expect(h.getAttribute('style')).toContain('display:block!important');
  });

  it('an untrusted Escape does not close the card', () => {
    replies.set('IWM', { ok: true, data: iwmPayload() });
    card.show(IWM, anchor, 'pointer');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(events).not.toContain('dismiss');
  });
});
