import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The GraphQL IDE (GraphiQL 5, Monaco): built into dist/web/graphiql, served from /graphiql/ by the API. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/graphiql/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../../dist/web/graphiql', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Fonts and icons as files, never data: URLs, so the CSP needs no data: for them.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
  },
  worker: { format: 'es' },
});
