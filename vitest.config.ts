import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    // The JSON report is what .ci/run counts ("N passed, N failed").
    reporters: ["default", ["json", { outputFile: ".vitest-results.json" }]],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
