/**
 * What kind of page a tab shows, from its URL, so the popup can say why R2K Lens is not running
 * there. `null` means the browser did not give us the URL (no access to that page).
 */
export type TabKind =
  | 'web'
  | 'new-tab'
  | 'browser-page'
  | 'extension-store'
  | 'extension-page'
  | 'local-file'
  | 'pdf'
  | 'unknown';

const STORES = [
  /^https:\/\/chromewebstore\.google\.com\//,
  /^https:\/\/chrome\.google\.com\/webstore/,
  /^https:\/\/addons\.mozilla\.org\//,
  /^https:\/\/microsoftedge\.microsoft\.com\/addons/,
];

/** Classifies a tab's URL (`null`/`undefined` when the browser withheld it: `unknown`). */
export function tabKind(url: string | null | undefined): TabKind {
  if (!url) return 'unknown';
  if (
    /^(chrome|edge|brave|opera|vivaldi):\/\/newtab\/?$/.test(url) ||
    url === 'about:newtab' ||
    url === 'about:home'
  ) {
    return 'new-tab';
  }
  if (url.startsWith('chrome-search://')) return 'new-tab';
  if (STORES.some((re) => re.test(url))) return 'extension-store';
  if (/^(chrome|edge|brave|opera|vivaldi|about|view-source|devtools):/.test(url))
    return 'browser-page';
  if (/^(chrome-extension|moz-extension|extension):\/\//.test(url)) return 'extension-page';
  if (url.startsWith('file:')) return 'local-file';
  if (/^https?:\/\/[^?#]*\.pdf(?:[?#]|$)/i.test(url)) return 'pdf';
  if (/^https?:\/\//.test(url)) return 'web';
  return 'unknown';
}

/**
 * Why no content script answers in a tab of `kind`, in plain words for the popup. For `web`,
 * the page was most likely open before R2K Lens was installed or updated, or detection is off.
 */
export function whyNotRunning(kind: TabKind): string {
  switch (kind) {
    case 'new-tab':
      return 'This is a new tab: there is no page for R2K Lens to read.';
    case 'browser-page':
      return 'Browser pages (settings, history, extensions) cannot be read by extensions.';
    case 'extension-store':
      return 'Browsers do not let extensions run on the extension store.';
    case 'extension-page':
      return 'This is an extension page, not a web page.';
    case 'local-file':
      return 'R2K Lens does not run on local files.';
    case 'pdf':
      return 'R2K Lens does not read PDF documents.';
    case 'web':
      return 'R2K Lens is not running on this page yet: reload the page (it was probably open before R2K Lens was installed or updated).';
    default:
      return 'R2K Lens cannot read this page (a browser page, the extension store, or a site it has no access to).';
  }
}
