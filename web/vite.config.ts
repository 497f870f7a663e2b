import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Served by the service itself at `/`; in `npm run dev` the API is proxied to it.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    // Each workspace and FullCalendar are their own chunks (React.lazy); Rollup shares the rest.
  },
  server: {
    proxy: { '/v1': 'http://127.0.0.1:3000', '/docs': 'http://127.0.0.1:3000' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
