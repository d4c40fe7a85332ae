import { defineContentScript } from 'wxt/utils/define-content-script';
import { runLens } from './lens';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    void runLens(ctx).catch((error: unknown) =>
      console.warn('R2K Lens stopped on this page', error),
    );
  },
});
