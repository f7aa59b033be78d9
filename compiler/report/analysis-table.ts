// The analysis of a rule as a table a person can read: shares as percentages, seats with equal
// power merged into one row, veto players and dummies marked, the power classes summarized.
import { maxOf } from "../text/arrays.js";
import { escapeControl } from "../text/escape.js";
import type { RuleAnalysis } from "../engine/analysis/analyze.js";
import type { TernaryPower } from "../engine/analysis/ternary.js";
import { nameOfSet, namedSeats, NO_NAMES, type SeatNaming } from "./seat-names.js";
import { Rational } from "../numbers/rational.js";
import { percent } from "./percent.js";

const pct = percent;

/**
 * The label of a row of seats with equal power: one seat; the design's name for exactly those
 * seats; or the seats in full when they fit in `room` columns, else as many as fit and a count.
 */
export function rowLabel(seats: readonly string[], naming: SeatNaming, room: number, players?: number): string {
  if (seats.length === 1) return seats[0]!;
  if (seats.length === players) return `every seat (${players})`;
  const named = nameOfSet(seats, naming);
  if (named) return `${named} (${seats.length} seats)`;
  const full = seats.join(", ");
  if (full.length <= room) return full;
  const tail = `, … (${seats.length} seats)`.length;
  let shown = 1;
  while (shown < seats.length - 1 && seats.slice(0, shown + 1).join(", ").length + tail <= room) shown++;
  return `${seats.slice(0, shown).join(", ")}, … (${seats.length} seats)`;
}

/** A coalition as read aloud: its name, "everyone but X, Y", or its seats (folded past `room`). */
export function coalitionLabel(coalition: readonly string[], players: readonly string[], naming: SeatNaming, room: number): string {
  if (coalition.length === players.length) return "every seat";
  const named = nameOfSet(coalition, naming);
  if (named) return named;
  const inside = new Set(coalition);
  const outside = players.filter((p) => !inside.has(p));
  if (coalition.length > 12 && outside.length <= 8) return `everyone but ${outside.join(", ")}`;
  // By the design's classes and groups ("permanent + 4 elected") when that is shorter.
  const byName = namedSeats(coalition, naming, 1000);
  const plain = rowLabel(coalition, NO_NAMES, room);
  return byName.length < coalition.join(", ").length && byName.length <= room ? byName : plain;
}

