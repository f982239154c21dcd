import { defineConfig } from 'vitest/config';

// The build lands in the jar's static/ folder, which the gateway serves at "/".
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // Libraries ship "use client" for React Server Components; meaningless in this SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm run dev` against a running gateway: the session cookie stays on the gateway's origin.
    proxy: { '/api': 'http://localhost:8080', '/oauth2': 'http://localhost:8080', '/logout': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
  },
});
