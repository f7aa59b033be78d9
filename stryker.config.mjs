// StrykerJS (mutation testing) for `npm run test:mutation -- SCOPE`: scripts/mutation.mjs picks the
// files to mutate per scope, so each run fits in minutes on two cores; results are incremental
// (reports/mutation/SCOPE/incremental.json) and reported as HTML and JSON under reports/mutation/.
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  coverageAnalysis: "perTest",
  checkers: [],
  concurrency: 2,
  timeoutMS: 20_000,
  ignoreStatic: true,
  ignorePatterns: ["dist", "reports", "node_modules", ".vitest-results.json", "playground/node_modules"],
  thresholds: { high: 85, low: 80, break: null },
};
