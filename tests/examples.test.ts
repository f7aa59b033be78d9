// The examples are a corpus: each compiles with no error, its rule set validates against the
// published schema, and the rule set is snapshotted (re-bless with UPDATE_SNAPSHOTS=1).
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { validateAgainst } from "../compiler/index.js";
import { compileExample, golden, mlatFiles, root } from "./check.js";

const examples = mlatFiles(path.join(root, "examples"));

describe("examples", () => {
  it("has the institutions the design promises", () => {
    const names = examples.map((f) => path.basename(f));
    for (const n of ["un.mlat", "eec-1958.mlat", "eu-council-lisbon.mlat", "imf.mlat", "nato.mlat", "wto.mlat", "asean.mlat", "nordic-council.mlat"]) {
      expect(names).toContain(n);
    }
  });

  it.each(examples.map((f) => [path.basename(f), f]))("%s compiles to a schema-valid rule set", (name, file) => {
    const result = compileExample(file);
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => `${d.file}: ${d.code} ${d.message}`)).toEqual([]);
    expect(result.ruleset).toBeDefined();
    expect(validateAgainst("ruleset", result.ruleset)).toEqual([]);
    golden(path.join(root, "tests/ruleset/__snapshots__", name.replace(/\.mlat$/, ".json")), JSON.stringify(result.ruleset, null, 2) + "\n");
  });
});
