/**
 * Who sent a runtime message, as the browser reports it (`runtime.MessageSender`): the fields
 * are filled in by the browser process, so a compromised renderer cannot choose them.
 */

/** The sender fields these checks read. */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { url?: string };
}

/** What the checks compare against: this extension's id and base URL (`runtime.getURL('')`). */
export interface ExtensionIdentity {
  id: string;
  baseUrl: string;
}

/** True when the message comes from R2K Lens at all (its pages, worker or content scripts). */
export function isOwnExtension(sender: SenderInfo, self: ExtensionIdentity): boolean {
  return sender.id === self.id;
}

/**
 * True when the message comes from one of R2K Lens's own pages (popup, options): the sender's
 * URL is under the extension's base URL (Dark Reader's messenger does the same). A content
 * script's sender URL is the page's, so it never passes, whatever it puts in the message.
 */
export function isExtensionPage(sender: SenderInfo, self: ExtensionIdentity): boolean {
  return (
    isOwnExtension(sender, self) &&
    typeof sender.url === 'string' &&
    self.baseUrl !== '' &&
    sender.url.startsWith(self.baseUrl)
  );
}

function web(url: string | undefined): string | null {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

/**
 * The web page a content script's message comes from: the frame's URL when it is http(s);
 * for about:blank, srcdoc and other frames without one, the origin they inherit (Chrome reports
 * it as `origin`) or else the tab's URL. `null` when none is a web page.
 */
export function senderPageUrl(sender: SenderInfo): string | null {
  return (
    web(sender.url) ??
    (sender.origin && sender.origin !== 'null' ? web(`${sender.origin}/`) : null) ??
    web(sender.tab?.url)
  );
}
