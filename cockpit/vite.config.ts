import { defineConfig } from 'vite';

// Relative asset URLs: the same build works under the gateway's /cockpit/ and behind any Ingress prefix.
// `npm run dev` serves on :5173 (an origin the realm and the gateway's CORS allow) and calls the
// gateway of `make run` on :8080 (set VITE_GATEWAY to change it).
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    strictPort: true,
  },
});
