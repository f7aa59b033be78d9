// Bad input never crashes the front end: random token streams, random text and mutations of the
// examples go through parse and check without throwing, and every diagnostic range lies inside the
// text. Fixed seeds keep the suite deterministic; MLAT_FUZZ_RUNS raises the number of runs.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, memoryHost, parse } from "../compiler/index.js";
import { mlatFiles, root } from "./check.js";

const runs = Number(process.env["MLAT_FUZZ_RUNS"] ?? 150);
const words = [
  "state", "group", "institution", "body", "seats", "rule", "weight", "members", "of", "states", "where", "veto", "yes", "no", "abstain",
  "and", "or", "not", "by", "voting", "present", "unanimity", "consensus", "principle", "every", "must", "may", "when", "unless",
  "authorized", "scenario", "vote", "expect", "adopted", "rejected", "assert", "use", "action", "arrangement", "between", "does",
  "{", "}", "(", ")", ",", ":", ".", "=", ">=", ">", "<", "+", "-", "&", "*", "/", "9", "2/3", "55%", "0.5", "\"x\"", "USA", "A", "B", "P5", "elected",
  "\n", "///doc\n", "//c\n",
];

function checkNeverThrows(text: string): void {
  const r = check({ host: memoryHost({ "f.mlat": text }), entries: ["f.mlat"] });
  for (const d of r.diagnostics) {
    expect(d.span.start).toBeGreaterThanOrEqual(0);
    expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
    expect(d.span.end).toBeLessThanOrEqual(text.length);
    expect(d.code).not.toBe("MLAT4001");
  }
}

describe("fuzzing the front end", () => {
  it("random token streams", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...words), { maxLength: 120 }), (ws) => checkNeverThrows(ws.join(" "))), { seed: 1, numRuns: runs });
  });

  it("random text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => checkNeverThrows(s)), { seed: 2, numRuns: runs });
  });

  const corpus = mlatFiles(path.join(root, "examples")).filter((f) => !f.endsWith("world.mlat")).map((f) => readFileSync(f, "utf8").replace(/^use .*$/m, ""));
  it("mutations of the examples (deleted, duplicated and swapped tokens)", () => {
    const mutation = fc.record({
      file: fc.nat({ max: corpus.length - 1 }),
      ops: fc.array(fc.record({ kind: fc.constantFrom("delete", "duplicate", "swap"), at: fc.nat(), other: fc.nat() }), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(mutation, ({ file, ops }) => {
        const tokens = corpus[file]!.split(/(\s+)/);
        for (const op of ops) {
          const i = op.at % tokens.length;
          const j = op.other % tokens.length;
          if (op.kind === "delete") tokens.splice(i, 1);
          else if (op.kind === "duplicate") tokens.splice(i, 0, tokens[i]!);
          else [tokens[i], tokens[j]] = [tokens[j]!, tokens[i]!];
        }
        checkNeverThrows(tokens.join(""));
      }),
      { seed: 3, numRuns: runs },
    );
  });

  it("deep nesting is an error, not a stack overflow", () => {
    const deep = "state A\ninstitution I { members: { A }\n body B { seats: members\n rule r: " + "(".repeat(20_000) + "yes > 0" + ")".repeat(20_000) + " } }";
    const r = parse(deep, "deep.mlat");
    expect(r.diagnostics.map((d) => d.code)).toContain("MLAT1005");
  });
});
