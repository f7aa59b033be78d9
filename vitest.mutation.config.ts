// The tests StrykerJS runs against each mutant (`npm run test:mutation`): the ones that run the
// compiler in this process. The end-to-end tests spawn the bundled CLI and server, which a mutant
// of the sources never reaches, so they are left out (they run in `npm test`).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
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
