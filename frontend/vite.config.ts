import { defineConfig } from 'vitest/config';

// The build lands in the jar's static/ folder, which the gateway serves at "/".
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
  },
  server: {
    // `npm run dev` against a running gateway: the session cookie stays on the gateway's origin.
    proxy: { '/api': 'http://localhost:8080', '/oauth2': 'http://localhost:8080', '/logout': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
  },
});
