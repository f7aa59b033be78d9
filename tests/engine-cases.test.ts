// Engine case files (Cedar/OPA style): a design, and votes or analysis facts with expected
// answers, all run by one helper. The case files are validated by tests/cases.schema.json.
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { compileExample, root } from "./check.js";
import { analyzeRule } from "../compiler/engine/analysis/analyze.js";
import { findRule } from "../compiler/engine/rules.js";
import { evaluateVote, type Ballot } from "../compiler/engine/evaluation/vote.js";
import type { ConditionTrace } from "../compiler/engine/evaluation/vote.js";
import type { RuleSet } from "../compiler/index.js";
import { traceFromEvents, type EventsDocument } from "../compiler/engine/conduct/events-input.js";
import { runConduct } from "../compiler/engine/conduct/principles.js";

const validate = new Ajv2020({ allowUnionTypes: true }).compile(JSON.parse(readFileSync(path.join(root, "tests/cases.schema.json"), "utf8")));

interface CaseFile {
  design: string;
  cases: Record<string, unknown>[];
}

function caseFiles(dir: string): [string, CaseFile][] {
  return readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith(".cases.json"))
    .sort()
    .map((f) => [`${dir}/${f}`, JSON.parse(readFileSync(path.join(root, dir, f), "utf8")) as CaseFile]);
}

const designs = new Map<string, RuleSet>();
function design(file: string): RuleSet {
  let rs = designs.get(file);
  if (!rs) {
    const r = compileExample(path.join(root, file));
    if (!r.ruleset) throw new Error(`${file} does not compile: ${r.diagnostics.map((d) => d.message).join("; ")}`);
    designs.set(file, (rs = r.ruleset));
  }
  return rs;
}

function reasons(t: ConditionTrace): string[] {
  return [t.text, ...(t.children ?? []).flatMap(reasons)];
}

for (const [name, file] of [...caseFiles("tests/evaluation"), ...caseFiles("tests/analysis"), ...caseFiles("tests/conduct")]) {
  describe(name, () => {
    it("is a valid case file", () => {
      expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    });
    for (const c of file.cases as { description: string; rule: string; votes?: Record<string, unknown>; expected?: Record<string, unknown>; analysis?: Record<string, unknown>; events?: unknown[]; violations?: { principle: string; actor: string; kind: string; reasons?: string[] }[] }[]) {
      it(c.description, () => {
        const rs = design(file.design);
        if (c.events) {
          const { violations } = runConduct(rs, traceFromEvents(rs, { events: c.events } as EventsDocument));
          expect(violations.map((v) => ({ principle: v.principle, actor: v.actor, kind: v.kind }))).toEqual(c.violations!.map(({ principle, actor, kind }) => ({ principle, actor, kind })));
          c.violations!.forEach((want, i) => {
            for (const r of want.reasons ?? []) expect(violations[i]!.reasons).toContain(r);
          });
          return;
        }
        const found = findRule(rs, c.rule);
        expect(found, `rule ${c.rule}`).toBeDefined();
        const { body, rule } = found!;
        if (c.votes) {
          const ballots: Record<string, Ballot> = {};
          for (const b of ["yes", "no", "abstain", "absent"] as const) for (const s of (c.votes[b] as string[] | undefined) ?? []) ballots[s] = b;
          const rest = c.votes["rest"] as Ballot | undefined;
          // A constituency whose states are named votes through them, not by `rest`.
          if (rest) for (const s of body.seats) if (!(s.for ?? []).some((m) => m in ballots)) ballots[s.id] ??= rest;
          const r = evaluateVote(body, rule, ballots);
          const e = c.expected as { outcome: string; vetoedBy?: string[]; reasons?: string[]; flip?: string[] };
          expect(r.outcome).toBe(e.outcome);
          if (e.vetoedBy) expect(r.vetoedBy).toEqual(e.vetoedBy);
          for (const text of e.reasons ?? []) expect(reasons(r.conditions)).toContain(text);
          if (e.flip) expect(r.counterfactual?.seats).toEqual(e.flip);
        } else {
          const a = analyzeRule(rs, body, rule);
          const want = c.analysis as Record<string, unknown>;
          for (const [key, value] of Object.entries(want)) {
            if (key === "banzhaf") for (const [p, v] of Object.entries(value as object)) expect(a.banzhaf[p]?.normalized, `banzhaf ${p}`).toBe(v);
            else if (key === "banzhafSwings") for (const [p, v] of Object.entries(value as object)) expect(a.banzhaf[p]?.swings, `swings ${p}`).toBe(v);
            else if (key === "shapleyShubik") for (const [p, v] of Object.entries(value as object)) expect(a.shapleyShubik?.[p], `shapley ${p}`).toBe(v);
            else if (key === "owen" || key === "banzhafOwen") {
              const o = a.owen && !("note" in a.owen) ? a.owen : undefined;
              for (const [p, v] of Object.entries(value as object)) expect(o?.[key][p], `${key} ${p}`).toBe(v);
            } else if (key === "minimalWinningCoalitions") expect(a.minimalWinningCoalitions.count).toBe(value);
            else if (key === "canBlock") for (const [cls, v] of Object.entries(value as object)) expect(a.powerClasses.find((x) => x.class === cls)?.canBlock, `${cls} can block`).toBe(v);
            else expect((a as unknown as Record<string, unknown>)[key], key).toEqual(value);
          }
        }
      });
    }
  });
}
