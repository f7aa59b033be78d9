// Inlay hints (a relative threshold resolved for its body: `yes >= 2/3 of voting` → "≥ 10 of 15
// if all vote"; member and seat counts) and code lenses ("Analyze rule", "Run scenario").
import type * as A from "../../syntax/ast.js";
import type { Model } from "../../semantics/model.js";
import type { Span } from "../../text/span.js";
import { Rational } from "../../numbers/rational.js";

export interface InlayHint {
  readonly offset: number;
  readonly label: string;
}

export interface CodeLens {
  readonly span: Span;
  readonly title: string;
  readonly command: "mlat.analyzeRule" | "mlat.runScenarios";
  readonly arguments: readonly string[];
}

export function inlayHints(model: Model, ast: A.SourceFile, range: Span): InlayHint[] {
  const out: InlayHint[] = [];
  const within = (s: Span) => s.end >= range.start && s.start <= range.end;
  for (const d of ast.declarations) {
    if (!within(d.span)) continue;
    if (d.kind === "group") {
      const g = model.groups.get(d.name.text);
      if (g && g.decl === d) out.push({ offset: d.expr.span.end, label: ` ${g.members.length} ${g.members.length === 1 ? "state" : "states"}` });
    }
    if (d.kind !== "institution") continue;
    const inst = model.institutions.get(d.name.text);
    if (!inst || inst.decl !== d) continue;
    for (const item of d.items) {
      if (item.kind === "members") out.push({ offset: item.set.span.end, label: ` ${inst.members.length} members` });
      if (item.kind !== "body") continue;
      const body = inst.bodies.get(item.name.text);
      if (!body || body.decl !== item) continue;
      for (const bi of item.items) {
        if (bi.kind === "seats" && bi.set) {
          const seats = bi.seatClass ? body.seatClasses.get(bi.seatClass.text)?.length : body.seats.filter((s) => !s.seatClass).length;
          if (seats !== undefined) out.push({ offset: bi.set.span.end, label: ` ${seats} seats` });
        }
        if (bi.kind !== "rule" || !within(bi.span)) continue;
        const rule = body.rules.get(bi.name.text);
        if (!rule) continue;
        visitCompares(bi.condition, (c) => {
          if (c.right.kind !== "quantity" || (c.right.value.form !== "percent" && c.right.value.form !== "fraction")) return;
          const q = Rational.parse(c.right.value.text);
          if (!q) return;
          let total: Rational;
          if (c.left.weight) {
            const values = rule.weights.get(c.left.weight.text);
            if (!values || values.size !== body.seats.length) return;
            total = [...values.values()].reduce((a, b) => a.add(b), Rational.ZERO);
          } else total = Rational.of(body.seats.length);
          const threshold = q.mul(total);
          const shown = c.left.weight ? threshold.toDecimal(2).replace(/\.?0+$/, "") : (c.op === ">" ? threshold.floor() + 1n : threshold.ceil()).toString();
          const sym = c.left.weight ? (c.op === ">" ? ">" : "≥") : "≥";
          const of = c.left.weight ? ` of ${total.isInteger() ? total : total.toDecimal(2)}` : ` of ${body.seats.length}`;
          out.push({ offset: c.right.span.end, label: c.right.base === "all" ? ` ${sym} ${shown}${of}` : ` ${sym} ${shown}${of} if all vote` });
        });
      }
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function visitCompares(c: A.Condition, f: (c: Extract<A.Condition, { kind: "compare" }>) => void): void {
  switch (c.kind) {
    case "and":
    case "or":
      c.operands.forEach((o) => visitCompares(o, f));
      break;
    case "not":
      visitCompares(c.operand, f);
      break;
    case "paren":
      visitCompares(c.inner, f);
      break;
    case "compare":
      f(c);
      break;
    default:
      break;
  }
}

export function codeLenses(ast: A.SourceFile, file: string): CodeLens[] {
  const out: CodeLens[] = [];
  const scenarios = ast.declarations.filter((d): d is A.ScenarioDecl => d.kind === "scenario");
  for (const d of ast.declarations) {
    if (d.kind === "institution") {
      for (const item of d.items) {
        if (item.kind !== "body") continue;
        for (const bi of item.items) {
          if (bi.kind === "rule" && bi.name.text) out.push({ span: bi.span, title: "Analyze rule", command: "mlat.analyzeRule", arguments: [`${d.name.text}.${item.name.text}.${bi.name.text}`, file] });
        }
      }
    }
    if (d.kind === "scenario") out.push({ span: d.span, title: "Run scenario", command: "mlat.runScenarios", arguments: [file, d.name.text] });
  }
  if (scenarios.length > 1) out.unshift({ span: scenarios[0]!.span, title: `Run all ${scenarios.length} scenarios`, command: "mlat.runScenarios", arguments: [file] });
  return out;
}
