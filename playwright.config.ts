import { defineConfig, devices } from '@playwright/test';

const PORT = process.env.E2E_PORT ?? '3100';
const DEMO_CLOUD_PORT = process.env.DEMO_CLOUD_PORT ?? '5150';
const baseURL = `http://127.0.0.1:${PORT}`;

const DEMO_STATE = 'e2e/.auth/demo.json';
// Keep in sync with e2e/helpers.ts (LITE_URL).
const LITE_PORT = process.env.E2E_LITE_PORT ?? '3101';
const LITE_CLOUD_PORT = process.env.E2E_LITE_CLOUD_PORT ?? '5151';
const LITE_URL = `http://127.0.0.1:${LITE_PORT}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 1 : 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: {
    baseURL,
    colorScheme: 'light',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /.*\.setup\.ts/ },
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], storageState: DEMO_STATE, channel: undefined },
      dependencies: ['setup'],
    },
  ],
  webServer: [
    {
      command: 'npm run demo -- --speed 10',
      url: `${baseURL}/login`,
      env: { PORT, DEMO_CLOUD_PORT, NEXT_TELEMETRY_DISABLED: '1' },
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // A second, smaller cloud without object storage: pages of absent services are tested on it.
      command: 'npm run demo -- --speed 10 --omit-services object-store',
      url: `${LITE_URL}/login`,
      env: { PORT: LITE_PORT, DEMO_CLOUD_PORT: LITE_CLOUD_PORT, NEXT_TELEMETRY_DISABLED: '1' },
      reuseExistingServer: !process.env.CI,
      timeout: 300_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
