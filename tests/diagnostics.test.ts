// Golden diagnostics: each design in examples/errors/ and tests/diagnostics/ with its expected
// diagnostics beside it as <name>.diagnostics.txt (the source, annotated).
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDiagnostics, mlatFiles, root } from "./check.js";

describe("examples/errors: one broken design per diagnostic code", () => {
  for (const file of mlatFiles(path.join(root, "examples/errors"))) {
    const code = path.basename(file).slice(0, 8);
    it(path.basename(file), () => {
      const ds = checkDiagnostics(file);
      expect(ds.map((d) => d.code), `${path.basename(file)} reports ${code}`).toContain(code);
    });
  }
});

describe("tests/diagnostics", () => {
  for (const file of mlatFiles(path.join(root, "tests/diagnostics"))) {
    it(path.basename(file), () => {
      checkDiagnostics(file);
    });
  }
});
