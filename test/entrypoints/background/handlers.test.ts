import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage, handlers } from '../../../entrypoints/background/handlers';
import { dispatchMessage } from '../../../lib/messaging/dispatch';
import { contentRequestValidators, requestValidators } from '../../../lib/messaging/validators';

const self = { id: fakeBrowser.runtime.id };

const send = (message: unknown) => handleMessage(message, self as never);

describe('background message protocol', () => {
  beforeEach(() => fakeBrowser.reset());

  it('has exactly one handler and one validator per message', () => {
    expect(Object.keys(handlers).toSorted()).toEqual(Object.keys(requestValidators).toSorted());
    expect(Object.keys(handlers).toSorted()).toEqual([
      'clearCache',
      'getCard',
      'getCardPrefs',
      'getDashboard',
      'getDataStatus',
      'refreshNow',
      'setCardDetailsOpen',
    ]);
    expect(Object.keys(contentRequestValidators)).toEqual(['getPageSymbols', 'stepMention']);
  });

  it("remembers whether the card's details are open, and accepts nothing but a boolean", async () => {
    expect(await send({ type: 'getCardPrefs', data: {} })).toEqual({
      ok: true,
      data: { detailsOpen: false },
    });
    expect(await send({ type: 'setCardDetailsOpen', data: { open: true } })).toEqual({
      ok: true,
      data: { detailsOpen: true },
    });
    expect(await send({ type: 'getCardPrefs', data: {} })).toEqual({
      ok: true,
      data: { detailsOpen: true },
    });
    for (const data of [{ open: 'yes' }, { open: true, theme: 'dark' }, null, []]) {
      expect(await send({ type: 'setCardDetailsOpen', data })).toEqual({
        ok: false,
        error: 'Invalid setCardDetailsOpen request: expected { open: boolean }',
      });
    }
    expect(await send({ type: 'getCardPrefs', data: {} })).toEqual({
      ok: true,
      data: { detailsOpen: true },
    });
  });

  it('validates the shortcut step the content script is sent', () => {
    expect(contentRequestValidators.stepMention({ step: 'next' })).toEqual({ step: 'next' });
    expect(contentRequestValidators.stepMention({ step: 'previous' })).toEqual({
      step: 'previous',
    });
    expect(contentRequestValidators.stepMention({ step: 'up' })).toBe(
      'expected { step: "next" | "previous" }',
    );
  });

  it('ignores messages from other extensions', () => {
    expect(
      handleMessage({ type: 'getDashboard', data: {} }, { id: 'someone-else' }),
    ).toBeUndefined();
  });

  it('answers malformed, unknown and invalid requests with an error, never calling a handler', async () => {
    let called = false;
    const spy = {
      ...handlers,
      getCard: async () => ((called = true), Promise.reject(new Error('no'))),
    };
    const cases: [unknown, RegExp][] = [
      [null, /Malformed/],
      ['getCard', /Malformed/],
      [{ type: '__proto__', data: {} }, /Unknown message type/],
      [{ type: 'nope', data: {} }, /Unknown message type/],
      [{ type: 'getCard', data: { symbol: '<img src=x>', kind: 'cashtag' } }, /symbol must be/],
      [{ type: 'getCard', data: { symbol: 'IWM', kind: 'evil' } }, /kind must be/],
      [{ type: 'getCard', data: { symbol: 'A'.repeat(40), kind: 'bare' } }, /symbol must be/],
      [{ type: 'getDashboard', data: { extra: 1 } }, /expected no data/],
    ];
    for (const [message, error] of cases) {
      const reply = await dispatchMessage(message, self, spy, requestValidators);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error).toMatch(error);
    }
    expect(called).toBe(false);
  });

  it('turns a handler failure into an error reply', async () => {
    const failing = {
      ...handlers,
      getDashboard: () => Promise.reject(new Error('cache exploded')),
    };
    expect(
      await dispatchMessage({ type: 'getDashboard' }, self, failing, requestValidators),
    ).toEqual({
      ok: false,
      error: 'cache exploded',
    });
  });
});
