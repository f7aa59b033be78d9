// Hover: what a name is, in Markdown — a declaration's `///` doc, a state's attributes, a group's
// members, a rule in plain words with its veto players and power indices — and the explanation
// of any diagnostic under the cursor.
import type { Model } from "../../semantics/model.js";
import type { CitationInfo } from "../../semantics/citation.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { findDiagnostic } from "../../diagnostics/codes.js";
import type { Span } from "../../text/span.js";
import { Rational } from "../../numbers/rational.js";
import { lowerCondition } from "../../ruleset/lower.js";
import { condition as printCondition } from "../../format/print-expressions.js";
import { kindOfId, nameOfId, symbolAt } from "./at-cursor.js";
import { plainWords } from "../../report/plain-words.js";
import { analysisOf, findRuleInfo, findTemplate } from "./rule-analysis.js";

export interface Hover {
  readonly markdown: string;
  readonly span: Span;
}

const list = (xs: readonly string[], max = 12) => (xs.length === 0 ? "none" : xs.length <= max ? xs.map((x) => `\`${x}\``).join(", ") : `${xs.slice(0, max).map((x) => `\`${x}\``).join(", ")} and ${xs.length - max} more`);
const pct = (s: string) => (Rational.parse(s) ?? Rational.ZERO).toPercent(2);

export function hover(model: Model, file: string, offset: number, diagnostics: readonly Diagnostic[]): Hover | undefined {
  const parts: string[] = [];
  let span: Span | undefined;
  const sym = symbolAt(model, file, offset);
  if (sym) {
    span = sym.span;
    parts.push(describe(model, sym.id));
  }
  for (const d of diagnostics) {
    if (d.file !== file || offset < d.span.start || offset > d.span.end) continue;
    const def = findDiagnostic(d.code);
    if (def) parts.push(`**${d.code}** (${d.severity}): ${d.message}\n\n${def.docs}`);
    span ??= d.span;
  }
  return span && parts.length ? { markdown: parts.join("\n\n---\n\n"), span } : undefined;
}

/** "cites **Art. 27(3)**", a link when the citation has an http(s) address. */
export function citationMarkdown(c: CitationInfo): string {
  const text = c.text.replace(/[\\`*_[\]<>]/g, (ch) => `\\${ch}`);
  return c.url && /^https?:\/\/[^\s()<>]+$/.test(c.url) ? `cites [${text}](${c.url})` : `cites **${text}**`;
}

