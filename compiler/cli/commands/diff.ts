// `mlat diff OLD NEW`: rule by rule, what an amendment changes. Exit 0 when equivalent, 1 when
// anything changed (so CI can guard a design), 2 on errors.
import { diff, formatShare, type RuleDiff } from "../../index.js";
import { ExitCode } from "../exit-codes.js";
import { useColor } from "../io.js";
import { loadRuleSet } from "../load-ruleset.js";

export function runDiff(oldFile: string, newFile: string, options: { format: "text" | "json"; color?: boolean }): number {
  const older = loadRuleSet(oldFile, options);
  const newer = loadRuleSet(newFile, options);
  const d = diff(older, newer);
  if (options.format === "json") process.stdout.write(JSON.stringify(d, null, 2) + "\n");
  else {
    const color = useColor(process.stdout, options.color);
    const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
    const out: string[] = [];
    for (const r of d.rules) out.push(ruleText(r, bold));
    for (const id of d.added) out.push(`${bold(id)}: added`);
    for (const id of d.removed) out.push(`${bold(id)}: removed`);
    out.push(d.equivalent ? "the designs are equivalent" : `${d.rules.filter((r) => r.verdict !== "equivalent").length + d.added.length + d.removed.length} change(s)`);
    process.stdout.write(out.join("\n\n") + "\n");
  }
  return d.equivalent ? ExitCode.Ok : ExitCode.Failure;
}

function ruleText(r: RuleDiff, bold: (s: string) => string): string {
  const lines = [`${bold(r.rule)}: ${r.verdict}${r.reason ? ` (${r.reason})` : ""}`];
  if (r.seats.added.length || r.seats.removed.length) lines.push(`  seats: ${r.seats.added.length ? `added ${r.seats.added.join(", ")}` : ""}${r.seats.added.length && r.seats.removed.length ? "; " : ""}${r.seats.removed.length ? `removed ${r.seats.removed.join(", ")}` : ""} — coalitions compared on the ${r.seats.common} seats in both`);
  if (r.nowWins) lines.push(`  now wins, lost before: { ${r.nowWins.join(", ")} }`);
  if (r.nowLoses) lines.push(`  now loses, won before: { ${r.nowLoses.join(", ")} }`);
  const change = (label: string, x: { gained: readonly string[]; lost: readonly string[] }) => {
    if (x.gained.length) lines.push(`  ${label} gained: ${x.gained.join(", ")}`);
    if (x.lost.length) lines.push(`  ${label} lost: ${x.lost.join(", ")}`);
  };
  change("veto players", r.vetoPlayers);
  change("dummies", r.dummies);
  if (r.dictator.old !== r.dictator.new) lines.push(`  dictator: ${r.dictator.old ?? "none"} → ${r.dictator.new ?? "none"}`);
  const rows = Object.entries(r.power).filter(([, p]) => p.banzhaf[0] !== p.banzhaf[1] || p.shapleyShubik[0] !== p.shapleyShubik[1]);
  if (rows.length) {
    lines.push(`  ${"seat".padEnd(10)} ${"Banzhaf".padStart(17)}   ${"Shapley–Shubik".padStart(17)}`);
    for (const [s, p] of rows) lines.push(`  ${s.padEnd(10)} ${`${formatShare(p.banzhaf[0])} → ${formatShare(p.banzhaf[1])}`.padStart(17)}   ${`${formatShare(p.shapleyShubik[0])} → ${formatShare(p.shapleyShubik[1])}`.padStart(17)}`);
  }
  return lines.join("\n");
}