/** A table for people: one row per seat, or per run of seats with equal power. */
export function table(a: RuleAnalysis, color: boolean, naming: SeatNaming = NO_NAMES, width = 100): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  const lines: string[] = [];
  lines.push(`${bold(a.rule)}${a.cite ? ` — ${escapeControl(a.cite.text)}` : ""}  ${dim(a.text)}`);
  const n = a.players.length;
  lines.push(
    `  ${n} seats · ${a.winningCoalitions} of ${a.totalCoalitions} coalitions win (power to act ${pct(a.coleman)}) · ${a.monotone ? "monotone" : "NOT monotone"} · ${a.proper ? "proper" : "not proper"} · ${a.method}`,
  );
  lines.push(`  veto players: ${names(a.vetoPlayers)} · dictator: ${a.dictator ?? "none"} · dummies: ${names(a.dummies)}${a.unilateral.length ? ` · decides alone: ${names(a.unilateral)}` : ""}`);
  const mwc = a.minimalWinningCoalitions;
  // The note says "not counted: …" itself when they were not: no "not counted (not counted: …)".
  const note = mwc.note?.replace(/^not counted: /, "");
  lines.push(`  minimal winning coalitions: ${mwc.count ?? "not counted"}${note ? ` (${note})` : ""}`);
  // Long coalitions are shortened; never print the same shortened line twice.
  const shown = new Set<string>();
  for (const c of mwc.list) {
    if (shown.size >= 5) break;
    const line = coalitionLabel(c, a.players, naming, Math.max(40, width - 8));
    if (!shown.has(line)) shown.add(line), lines.push(`    { ${line} }`);
  }
  if (mwc.list.length > shown.size || mwc.truncated) lines.push(`    …`);

  // Rows: seats with identical indices are merged when there are three or more of them.
  const rows = new Map<string, string[]>();
  for (const p of a.players) {
    const key = `${a.banzhaf[p]!.normalized}|${a.shapleyShubik?.[p] ?? ""}`;
    const row = rows.get(key);
    if (row) row.push(p);
    else rows.set(key, [p]);
  }
  const entries: { label: string; seats: string[] }[] = [];
  // What the label may take of the line: the numbers, the bar and the marks take about 50 columns.
  const room = Math.max(24, width - 52);
  for (const seats of rows.values()) {
    if (seats.length >= 3) entries.push({ label: rowLabel(seats, naming, room, n), seats });
    else for (const s of seats) entries.push({ label: s, seats: [s] });
  }
  entries.sort((x, y) => (Rational.parse(a.banzhaf[y.seats[0]!]!.normalized) ?? Rational.ZERO).compare(Rational.parse(a.banzhaf[x.seats[0]!]!.normalized) ?? Rational.ZERO));
  const ssWidth = a.shapleyShubikEstimate ? 21 : 14;
  const labelWidth = Math.min(room, maxOf(entries.map((e) => e.label.length), 4));
  lines.push(`  ${"seat".padEnd(labelWidth)}  ${"Banzhaf".padStart(8)}  ${(a.shapleyShubikEstimate ? "Shapley–Shubik (est.)" : "Shapley–Shubik").padStart(ssWidth)}  `);
  const maxB = maxOf(entries.map((e) => (Rational.parse(a.banzhaf[e.seats[0]!]!.normalized) ?? Rational.ZERO).toNumber()), 1e-9);
  for (const e of entries) {
    const p = e.seats[0]!;
    const b = a.banzhaf[p]!.normalized;
    const est = a.shapleyShubikEstimate?.values[p];
    // An estimate is never shown as if it were exact: "≈", with its 95% interval.
    const s = a.shapleyShubik ? pct(a.shapleyShubik[p]!) : est ? `≈${(est.estimate * 100).toFixed(2)}±${(est.plusMinus * 100).toFixed(2)}%` : "—";
    const bar = "█".repeat(Math.max(0, Math.round(((Rational.parse(b) ?? Rational.ZERO).toNumber() / maxB) * 20)));
    const marks = [a.vetoPlayers.includes(p) ? "veto" : "", a.dummies.includes(p) ? "dummy" : "", a.dictator === p ? "dictator" : ""].filter(Boolean).join(", ");
    lines.push(`  ${e.label.padEnd(labelWidth)}  ${pct(b).padStart(8)}  ${s.padStart(ssWidth)}  ${bar}${marks ? ` ${marks}` : ""}`);
  }
  if (a.shapleyShubikEstimate) {
    const e = a.shapleyShubikEstimate;
    lines.push(`  Shapley–Shubik: ESTIMATED by Monte Carlo (${e.samples.toLocaleString("en")} random orders, seed ${e.seed}, ±: 95% interval) — not exact`);
  } else if (!a.shapleyShubik && a.shapleyShubikNote) lines.push(`  Shapley–Shubik: ${a.shapleyShubikNote}`);
  if (a.owen) {
    if ("note" in a.owen) lines.push(`  Owen values: ${a.owen.note}`);
    else {
      const o = a.owen;
      lines.push(`  with the blocs as a priori unions (${Object.entries(o.unions).map(([u, s]) => `${u} = ${s.join(", ")}`).join("; ")}):`);
      const rows = [...a.players].sort((x, y) => (Rational.parse(o.owen[y]!) ?? Rational.ZERO).compare(Rational.parse(o.owen[x]!) ?? Rational.ZERO));
      lines.push(`    ${"seat".padEnd(labelWidth)}  ${"Owen".padStart(8)}  ${"Banzhaf–Owen".padStart(12)}`);
      for (const p of rows.slice(0, 15)) lines.push(`    ${p.padEnd(labelWidth)}  ${pct(o.owen[p]!).padStart(8)}  ${pct(o.banzhafOwen[p]!).padStart(12)}`);
      if (rows.length > 15) lines.push(`    … and ${rows.length - 15} more seats (all of them in --format json)`);
    }
  }
  if (a.rotation) {
    const held = Object.entries(a.rotation.classes).map(([c, h]) => `${c} ${h.holding} of ${h.of}`).join(", ");
    lines.push(a.rotation.holding
      ? `  held in rotation (${held}): this rotation only, holding ${names(a.rotation.holding)}`
      : `  held in rotation (${held}): every number is the average over ${BigInt(a.rotation.configurations).toLocaleString("en")} equally likely rotations (${a.rotation.patterns} analysed; --holding for one)`);
  }
  // Absolute Banzhaf (a probability of being decisive), not shares: the two tiers multiply.
  for (const [seat, c] of Object.entries(a.constituencies ?? {})) {
    lines.push(`  constituency ${seat}, inside ${c.inside}: absolute Banzhaf of each state inside, and indirect (inside × the seat's)`);
    for (const [st, v] of Object.entries(c.states)) lines.push(`    ${st.padEnd(labelWidth)}  ${pct(v.internal).padStart(8)}  ${pct(v.indirect).padStart(8)}`);
  }
  for (const c of a.powerClasses) {
    const without = Object.entries(c.canPassWithout).map(([k, v]) => `${v ? "can" : "cannot"} pass without ${k}`);
    lines.push(`  ${c.class} (${c.seats.length}): ${c.canBlock ? "can block" : "cannot block"} · ${c.canPassAlone ? "can pass alone" : "cannot pass alone"}${without.length ? " · " + without.join(" · ") : ""}`);
  }
  return lines.join("\n") + "\n";
}

