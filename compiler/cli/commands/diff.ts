// `mlat diff OLD NEW`: rule by rule, what an amendment changes. Exit 0 when equivalent, 1 when
// anything changed (so CI can guard a design), 2 on errors and when a rule could not be compared
// and nothing else changed (nothing is claimed about it either way).
import { diff, NO_NAMES, parseSeatMapping, percent, profileText, Rational, SeatMappingError, seatNaming, type DesignDiff, type RuleDiff, type RuleSet, type SeatMapping, type SeatNaming } from "../../index.js";
import { ExitCode } from "../exit-codes.js";
import { cliError, useColor } from "../io.js";
import { loadRuleSet } from "../load-ruleset.js";

export function runDiff(oldFile: string, newFile: string, options: { format: "text" | "json"; color?: boolean; map?: readonly string[] }): number {
  const older = loadRuleSet(oldFile, options);
  const newer = loadRuleSet(newFile, options);
  let d: DesignDiff;
  try {
    d = diff(older, newer, (options.map ?? []).map(parseSeatMapping));
  } catch (e) {
    if (e instanceof SeatMappingError) throw cliError("InvalidInput", ["--map", e.message]);
    throw e;
  }
  if (options.format === "json") process.stdout.write(JSON.stringify(d, null, 2) + "\n");
  else process.stdout.write(diffText(d, useColor(process.stdout, options.color), namesIn(newer)) + "\n");
  return diffExitCode(d);
}

/** The comparison for people: each rule's verdict, witness and power changes, then a summary line. */
/** Witnesses name seats by the new design's seat classes and groups. */
export function namesIn(ruleset: RuleSet): (rule: string) => SeatNaming {
  return (rule) => seatNaming(ruleset, rule);
}

export function diffText(d: DesignDiff, color: boolean, naming: (rule: string) => SeatNaming = () => NO_NAMES): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  const out: string[] = [];
  if (d.mapped?.length) out.push(`successor seats: ${d.mapped.map(mappingText).join("; ")} (the old rules as the new seats would play them)`);
  for (const r of d.rules) out.push(ruleText(r, bold, naming(r.rule)));
  for (const id of d.added) out.push(`${bold(id)}: added`);
  for (const id of d.removed) out.push(`${bold(id)}: removed`);
  const changes = changed(d);
  const summary = [d.equivalent ? "the designs are equivalent" : changes ? `${changes} change(s)` : "no change found", d.notCompared.length ? `${d.notCompared.length} rule(s) not compared` : ""];
  out.push(summary.filter(Boolean).join("; "));
  return out.join("\n\n");
}

function mappingText(m: SeatMapping): string {
  return `${m.from.join(" + ")} → ${m.to}`;
}

/** 0 equivalent, 1 changed, 2 when some rule could not be compared and nothing else changed. */
export function diffExitCode(d: DesignDiff): number {
  return d.equivalent ? ExitCode.Ok : changed(d) > 0 ? ExitCode.Failure : ExitCode.UsageOrIo;
}

/** Definite changes: rules whose verdict is not equivalent (nor undecided), rules added or removed. */
/** A share as a number for sorting (null: not a seat then). */
function share(s: string | null): number {
  return s === null ? 0 : (Rational.parse(s) ?? Rational.ZERO).toNumber();
}

function changed(d: DesignDiff): number {
  return d.rules.filter((r) => (r.verdict !== "equivalent" && r.verdict !== "not compared") || r.nowWins || r.nowLoses).length + d.added.length + d.removed.length;
}

function ruleText(r: RuleDiff, bold: (s: string) => string, naming: SeatNaming): string {
  const over = r.verdict !== "not compared" && r.model === "yes/no/abstain/absent" ? " over every ballot (yes, no, abstain, absent)" : "";
  const lines = [`${bold(r.rule)}: ${r.verdict}${over}${r.reason ? ` (${r.reason})` : ""}`];
  if (r.seats.added.length || r.seats.removed.length) lines.push(`  seats: ${r.seats.added.length ? `added ${r.seats.added.join(", ")}` : ""}${r.seats.added.length && r.seats.removed.length ? "; " : ""}${r.seats.removed.length ? `removed ${r.seats.removed.join(", ")}` : ""} — compared on the ${r.seats.common} seats in both (the others absent)`);
  if (r.nowWins) lines.push(`  now adopted, rejected before: ${profileText(r.nowWins, naming)}`);
  if (r.nowLoses) lines.push(`  now rejected, adopted before: ${profileText(r.nowLoses, naming)}`);
  const change = (label: string, x: { gained: readonly string[]; lost: readonly string[] }) => {
    if (x.gained.length) lines.push(`  ${label} gained: ${x.gained.join(", ")}`);
    if (x.lost.length) lines.push(`  ${label} lost: ${x.lost.join(", ")}`);
  };
  change("veto players", r.vetoPlayers);
  change("dummies", r.dummies);
  if (r.dictator.old !== r.dictator.new) lines.push(`  dictator: ${r.dictator.old ?? "none"} → ${r.dictator.new ?? "none"}`);
  // Only changes a reader can see at two decimals, largest first; the rest summarized.
  const shown = (x: readonly [string | null, string | null]) => percent(x[0]) !== percent(x[1]);
  const size = (x: readonly [string | null, string | null]) => Math.abs(share(x[1]) - share(x[0]));
  const changedRows = Object.entries(r.power).filter(([, p]) => p.banzhaf[0] !== p.banzhaf[1] || p.shapleyShubik[0] !== p.shapleyShubik[1]);
  const rows = changedRows.filter(([, p]) => shown(p.banzhaf) || shown(p.shapleyShubik)).sort((x, y) => size(y[1].banzhaf) - size(x[1].banzhaf));
  const limit = 15;
  if (rows.length) {
    lines.push(`  ${"seat".padEnd(10)} ${"Banzhaf".padStart(17)}   ${"Shapley–Shubik".padStart(17)}`);
    for (const [s, p] of rows.slice(0, limit)) lines.push(`  ${s.padEnd(10)} ${`${percent(p.banzhaf[0])} → ${percent(p.banzhaf[1])}`.padStart(17)}   ${`${percent(p.shapleyShubik[0])} → ${percent(p.shapleyShubik[1])}`.padStart(17)}`);
  }
  const hidden = changedRows.length - Math.min(rows.length, limit);
  if (hidden > 0) lines.push(`  … and ${hidden} more seat(s) whose power changed ${rows.length > limit ? "less" : "by less than 0.01 percentage point"} (all of them in --format json)`);
  return lines.join("\n");
}