function describe(model: Model, id: string): string {
  const kind = kindOfId(id);
  const name = nameOfId(id);
  const decl = model.declarations.get(id);
  const doc = (decl?.doc ? `\n\n${decl.doc}` : "") + (decl?.cite && !(decl.doc ?? "").trimStart().startsWith(decl.cite.text) ? `\n\n${citationMarkdown(decl.cite)}` : "");
  switch (kind) {
    case "state": {
      const s = model.states.get(name);
      const attrs = s ? [...s.attributes].map(([k, v]) => `| ${k} | ${v.type === "number" ? v.text : String(v.value)} |`) : [];
      const memberships = [...model.institutions.values()].filter((i) => i.members.includes(name)).map((i) => i.name);
      return `**state** \`${name}\`${s?.title ? ` — ${s.title}` : ""}${doc}${attrs.length ? `\n\n| attribute | value |\n| --- | --- |\n${attrs.join("\n")}` : ""}\n\nmember of ${list(memberships)}`;
    }
    case "group": {
      const g = model.groups.get(name);
      return `**group** \`${name}\` — ${g?.members.length ?? 0} states${doc}\n\n${list(g?.members ?? [], 20)}`;
    }
    case "institution": {
      const i = model.institutions.get(name);
      if (!i) return `**institution** \`${name}\``;
      return `**institution** \`${name}\`${i.title ? ` — ${i.title}` : ""}${doc}\n\n${i.members.length} members: ${list(i.members)}\n\nbodies: ${list([...i.bodies.keys()])}${i.principles.size ? `\n\nprinciples: ${list([...i.principles.keys()])}` : ""}`;
    }
    case "body": {
      const [inst, bodyName] = name.split(".");
      const b = model.institutions.get(inst!)?.bodies.get(bodyName!);
      if (!b) return `**body** \`${name}\``;
      const classes = [...b.seatClasses].map(([c, seats]) => `${c} (${seats.length})`);
      return `**body** \`${name}\`${b.title ? ` — ${b.title}` : ""}${doc}\n\n${b.seats.length} seats${classes.length ? `: ${classes.join(", ")}` : ""}\n\nrules: ${list([...b.rules.keys()])}`;
    }
    case "rule": {
      const r = findRuleInfo(model, name);
      if (!r) return `**rule** \`${name}\``;
      const words = plainWords(lowerCondition(r.condition));
      const a = analysisOf(model, r);
      let facts: string;
      if (typeof a === "string") facts = `analysis: ${a}`;
      else {
        const top = [...a.players].sort((x, y) => (Rational.parse(a.banzhaf[y]!.normalized)!.compare(Rational.parse(a.banzhaf[x]!.normalized)!))).slice(0, 5);
        const rows = top.map((p) => `| \`${p}\` | ${pct(a.banzhaf[p]!.normalized)} | ${a.shapleyShubik ? pct(a.shapleyShubik[p]!) : "—"} |`);
        facts = `veto players: ${list(a.vetoPlayers)} · dummies: ${list(a.dummies)}${a.dictator ? ` · dictator: \`${a.dictator}\`` : ""}\n\n${a.winningCoalitions} of ${a.totalCoalitions} coalitions win${a.monotone ? "" : " · **not monotone**"}\n\n| seat | Banzhaf | Shapley–Shubik |\n| --- | ---: | ---: |\n${rows.join("\n")}`;
      }
      const param = r.binding ? r.decl.parameter : undefined;
      const values = r.binding ? findTemplate(model, name)?.values.length ?? 0 : 0;
      const stated = param && r.binding ? `\n\nstated once for each \`${param.name.text}\` (${param.type.text === "state" ? "every seated state" : `the seated states of \`${param.type.text}\``}: ${values}); shown for \`${r.binding.value}\`` : "";
      return `**rule** \`${name}${param ? `(${param.name.text}: ${param.type.text})` : ""}\`${r.title ? ` — ${r.title}` : ""}${doc}${stated}\n\nadopted when ${words}\n\n${facts}`;
    }
    case "seatClass": {
      const parts = name.split(".");
      const b = model.institutions.get(parts[0]!)?.bodies.get(parts[1]!);
      const seats = b?.seatClasses.get(parts[2]!) ?? [];
      const constituency = b?.seats.find((x) => x.id === parts[2] && x.for);
      if (constituency) {
        const inside = b!.insides.get(constituency.id);
        return `**constituency** \`${parts[2]}\` of \`${parts[0]}.${parts[1]}\`${doc}\n\none seat cast for ${constituency.for!.length} states: ${list(constituency.for!)}\n\n${inside ? `its states decide by \`${printCondition(inside.decl)}\`` : "its representative casts the vote (no `inside` rule)"}`;
      }
      const rotation = b?.rotations.get(parts[2]!);
      const turn = rotation !== undefined ? `, ${rotation} of them hold a vote at a time (in rotation)` : "";
      return `**seat class** \`${parts[2]}\` of \`${parts[0]}.${parts[1]}\`${doc}\n\n${seats.length} seats${turn}: ${list(seats)}`;
    }
    case "weight": {
      const parts = name.split(".");
      const table = model.institutions.get(parts[0]!)?.bodies.get(parts[1]!)?.weightTables.get(parts[2]!);
      const entries = table ? [...table].map(([k, v]) => `${k}: ${v.isInteger() ? v.toString() : v.toDecimal(2)}`) : [];
      return `**weight** \`${parts[2]}\` of \`${parts[0]}.${parts[1]}\`${doc}\n\n${entries.slice(0, 20).join(", ")}${entries.length > 20 ? ", …" : ""}`;
    }
    case "attribute": {
      const holders = [...model.states.values()].filter((s) => s.attributes.has(name));
      const type = holders[0]?.attributes.get(name)?.type ?? "unknown";
      return `**attribute** \`${name}\` (${type}) — declared on ${holders.length} states`;
    }
    case "action": {
      const a = model.actions.get(name);
      return `**action** \`${name}\`(${a?.params.map((p) => `${p.name}: ${p.type}`).join(", ") ?? ""})${doc}`;
    }
    case "parameter": {
      const path = name.split(".");
      if (path.length === 4) {
        const template = findTemplate(model, path.slice(0, 3).join("."));
        const type = template && findRuleInfo(model, path.slice(0, 3).join("."))?.decl.parameter?.type.text;
        return `**parameter** \`${path[3]}\` of the rule \`${path.slice(0, 3).join(".")}\`: ${type ?? "state"}${template ? ` — one of ${list(template.values)}` : ""}`;
      }
      const [action, param] = path;
      const type = model.actions.get(action!)?.params.find((p) => p.name === param)?.type;
      return `**parameter** \`${param}\` of \`${action}\`: ${type ?? "unknown"}`;
    }
    case "principle": {
      const [inst, pname] = name.split(".");
      const p = model.institutions.get(inst!)?.principles.get(pname!);
      if (!p) return `**principle** \`${name}\``;
      const r = p.bound;
      const subject = "every" in r.subject ? `every one of ${r.subject.every.length} states` : r.subject.variable;
      return `**principle** \`${name}\`${p.decl.title ? ` — ${p.decl.title}` : ""}${doc}\n\n${r.trigger ? `when \`${r.trigger.action}\`, ` : ""}${subject} ${r.deontic} \`${r.action.action}\`${r.exceptions.length ? `, unless ${r.exceptions.map((e) => ("authorizedBy" in e ? `authorized by \`${e.authorizedBy}\`` : `within \`${e.within}\``)).join(" or ")}` : ""}${r.sanction ? `, or else ${r.sanction}` : ""}`;
    }
    case "scenario":
      return `**scenario** "${name}"`;
    default:
      return `\`${name}\``;
  }
}
