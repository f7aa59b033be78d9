// The editor's "Analyze rule" (hover, code lens, command) and `mlat analyze` lower and analyse a
// rule through the same functions, so they give the same answer on every rule of every example.
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { AnalysisHost, analyze, compile, Ide } from "../compiler/index.js";
import { NodeSourceHost } from "../compiler/node/index.js";
import { mlatFiles, root } from "./check.js";

describe("the editor's rule analysis equals mlat analyze", () => {
  for (const file of mlatFiles(path.join(root, "examples"))) {
    const rel = path.relative(process.cwd(), file).split(path.sep).join("/");
    it(path.basename(file), () => {
      const compiled = compile({ host: new NodeSourceHost(), entries: [rel] });
      expect(compiled.ruleset, "the example compiles").toBeDefined();
      const cli = analyze(compiled.ruleset!, { listLimit: 20 });
      const ide = new Ide(new AnalysisHost(new NodeSourceHost({ cache: false })));
      for (const a of cli) {
        const fromEditor = ide.analyzeRule(rel, a.rule);
        if ("error" in a) expect(fromEditor.error).toBe(a.error);
        else expect(fromEditor.analysis, a.rule).toEqual(a);
      }
    });
  }
});
