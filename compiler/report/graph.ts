// `mlat graph`: institutions, bodies, groups and states, and who sits where, for Graphviz (dot)
// or Mermaid.
import type { RuleSet } from "../ruleset/types.js";

/**
 * A DOT quoted string. In DOT, `\"` is the only escape, so a string whose text ends with a
 * backslash could never be closed (`"a\\"` reads as `a\` and an escaped quote): a space is added.
 */
export function dotString(s: string): string {
  const j = JSON.stringify(s);
  return /(^|[^\\])(\\\\)+"$/.test(j) ? `${j.slice(0, -1)} "` : j;
}

export function toDot(ruleset: RuleSet): string {
  const q = dotString;
  const lines = ["digraph mlat {", "  rankdir=LR;", '  node [fontname="Helvetica"];'];
  const inGroup = new Set(ruleset.institutions.flatMap((i) => i.members));
  for (const s of ruleset.states) if (inGroup.has(s.id)) lines.push(`  ${q(`state:${s.id}`)} [label=${q(s.id)}, shape=ellipse];`);
  for (const g of ruleset.groups) lines.push(`  ${q(`group:${g.id}`)} [label=${q(`${g.id} (${g.members.length})`)}, shape=folder];`);
  for (const inst of ruleset.institutions) {
    lines.push(`  ${q(`inst:${inst.id}`)} [label=${q(inst.name ? `${inst.id}\n${inst.name}` : inst.id)}, shape=box, style=bold];`);
    for (const m of inst.members) lines.push(`  ${q(`state:${m}`)} -> ${q(`inst:${inst.id}`)} [color=gray70, arrowhead=none];`);
    for (const b of inst.bodies) {
      lines.push(`  ${q(`body:${b.id}`)} [label=${q(b.name)}, shape=component];`);
      lines.push(`  ${q(`inst:${inst.id}`)} -> ${q(`body:${b.id}`)};`);
      const classes = new Map<string, string[]>();
      for (const s of b.seats) if (s.class) classes.set(s.class, [...(classes.get(s.class) ?? []), s.state ?? s.id]);
      for (const [c, seats] of classes) {
        const named = seats.filter((s) => inGroup.has(s));
        if (named.length) for (const s of named) lines.push(`  ${q(`state:${s}`)} -> ${q(`body:${b.id}`)} [label=${q(c)}, color=steelblue];`);
        else lines.push(`  ${q(`seats:${b.id}.${c}`)} [label=${q(`${c} × ${seats.length}`)}, shape=note];`, `  ${q(`seats:${b.id}.${c}`)} -> ${q(`body:${b.id}`)} [color=steelblue];`);
      }
    }
  }
  for (const g of ruleset.groups) if (g.members.length <= 40) for (const m of g.members) if (inGroup.has(m)) lines.push(`  ${q(`state:${m}`)} -> ${q(`group:${g.id}`)} [style=dashed, color=gray60, arrowhead=none];`);
  lines.push("}");
  return lines.join("\n") + "\n";
}

/**
 * A Mermaid label: quoted, one line (a newline would start a statement of its own, such as
 * `click … javascript:`), quotes and `#` as Mermaid's entity codes.
 */
export function mermaidLabel(s: string): string {
  return `"${s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").replace(/#/g, "#35;").replace(/"/g, "#quot;")}"`;
}

export function toMermaid(ruleset: RuleSet): string {
  const id = (s: string) => s.replace(/[^A-Za-z0-9_]/g, "_");
  const label = mermaidLabel;
  const lines = ["flowchart LR"];
  for (const inst of ruleset.institutions) {
    lines.push(`  ${id(`inst_${inst.id}`)}[[${label(`${inst.id}${inst.name ? `: ${inst.name}` : ""}`)}]]`);
    for (const b of inst.bodies) {
      lines.push(`  ${id(`body_${b.id}`)}(${label(b.name)})`, `  ${id(`inst_${inst.id}`)} --> ${id(`body_${b.id}`)}`);
      const classes = new Map<string, number>();
      for (const s of b.seats) if (s.class && !s.state) classes.set(s.class, (classes.get(s.class) ?? 0) + 1);
      for (const [c, n] of classes) lines.push(`  ${id(`seats_${b.id}_${c}`)}[${label(`${c} × ${n}`)}] -.-> ${id(`body_${b.id}`)}`);
      for (const s of b.seats) if (s.class && s.state) lines.push(`  ${id(`state_${s.state}`)} -->|${label(s.class)}| ${id(`body_${b.id}`)}`);
    }
    for (const m of inst.members) lines.push(`  ${id(`state_${m}`)}([${label(m)}]) --- ${id(`inst_${inst.id}`)}`);
  }
  return lines.join("\n") + "\n";
}
