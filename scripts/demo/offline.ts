/**
 * How the demo keeps the browser offline (unless `--online`): every host but the demo page's
 * fails at once, so R2K Lens runs from its bundled snapshot exactly as on a machine without a
 * network, and nothing is fetched from any provider.
 */

/** Chromium: no host resolves except the local ones (the demo page). */
export const CHROMIUM_OFFLINE_ARGS: readonly string[] = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/**
 * Firefox: every connection goes through a proxy on a closed local port (the discard port), so
 * it fails at once; local addresses are never proxied (Firefox's own rule), so the demo page loads.
 */
export const FIREFOX_OFFLINE_PREFS: Readonly<Record<string, string | number | boolean>> = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
};
