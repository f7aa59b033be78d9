// The tests StrykerJS runs against each mutant (`npm run test:mutation`): the ones that run the
// compiler in this process. The end-to-end tests spawn the bundled CLI and server, which a mutant
// of the sources never reaches, so they are left out (they run in `npm test`).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Property tests run at most 100 cases per mutant (tests/fakes/fast-check-capped.ts).
  resolve: { alias: [{ find: /^fast-check$/, replacement: fileURLToPath(new URL("./tests/fakes/fast-check-capped.ts", import.meta.url)) }] },
  test: {
    // scripts/mutation.mjs names the tests that matter for each scope (MLAT_MUTATION_TESTS); a
    // mutant is run against those that cover it, so the shorter the list the faster the run.
    include: process.env["MLAT_MUTATION_TESTS"]?.split(",") ?? [
      "tests/analysis-properties.test.ts",
      "tests/blocs.test.ts",
      "tests/diagnostics.test.ts",
      "tests/differential.test.ts",
      "tests/editor-analysis.test.ts",
      "tests/engine-cases.test.ts",
      "tests/examples.test.ts",
      "tests/facts.test.ts",
      "tests/groups.test.ts",
      "tests/host.test.ts",
      "tests/internal-errors.test.ts",
      "tests/lexer.test.ts",
      "tests/one-error-per-mistake.test.ts",
      "tests/parser.test.ts",
      "tests/plain-words.test.ts",
      "tests/rational.test.ts",
    ],
    testTimeout: 60_000,
  },
});
