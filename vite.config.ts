// Vite build of the web workspace: root app/, output dist/app, /api proxied to the local server in dev.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
/** the API server behind /api (dev and preview); LUOSHI_API overrides the default */
const api = process.env.LUOSHI_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: `${here}app`,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${here}dist/app`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  preview: {
    port: 4173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
});
