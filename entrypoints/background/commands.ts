import { sendToTab } from '../../lib/messaging/client';
import type { MentionStep } from '../../lib/messaging/protocol';

/**
 * The keyboard shortcuts (manifest `commands`, rebindable at chrome://extensions/shortcuts or in
 * Firefox's add-on manager) and the step each one takes through the page's mentions.
 */
export const MENTION_COMMANDS: Readonly<Record<string, MentionStep>> = {
  'next-mention': 'next',
  'previous-mention': 'previous',
};

/**
 * Runs a shortcut in the tab it was pressed in: the content script moves to the next or previous
 * mention and opens its card. A tab without our content script (an extension page, a blocked
 * site) simply does not answer.
 */
export async function runCommand(command: string, tabId: number | undefined): Promise<void> {
  const step = MENTION_COMMANDS[command];
  if (step === undefined || tabId === undefined) return;
  await sendToTab(tabId, 'stepMention', { step });
}
