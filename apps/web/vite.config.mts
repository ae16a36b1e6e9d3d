import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app, built into dist/web/app and served by the API at /. `npx vite --config
 * apps/web/vite.config.ts` runs a dev server that forwards /graphql to an API on port 3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web/app', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Every asset is a file: the CSP allows no data: URLs in the app.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: { proxy: { '/graphql': 'http://localhost:3000' } },
});
