import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive Debian's Chromium (no browser download: the machine
 * has no internet) against the production frontend build served by the
 * backend, as a deployed portal is served.
 */
const port = Number(process.env.E2E_PORT ?? 7017);

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  outputDir: '.artifacts/e2e-results',
  webServer: {
    command: 'bash e2e/serve-production-build.sh',
    url: `http://localhost:${port}/.backstage/health/v1/readiness`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { E2E_PORT: String(port) },
  },
  use: {
    baseURL: `http://localhost:${port}`,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // As root on this machine Chromium needs no sandbox; the rest keeps it
      // from reaching for the (absent) internet at start.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