function names(xs: readonly string[]): string {
  if (xs.length === 0) return "none";
  return xs.length <= 8 ? xs.join(", ") : `${xs.slice(0, 6).join(", ")} and ${xs.length - 6} more`;
}

/**
 * The ternary model's numbers under the table: each row a run of seats with equal values, the
 * Banzhaf share over yes/abstain/no, and how often abstaining instead of yes defeats the motion or
 * instead of no carries it (out of the 3^(n−1) profiles of the others).
 */
export function ternaryTable(t: TernaryPower | { readonly note: string }, naming: SeatNaming, width = 100): string {
  if ("note" in t) return `  ternary model (yes, abstain or no): not computed — ${t.note}\n`;
  const seats = Object.keys(t.banzhaf);
  const rows = new Map<string, string[]>();
  for (const s of seats) {
    const key = `${t.banzhaf[s]!.normalized}|${t.abstention[s]!.insteadOfYes}|${t.abstention[s]!.insteadOfNo}`;
    rows.set(key, [...(rows.get(key) ?? []), s]);
  }
  const room = Math.max(24, width - 60);
  const entries = [...rows.values()].map((group) => ({ label: rowLabel(group, naming, room, seats.length), seat: group[0]! }));
  entries.sort((x, y) => (Rational.parse(t.banzhaf[y.seat]!.normalized) ?? Rational.ZERO).compare(Rational.parse(t.banzhaf[x.seat]!.normalized) ?? Rational.ZERO));
  const w = Math.min(room, maxOf(entries.map((e) => e.label.length), 4));
  const lines = [`  ternary model (Felsenthal–Machover): every seat votes yes, abstains or votes no, ${seats.length > 0 ? `3^${seats.length}` : "1"} profiles${t.monotone ? "" : " · NOT monotone"}`];
  lines.push(`  ${"seat".padEnd(w)}  ${"Banzhaf".padStart(8)}  ${"abstaining defeats".padStart(18)}  ${"abstaining carries".padStart(18)}`);
  for (const e of entries) {
    const a = t.abstention[e.seat]!;
    lines.push(`  ${e.label.padEnd(w)}  ${pct(t.banzhaf[e.seat]!.normalized).padStart(8)}  ${pct(a.insteadOfYes).padStart(18)}  ${pct(a.insteadOfNo).padStart(18)}`);
  }
  lines.push("  (abstaining defeats: of the others' profiles, those where the seat's abstention instead of its yes defeats the motion; carries: instead of its no, carries it)");
  return lines.join("\n") + "\n";
}
