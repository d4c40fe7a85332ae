import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_SITE_MATCHES } from '../../lib/site-access/default-sites';
import { runLens } from './lens';

export default defineContentScript({
  // The default financial sites; others only when the user allows them (registered at run time
  // by the background with these same options, see entrypoints/background/site-access.ts).
  matches: [...DEFAULT_SITE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    void runLens(ctx).catch((error: unknown) =>
      console.warn('R2K Lens stopped on this page', error),
    );
  },
});
