// Values fixed at build time by wxt.config.ts (`vite.define`).
interface ImportMetaEnv {
  /** Origin of the chart provider (default Yahoo's public host; the e2e build points it at a local server). */
  readonly WXT_CHART_BASE_URL: string;
}
