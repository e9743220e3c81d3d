import { defineConfig } from 'vite';

// Built by Maven (web/pom.xml) into the module's classes as static/, which Spring Boot serves at /.
const out = process.env.TESSERA_WEB_OUT ?? 'target/classes';

export default defineConfig({
  build: {
    outDir: `${out}/static`,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev` against a server started with ./tessera run
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
} as never);
