import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;
/** The test SMTP server sits beside the site's port, so parallel runs on other ports never share it. */
const mailPort = Number(process.env.E2E_MAIL_PORT ?? port + 426);
/** The test server signs its links with this; tests make tokens with it too. Never a real secret. */
export const E2E_SECRET = "e2e-only-secret-not-for-production-0123456789";

// Debian's Chromium, never a downloaded build. The flags keep it from reaching for Google's
// services, which stall it on a closed network.
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "e2e",
  // Playwright empties its output folder on start; keep it apart from the other suites' results.
  outputDir: "test-results/playwright",
  fullyParallel: true,
  workers: 2,
  // On the shared 2-core CI machine a timing-sensitive test may lose a race once; one retry there,
  // and the summary names every test that needed it, so a flaky test is seen rather than hidden.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: { baseURL, trace: "retain-on-failure" },
  projects: [{ name: "chromium", use: chromium }],
  webServer: [
    {
      // A real SMTP server: the site's mail lands in test-results/mail/ for the tests to read.
      command: "node scripts/mail-catcher.mjs",
      port: mailPort,
      reuseExistingServer: !process.env.CI,
      env: { MAIL_PORT: String(mailPort), MAIL_DIR: "test-results/mail" },
    },
    {
      // Always a production build (`npm test` builds before it runs us), served as in production:
      // nginx on the port, Next's standalone server behind it (deploy/nginx.conf, scripts/site.mjs).
      command: `node scripts/serve-proxy.mjs --port ${port} --logs test-results`,
      url: `${baseURL}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        SITE_URL: baseURL,
        NEWSLETTER_SECRET: E2E_SECRET,
        SMTP_URL: `smtp://127.0.0.1:${mailPort}`,
        SQLITE_PATH: "test-results/e2e.db",
        SIGNUP_RATE_LIMIT_PER_MINUTE: "20",
        SQLITE_BUSY_TIMEOUT_MS: "100",
        // The tests speak as a load balancer in front of nginx would, naming each client in
        // X-Forwarded-For; from anywhere else the header is ignored (e2e/client-address.spec.ts
        // checks a site without TRUST_PROXY, where rotating it gains nothing).
        TRUST_PROXY: "loopback",
        // No letters from the test server: the letter tests drive the worker themselves.
        LETTER_WORKER: "off",
      },
    },
  ],
});
