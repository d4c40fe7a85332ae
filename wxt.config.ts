import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * The chart provider's origin. Overridable at build time so the real-browser suite can point the
 * extension at a local server that replays recorded responses (`npm run build:e2e`).
 */
const chartBaseUrl = process.env.WXT_CHART_BASE_URL ?? 'https://query1.finance.yahoo.com';

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: process.env.R2K_OUT_DIR ?? '.output',
  manifest: {
    name: 'R2K Lens',
    description:
      'Russell 2000 context for the tickers and indexes you read: hover cards, a small-cap dashboard, offline from real data.',
    permissions: ['storage', 'alarms'],
    host_permissions: [`${new URL(chartBaseUrl).origin}/*`],
    action: { default_title: 'R2K Lens: Russell 2000 dashboard' },
  },
  vite: () => ({
    plugins: [preact()],
    define: {
      'import.meta.env.WXT_CHART_BASE_URL': JSON.stringify(chartBaseUrl),
    },
  }),
});
