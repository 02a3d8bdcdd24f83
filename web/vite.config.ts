import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The single-page app: built into web/dist, which the Fastify app serves at / (API under /api).
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    // `npm run dev:web` next to `vivier serve` (port 3000).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
