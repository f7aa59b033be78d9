// One mistake gives one error where it is, or two where a second really helps: every reference to
// a state or group in a `members`, `seats`, `veto` or ballot of the examples is replaced, one at a
// time, by an unknown name, and the errors of the whole design are counted.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { check, parse, type Ast, type Span } from "../compiler/index.js";
import { mlatFiles, root } from "./check.js";
import { NodeSourceHost } from "../compiler/node/index.js";

/** Spans of names referenced by a set expression (refs and the items of set literals). */
function setNames(s: Ast.SetExpr, out: Span[]): void {
  switch (s.kind) {
    case "ref": out.push(s.name.span); break;
    case "setLiteral": for (const i of s.items) out.push(i.span); break;
    case "setBinary": setNames(s.left, out); setNames(s.right, out); break;
    case "setParen": setNames(s.inner, out); break;
    default: break;
  }
}

function conditionNames(c: Ast.Condition, out: Span[]): void {
  if (c.kind === "veto") setNames(c.set, out);
  else if (c.kind === "and" || c.kind === "or") for (const o of c.operands) conditionNames(o, out);
  else if (c.kind === "not") conditionNames(c.operand, out);
  else if (c.kind === "paren") conditionNames(c.inner, out);
}

/** Every reference in members, seats, vetoes and ballots. */
function references(ast: Ast.SourceFile): Span[] {
  const out: Span[] = [];
  for (const d of ast.declarations) {
    if (d.kind === "institution") {
      for (const item of d.items) {
        if (item.kind === "members") setNames(item.set, out);
        if (item.kind === "body") {
          for (const b of item.items) {
            if (b.kind === "seats" && b.set) setNames(b.set, out);
            if (b.kind === "rule") conditionNames(b.condition, out);
          }
        }
      }
    }
    if (d.kind === "scenario") for (const s of d.items) if (s.kind === "vote") for (const b of s.ballots) for (const x of b.seats) setNames(x, out);
  }
  return out;
}

const examples = mlatFiles(path.join(root, "examples"));

describe("renaming one referenced state or group gives at most two errors", () => {
  for (const file of examples) {
    const rel = path.relative(root, file).split(path.sep).join("/");
    const text = readFileSync(file, "utf8");
    const spans = references(parse(text, rel).ast);
    if (spans.length === 0) continue;
    it(`${path.basename(file)} (${spans.length} references)`, () => {
      const worst: { at: string; errors: string[] }[] = [];
      for (const span of spans) {
        const mutated = text.slice(0, span.start) + "Qqzxv" + text.slice(span.end);
        const host = new NodeSourceHost();
        host.overrides.set(rel, mutated);
        const errors = check({ host, entries: [rel] }).diagnostics.filter((d) => d.severity === "error");
        if (errors.length > 2 || errors.length === 0) worst.push({ at: `${rel}@${span.start} (${text.slice(span.start, span.end)})`, errors: errors.map((e) => `${e.code} ${e.message}`) });
      }
      expect(worst.slice(0, 5)).toEqual([]);
    });
  }
});
