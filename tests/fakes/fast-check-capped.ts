// fast-check for mutation testing only (aliased in vitest.mutation.config.ts): every property test
// runs at most 100 cases per mutant instead of its full count. A mutant that 100 random cases do
// not catch is reported as surviving; `npm test` still runs the full counts.
import real from "../../node_modules/fast-check/lib/fast-check.js";

type Fc = typeof import("fast-check").default;
const fc = real as Fc;
const capped: Fc = {
  ...fc,
  assert: ((property: Parameters<Fc["assert"]>[0], params?: Parameters<Fc["assert"]>[1]) => fc.assert(property, { ...params, numRuns: Math.min(params?.numRuns ?? 100, 100) })) as Fc["assert"],
};
export default capped;
