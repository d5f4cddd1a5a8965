import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/; the server serves the build from dist/web on the same port as /api.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  // package.json "imports" (#web/*, #shared/*): the "source" condition resolves #shared/* to the TypeScript sources.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
