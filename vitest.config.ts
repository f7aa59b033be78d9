import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The extension's unit tests run against a fake of the editor's API (tests/fakes/vscode.ts).
  resolve: { alias: { vscode: fileURLToPath(new URL("./tests/fakes/vscode.ts", import.meta.url)) } },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    // The JSON report is what .ci/run counts ("N passed, N failed").
    reporters: ["default", ["json", { outputFile: ".vitest-results.json" }]],
    // `npm run test:coverage`: lines and branches of the code run in-process (the end-to-end tests
    // that spawn dist/cli.js or the server count there only through what they also test directly).
    coverage: {
      provider: "v8",
      include: ["compiler/**/*.ts", "lsp/**/*.ts"],
      exclude: ["**/*.generated.js", "compiler/cli/**", "compiler/node/**"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "reports/coverage",
    },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
