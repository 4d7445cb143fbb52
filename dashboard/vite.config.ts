import path from 'node:path';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

const api = process.env.API_URL ?? 'http://localhost:4000';

/** The dashboard: built into dashboard/dist, which the API server serves at `/`. */
export default defineConfig({
  root: __dirname,
  plugins: [solid()],
  build: {
    outDir: process.env.DASHBOARD_OUT_DIR ?? path.join(__dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // One small entry; every page is its own lazy chunk.
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/healthz': { target: api, changeOrigin: true },
    },
  },
});
