import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MENTION_COMMANDS, runCommand } from '../../../entrypoints/background/commands';
import manifest from '../../e2e/manifest.reviewed.json';

describe('keyboard shortcuts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('each manifest command steps through the mentions of the tab it was pressed in', async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId, message) => {
      sent.push([tabId, message]);
      return { ok: true, data: { symbol: 'IWM' } };
    });
    await runCommand('next-mention', 7);
    await runCommand('previous-mention', 7);
    expect(sent).toEqual([
      [7, { type: 'stepMention', data: { step: 'next' } }],
      [7, { type: 'stepMention', data: { step: 'previous' } }],
    ]);
  });

  it('ignores unknown commands and presses outside a tab', async () => {
    const spy = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    await runCommand('_execute_action', 7);
    await runCommand('next-mention', undefined);
    expect(spy).not.toHaveBeenCalled();
  });

  it('the reviewed manifest declares exactly these commands, with suggested keys', () => {
    const commands = (manifest as { commands?: Record<string, { suggested_key?: unknown }> })
      .commands;
    expect(Object.keys(commands ?? {}).toSorted()).toEqual(
      Object.keys(MENTION_COMMANDS).toSorted(),
    );
    for (const c of Object.values(commands ?? {})) expect(c.suggested_key).toBeDefined();
  });
});
