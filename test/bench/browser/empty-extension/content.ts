import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_SITE_MATCHES } from '../../../../lib/site-access/default-sites';

/**
 * The page-cost benchmark's baseline: a WXT content script that does nothing, declared like ours
 * (same sites, frames and timing; the benchmark build adds the local pages to both).
 */
export default defineContentScript({
  matches: [...DEFAULT_SITE_MATCHES],
  runAt: 'document_idle',
  allFrames: true,
  main() {},
});
