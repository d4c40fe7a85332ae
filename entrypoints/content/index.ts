import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_SITE_MATCHES } from '../../lib/site-access/default-sites';
import { runLens } from './lens';

export default defineContentScript({
  // The default financial sites; others only when the user allows them (registered at run time
  // by the background with these same options, see entrypoints/background/site-access.ts).
  matches: [...DEFAULT_SITE_MATCHES],
  runAt: 'document_idle',
  // Cross-origin frames are pages of their own; same-origin ones are scanned by the document
  // that holds them (lib/page/frames.ts), and their instance stops at once.
  allFrames: true,
  // WXT would post a "content script started" message to the page: the page learns nothing. (The
  // build also replaces WXT's context with a silent one, quiet-context.ts, that neither announces
  // the script on `document` nor listens to the page.)
  noScriptStartedPostMessage: true,
  // The context (`ctx`) is not used: the content script's lifetime is its own (see lens.ts).
  main() {
    void runLens().catch((error: unknown) => console.warn('R2K Lens stopped on this page', error));
  },
});
