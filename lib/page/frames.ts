/**
 * Same-origin frames, read from the frame that owns them: the content script of the top document
 * (or of the first cross-origin frame) reaches the documents of its same-origin descendants
 * directly, so an embedded fact box, a live blog or a `srcdoc` widget is scanned without a content
 * script of its own in it. Cross-origin frames are pages of their own and get their own instance.
 */

/** The document of a same-origin frame, or null (cross-origin, not loaded yet, or no body). */
export function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    const doc = frame.contentDocument;
    return doc?.body ? doc : null;
  } catch {
    return null;
  }
}

/**
 * Whether a frame's whole document is its `srcdoc` and that holds nothing to find: no script (that
 * could write more), no nested frame, and no mention in its text as `hasMention` reads it. Such a
 * frame (an ad slot, a spacer) is left alone: entering a frame's document from the content script
 * costs a few milliseconds of main thread (the browser sets up our script's world in it). A later
 * `srcdoc` reloads the frame and is judged again.
 */
export function quietSrcdoc(
  frame: HTMLIFrameElement,
  hasMention: (text: string) => boolean,
): boolean {
  const html = frame.getAttribute('srcdoc');
  if (html === null || frame.hasAttribute('src')) return false;
  if (/<(?:script|iframe|frame|object|embed|template)\b|\son[a-z]+\s*=|&#/i.test(html))
    return false;
  const text = html
    .replace(/<(style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;/gi, ' ');
  return !hasMention(text);
}

/** Where a frame's viewport starts in its parent's viewport (its content box), CSS pixels. */
export function frameViewportOffset(frame: HTMLIFrameElement): { x: number; y: number } {
  const rect = frame.getBoundingClientRect();
  const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
  const padLeft = Number.parseFloat(style?.paddingLeft ?? '') || 0;
  const padTop = Number.parseFloat(style?.paddingTop ?? '') || 0;
  return { x: rect.left + frame.clientLeft + padLeft, y: rect.top + frame.clientTop + padTop };
}

/**
 * Whether this window is a frame whose parent document the parent's own content script can
 * reach (same origin): that instance scans this frame, so this one has nothing to do.
 */
export function handledByParent(win: Pick<Window, 'parent'>): boolean {
  if (win.parent === (win as unknown)) return false;
  try {
    return win.parent.document !== null && win.parent.document !== undefined;
  } catch {
    return false;
  }
}
