// `npm run bench`: numbers for the notes, measured in one run on this machine, reported as
// ratios where a comparison makes sense. Not a test: nothing here asserts a time.
import { check, memoryHost, parse } from "../compiler/index.js";
import { lex } from "../compiler/syntax/lexer.js";
import { buildGame } from "../compiler/engine/analysis/game.js";
import { countFromTable, winTable } from "../compiler/engine/analysis/enumerate.js";
import { analyzeRule } from "../compiler/engine/analysis/analyze.js";
import type { BodyJson, RuleJson, RuleSet } from "../compiler/index.js";
import { compile } from "../compiler/index.js";
import { NodeSourceHost } from "../compiler/node/index.js";
import { loadProgram } from "../compiler/semantics/program.js";
import { bindProgram } from "../compiler/semantics/binder.js";
import { lowerModel } from "../compiler/ruleset/lower.js";
import { execFileSync } from "node:child_process";

const only = process.argv[2];

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
}

function best<T>(runs: number, f: () => T): [T, number] {
  let out: [T, number] = time(f);
  for (let i = 1; i < runs; i++) {
    const r = time(f);
    if (r[1] < out[1]) out = r;
  }
  return out;
}

/** A design of about `lines` lines: units of ten states, a group, an institution with two rules. */
function generateDesign(lines: number): string {
  const out: string[] = [];
  let i = 0;
  while (out.length < lines) {
    for (let j = 0; j < 10; j++) out.push(`state S${i}_${j} "State ${i}.${j}" { power: ${j < 2 ? "great" : "small"}, population: ${(j + 1) * 3}.${j} }`);
    out.push(`/// Group ${i}`);
    out.push(`group G${i} = { ${Array.from({ length: 10 }, (_, j) => `S${i}_${j}`).join(", ")} }`);
    out.push(`institution I${i} "Institution ${i}" {`);
    out.push(`  members: G${i}`);
    out.push(`  body Council {`);
    out.push(`    seats: members`);
    out.push(`    weight votes { ${Array.from({ length: 10 }, (_, j) => `S${i}_${j}: ${10 - j}`).join(", ")} }`);
    out.push(`    rule simple: yes > 1/2 of voting`);
    out.push(`    rule qualified: yes by votes >= 2/3 and yes by population >= 60% and veto { S${i}_0 }`);
    out.push(`  }`);
    out.push(`}`);
    out.push(``);
    i++;
  }
  return out.join("\n");
}

function benchFrontEnd(): void {
  console.log("## Front end: check time of generated designs, per stage (best of 3)\n");
  console.log("| lines | tokens | lex | parse (incl. lex) | bind | checks | lower | full check | check ÷ lex | lines/s |");
  console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const lines of [1_000, 10_000, 100_000]) {
    const text = generateDesign(lines);
    const host = memoryHost({ "g.mlat": text });
    const [lexed, tLex] = best(3, () => lex(text, "g.mlat"));
    const [, tParse] = best(3, () => parse(text, "g.mlat"));
    const [program] = time(() => loadProgram(["g.mlat"], host));
    const [bound, tBind] = best(3, () => bindProgram(program, { references: false }));
    const [, tLower] = best(3, () => lowerModel(bound.model, { locations: false }));
    const [checked, tCheck] = best(3, () => check({ host, entries: ["g.mlat"] }, { references: false }));
    if (checked.diagnostics.some((d) => d.severity === "error")) throw new Error("generated design has errors: " + checked.diagnostics[0]!.message);
    const n = text.split("\n").length;
    // The checks are what the full check spends beyond parsing and binding (they lower once).
    const tChecks = Math.max(0, tCheck - tParse - tBind);
    console.log(`| ${n.toLocaleString("en")} | ${lexed.tokens.length.toLocaleString("en")} | ${tLex.toFixed(1)} ms | ${tParse.toFixed(1)} ms | ${tBind.toFixed(1)} ms | ${tChecks.toFixed(1)} ms | ${tLower.toFixed(1)} ms | ${tCheck.toFixed(1)} ms | ${(tCheck / tLex).toFixed(2)}× | ${Math.round(n / (tCheck / 1000)).toLocaleString("en")} |`);
  }
  console.log();
}

/** Whole processes: the median of five starts, against bare Node. */
function benchColdStart(): void {
  const median = (argv: string[]) => {
    const ts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      execFileSync(process.execPath, argv, { stdio: "ignore" });
      ts.push(performance.now() - t0);
    }
    return ts.sort((a, b) => a - b)[2]!;
  };
  const bare = median(["-e", "0"]);
  console.log("## Cold start (median of 5 whole processes)\n");
  console.log("| command | time | ÷ `node -e 0` |");
  console.log("| --- | ---: | ---: |");
  console.log(`| \`node -e 0\` | ${bare.toFixed(0)} ms | 1.00× |`);
  for (const [label, argv] of [["mlat --version", ["bin/mlat.js", "--version"]], ["mlat check examples/asean.mlat", ["bin/mlat.js", "check", "examples/asean.mlat"]]] as const) {
    const t = median([...argv]);
    console.log(`| \`${label}\` | ${t.toFixed(0)} ms | ${(t / bare).toFixed(2)}× |`);
  }
  console.log();
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** A Lisbon-style double majority over n seats with random populations in thousands. */
function doubleMajority(n: number, seed: number): { body: BodyJson; rule: RuleJson } {
  const rnd = lcg(seed);
  const seats = Array.from({ length: n }, (_, i) => ({ id: `M${i}` }));
  const pop = Object.fromEntries(seats.map((s) => [s.id, String(300 + Math.floor(rnd() * 80_000))]));
  return {
    body: { id: "B.C", name: "C", seats, weights: { population: pop }, rules: [] },
    rule: {
      id: "B.C.qmv",
      name: "qmv",
      text: "(yes >= 55% and yes by population >= 65%) or no < 4",
      condition: {
        op: "or",
        args: [
          { op: "and", args: [
            { op: "compare", cmp: ">=", left: { tally: "yes" }, right: { value: "11/20", relative: true, base: "all" } },
            { op: "compare", cmp: ">=", left: { tally: "yes", weight: "population" }, right: { value: "13/20", relative: true, base: "all" } },
          ] },
          { op: "compare", cmp: "<", left: { tally: "no" }, right: { value: "4", relative: false, base: "all" } },
        ],
      },
    },
  };
}

