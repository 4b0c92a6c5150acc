/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Where the dev server forwards API calls. The app itself only ever calls relative /api/... URLs.
const alertsApi = process.env.ALERTS_API_URL ?? 'http://localhost:8080';
const analyticsApi = process.env.ANALYTICS_API_URL ?? 'http://localhost:8081';

// First match wins, so the analytics routes come before the catch-all /api. An alert's listings are
// alerts-service's; one listing's prices (/listings/{itemId}/prices) are analytics-service's.
const proxy = {
  '^/api/alerts/[^/]+/(insights|price-history|listings/[^/?]+/prices)(\\?|$)': {
    target: analyticsApi,
    changeOrigin: true,
  },
  '/api': { target: alertsApi, changeOrigin: true },
  '/signin': { target: alertsApi, changeOrigin: true },
  '/confirm': { target: alertsApi, changeOrigin: true },
  '/unsubscribe': { target: alertsApi, changeOrigin: true },
  '/start': { target: alertsApi, changeOrigin: true },
  '/mute': { target: alertsApi, changeOrigin: true },
};

export default defineConfig({
  plugins: [react()],
  server: { port: 3000, strictPort: true, proxy },
  preview: { port: 3000, strictPort: true, proxy },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    // Form tests type into many inputs; on a busy 2-core CI machine that can pass the default 5 s.
    testTimeout: 15_000,
  },
});
