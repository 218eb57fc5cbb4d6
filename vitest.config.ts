import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname), "server-only": path.resolve(__dirname, "tests/support/server-only.ts") } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    environment: "node",
    projects: [
      // Pure logic: files in parallel.
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts", "components/**/*.test.ts", "lib/**/*.test.ts"] } },
      // The integration suites share one PostgreSQL database: their files run one at a time.
      { extends: true, test: { name: "integration", include: ["tests/integration/**/*.test.ts"], fileParallelism: false } },
    ],
  },
});