function rulesetWith(body: BodyJson): RuleSet {
  return { format: "mlat.ruleset", version: "1.0", states: [], groups: [], actions: [], institutions: [{ id: "B", members: [], requires: [], bodies: [body], admission: [], principles: [] }], arrangements: [], scenarios: [], assertions: [] };
}

function benchAnalysis(): void {
  console.log("## Analysis against straightforward 2^n enumeration (Banzhaf + Shapley–Shubik, same games)\n");
  console.log("| seats | method | analysis | enumeration | speed-up | same answer |");
  console.log("| ---: | --- | ---: | ---: | ---: | --- |");
  for (const n of [20, 24, 27]) {
    const { body, rule } = doubleMajority(n, n);
    const [a, tFast] = best(3, () => analyzeRule(rulesetWith(body), body, rule, { listLimit: 0 }));
    const [counts, tBrute] = time(() => {
      const game = buildGame(body, rule);
      return countFromTable(game, winTable(game), true);
    });
    const same = counts.players.every((p, i) => String(p.swings) === a.banzhaf[a.players[i]!]!.swings) && String(counts.winning) === a.winningCoalitions;
    console.log(`| ${n} | ${a.method} | ${tFast.toFixed(1)} ms | ${(tBrute / 1000).toFixed(2)} s | ${Math.round(tBrute / tFast)}× | ${same ? "yes" : "NO"} |`);
  }
  console.log();
}

function benchBodies(): void {
  console.log("## Real bodies (best of 3, Banzhaf + Shapley–Shubik unless noted)\n");
  console.log("| body | seats | method | time |");
  console.log("| --- | ---: | --- | ---: |");
  for (const [file, id] of [
    ["examples/eu-council-lisbon.mlat", "EU.Council.qmv"],
    ["examples/us-electoral-college.mlat", "ElectoralCollege.Electors.president"],
    ["examples/un.mlat", "UN.GeneralAssembly.important"],
    ["examples/un.mlat", "UN.SecurityCouncil.substantive"],
  ] as const) {
    const host = new NodeSourceHost();
    const rs = compile({ host: host, entries: [file] }).ruleset!;
    const found = rs.institutions.flatMap((i) => i.bodies.flatMap((b) => b.rules.map((r) => ({ b, r })))).find((x) => x.r.id === id)!;
    const [a, t] = best(3, () => analyzeRule(rs, found.b, found.r, { listLimit: 0 }));
    console.log(`| ${id} | ${a.players.length} | ${a.method} | ${t.toFixed(1)} ms |`);
  }
  for (const total of [20_000, 100_000]) {
    const rnd = lcg(190);
    const raw = Array.from({ length: 190 }, (_, i) => 1 / (i + 1) ** 1.1 + rnd() * 0.002);
    const sum = raw.reduce((a, b) => a + b, 0);
    const seats = raw.map((_, i) => ({ id: `G${i}` }));
    const votes = Object.fromEntries(raw.map((r, i) => [`G${i}`, String(Math.max(1, Math.round((r / sum) * total)))]));
    const body: BodyJson = { id: "F.Board", name: "Board", seats, weights: { votes }, rules: [] };
    const rule: RuleJson = { id: "F.Board.special", name: "special", text: "yes by votes >= 85%", condition: { op: "compare", cmp: ">=", left: { tally: "yes", weight: "votes" }, right: { value: "17/20", relative: true, base: "all" } } };
    const [a, t] = best(3, () => analyzeRule(rulesetWith(body), body, rule, { shapley: false, listLimit: 0 }));
    console.log(`| 190-member weighted board, ${total.toLocaleString("en")} votes, 85% (Banzhaf only) | 190 | ${a.method} | ${t.toFixed(1)} ms |`);
    const [a2, t2] = time(() => analyzeRule(rulesetWith(body), body, rule, { listLimit: 0 }));
    console.log(`| same board, Banzhaf + Shapley–Shubik | 190 | ${a2.shapleyShubik ? a2.method : "Shapley–Shubik " + a2.shapleyShubikNote} | ${t2.toFixed(1)} ms |`);
  }
  console.log();
}

if (!only || only === "front") benchFrontEnd();
if (!only || only === "start") benchColdStart();
if (!only || only === "analysis") benchAnalysis();
if (!only || only === "bodies") benchBodies();
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
