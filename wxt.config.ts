import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  imports: false,
  manifest: {
    name: 'R2K Lens',
    description:
      'Russell 2000 context for the tickers and indexes you read: hover cards, a small-cap dashboard, offline from real data.',
    permissions: ['storage'],
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
