// The attack suite of issue 14 as data: each case is one hostile or careless input, the command a
// user or a CI job would run on it, and what must happen — the exit code, what the output says
// (and must never say), and bounds on time and peak memory. `hostile.test.ts` runs every case
// against the built CLI, whole process, in a fresh temporary folder.
//
// Inputs are made by code (many are megabytes); a case's `setup` may also plant links, FIFOs,
// modes and hard links in its folder. `finding` names the issue's finding the case reproduces.

export interface Files {
  readonly [path: string]: string | Buffer;
}

export interface Expect {
  /** The exit code; 1 = the design has errors, 2 = usage, unreadable input, invalid input. */
  readonly exit: number;
  /** Each must match stdout + stderr. */
  readonly says?: readonly RegExp[];
  /** None may match stdout + stderr (a stack trace and an internal error never may: added for every case). */
  readonly never?: readonly RegExp[];
  /** At most this many bytes of output. */
  readonly maxOutput?: number;
}

export interface Case {
  readonly finding: string;
  readonly name: string;
  readonly files?: () => Files;
  /** Runs in the case's folder before the command (links, modes, FIFOs). */
  readonly setup?: (dir: string) => void;
  readonly args: readonly string[] | ((dir: string) => readonly string[]);
  /** The working folder, relative to the case's folder. */
  readonly cwd?: string;
  readonly stdin?: string | Buffer;
  readonly expect: Expect;
  /** Checks on the folder afterwards (what was written, what was left alone). */
  readonly after?: (dir: string) => void;
  /** Seconds and MiB of peak memory (whole process); defaults 10 s and 2,048 MiB as in the issue. */
  readonly bounds?: { readonly seconds?: number; readonly mib?: number };
}

/** A code the case expects, written so that tidy.test.ts counts it as exercised. */
const code = (c: string) => new RegExp(c);
const repeat = (n: number, f: (i: number) => string, sep = "") => Array.from({ length: n }, (_, i) => f(i)).join(sep);

/** A small valid design: three states and a body, so that other cases can add to it. */
export const base = `state AAA { votes: 1 }
state BBB { votes: 1 }
state CCC { votes: 1 }
institution I {
  members: { AAA, BBB, CCC }
  body B {
    seats: members
    rule r: yes >= 2
  }
}
`;

export const cases: readonly Case[] = [
  // ---- High 1: out of memory on one long line -------------------------------------------------
  {
    finding: "high 1",
    name: "a 149 KB one-line file with 20,000 unknown names: excerpts cut, a cap per file",
    files: () => ({ "long.mlat": `institution X { members: { ${repeat(20000, (i) => `N${i}`, ", ")} } }\n` }),
    args: ["check", "long.mlat"],
    expect: { exit: 1, says: [/and 19\d{3} more diagnostics/, /20000 errors/], maxOutput: 200_000 },
    bounds: { mib: 400 },
  },
  {
    finding: "high 1",
    name: "450 KB of `state A \"` on one line",
    files: () => ({ "q.mlat": repeat(56000, () => 'state A "') }),
    args: ["check", "q.mlat"],
    expect: { exit: 1, says: [/more diagnostics/], maxOutput: 200_000 },
    bounds: { mib: 400 },
  },
  {
    finding: "high 1",
    name: "every output format stays bounded on the long line",
    files: () => ({ "long.mlat": `institution X { members: { ${repeat(5000, (i) => `N${i}`, ", ")} } }\n` }),
    args: ["check", "--format", "json", "long.mlat"],
    expect: { exit: 1, says: [/"MLAT2001"/], maxOutput: 4_000_000 },
    bounds: { mib: 500 },
  },
  // ---- High 2: quadratic did-you-mean ---------------------------------------------------------
  {
    finding: "high 2",
    name: "5,000 unknown names among 5,000 declared ones",
    files: () => ({
      "many.mlat": `${repeat(5000, (i) => `state S${i}x${i % 97}\n`)}group G = { ${repeat(5000, (i) => `T${i}y${i % 89}`, ", ")} }\n`,
    }),
    args: ["check", "many.mlat"],
    expect: { exit: 1, says: [/MLAT2001/] },
  },
  {
    finding: "high 2",
    name: "one 100,000-character identifier",
    files: () => ({ "id.mlat": `state ${"Q".repeat(100_000)}\ngroup G = { ${"Q".repeat(99_999)}R }\n` }),
    args: ["check", "id.mlat"],
    expect: { exit: 1, says: [/MLAT2001/], maxOutput: 100_000 },
  },
  // ---- High 3: analysis of plain large bodies --------------------------------------------------
  {
    finding: "high 3",
    name: "`seats e: 5000` with `yes >= 2/3` is analysed, not hung",
    files: () => ({ "big.mlat": `${base}institution J {\n  members: { AAA, BBB, CCC }\n  body E {\n    seats e: 5000\n    rule r: yes >= 2/3\n  }\n}\n` }),
    args: ["analyze", "big.mlat", "--rule", "J.E.r"],
    expect: { exit: 0, says: [/J\.E\.r/, /Banzhaf/i] },
  },
  {
    finding: "high 3",
    // The analysis itself: about 10 s here (100,001 profiles, each with an exact 30,000-digit binomial).
    name: "100,000 seats are analysed, and their exact JSON (8 GB of digits) is refused before any of it is made (MLAT5007)",
    files: () => ({ "huge.mlat": `${base}institution J {\n  members: { AAA, BBB, CCC }\n  body E {\n    seats e: 100000\n    rule r: yes >= 2/3\n  }\n}\n` }),
    args: ["analyze", "huge.mlat", "--rule", "J.E.r", "--no-shapley", "--format", "json"],
    expect: { exit: 2, says: [code("MLAT5007")] },
    bounds: { seconds: 25 },
  },
  {
    finding: "high 3",
    name: "10,000 states in one assembly, and the HTML report of it",
    files: () => ({
      "states.mlat": `${repeat(10000, (i) => `state S${i}\n`)}institution U {\n  members: states\n  body A {\n    seats: members\n    rule r: yes >= 2/3 of voting\n  }\n}\n`,
    }),
    args: ["report", "states.mlat", "-o", "r.html"],
    expect: { exit: 0 },
  },
  {
    finding: "high 3",
    name: "a diff of two 5,000-seat bodies",
    files: () => ({
      "a.mlat": `${base}institution J {\n  members: { AAA, BBB, CCC }\n  body E {\n    seats e: 5000\n    rule r: yes >= 2/3\n  }\n}\n`,
      "b.mlat": `${base}institution J {\n  members: { AAA, BBB, CCC }\n  body E {\n    seats e: 5000\n    rule r: yes >= 3/5\n  }\n}\n`,
    }),
    args: ["diff", "a.mlat", "b.mlat"],
    expect: { exit: 1, says: [/more permissive|less permissive/] },
  },
  // ---- High 4: the import fence ----------------------------------------------------------------
  {
    finding: "high 4",
    name: "a symbolic link to /etc/passwd is refused, and nothing of it is printed, in every format",
    files: () => ({ "mlat.json": "{}", "main.mlat": `use "./leak.mlat"\n${base}` }),
    setup: (dir) => symlink("/etc/passwd", `${dir}/leak.mlat`),
    args: ["check", "--format", "sarif", "main.mlat"],
    expect: { exit: 1, says: [/MLAT2012/], never: [/root:/] },
  },
  {
    finding: "high 4",
    name: "the same link from a working folder below the project root (pretty output)",
    files: () => ({ "mlat.json": "{}", "sub/main.mlat": `use "../leak.mlat"\n${base}` }),
    setup: (dir) => symlink("/etc/passwd", `${dir}/leak.mlat`),
    cwd: "sub",
    args: ["check", "main.mlat"],
    expect: { exit: 1, says: [/MLAT2012/], never: [/root:/] },
  },
  {
    finding: "high 4",
    name: "`../` paths from below the project root cannot leave it",
    files: () => ({ "proj/mlat.json": "{}", "proj/sub/main.mlat": `use "../../outside.mlat"\n${base}`, "outside.mlat": "state ZZZ\n" }),
    cwd: "proj/sub",
    args: ["check", "main.mlat"],
    expect: { exit: 1, says: [/MLAT2012/] },
  },
  // ---- High 5: writes through planted links ----------------------------------------------------
  {
    finding: "high 5",
    name: "`compile -o` with planted temp-name links writes a regular file and leaves the victim alone",
    files: () => ({ "d.mlat": base, "victim.txt": "precious\n" }),
    setup: (dir) => {
      // The old temp names (.NAME.PID.tmp) for every PID a child is likely to get.
      for (let pid = 1; pid < 400; pid++) symlink(`${dir}/victim.txt`, `${dir}/.out.json.${pid}.tmp`);
    },
    args: ["compile", "d.mlat", "-o", "out.json"],
    expect: { exit: 0 },
    after: (dir) => {
      assertFile(`${dir}/victim.txt`, "precious\n");
      assertRegular(`${dir}/out.json`);
      assertNoTemps(dir);
    },
  },
  {
    finding: "high 5",
    name: "`fmt --write` through a symbolic link formats the target and keeps the link",
    files: () => ({ "real.mlat": "state   AAA\n" }),
    setup: (dir) => symlink(`${dir}/real.mlat`, `${dir}/link.mlat`),
    args: ["fmt", "--write", "link.mlat"],
    expect: { exit: 0 },
    after: (dir) => {
      assertFile(`${dir}/real.mlat`, "state AAA\n");
      assertLink(`${dir}/link.mlat`);
    },
  },
  // ---- High 6: bounded reads -------------------------------------------------------------------
  {
    finding: "high 6",
    name: "`--ruleset /dev/zero` is refused before reading",
    args: ["analyze", "--ruleset", "/dev/zero"],
    expect: { exit: 2, says: [/not a regular file|MLAT5005|MLAT5001/] },
    bounds: { mib: 300 },
  },
  {
    finding: "high 6",
    name: "`--input /dev/zero` is refused before reading",
    files: () => ({ "d.mlat": base }),
    args: ["eval", "d.mlat", "--rule", "I.B.r", "--input", "/dev/zero"],
    expect: { exit: 2, says: [/not a regular file|MLAT5005|MLAT5001/] },
    bounds: { mib: 300 },
  },
  {
    finding: "high 6",
    name: "a 1 GB (sparse) rule set is refused by its size, not read",
    setup: (dir) => truncate(`${dir}/big.json`, 1 << 30),
    args: ["analyze", "--ruleset", "big.json"],
    expect: { exit: 2, says: [/MLAT5005/] },
    bounds: { mib: 300 },
  },
  {
    finding: "low",
    name: "standard input is bounded too (9 MiB of design on stdin)",
    stdin: "// " + "x".repeat(9 * 1024 * 1024) + "\n",
    args: ["check", "-"],
    expect: { exit: 2, says: [/MLAT5005/, /8 MiB/] },
    bounds: { mib: 400 },
  },
  // ---- Medium 1-4: what a rewrite must keep ----------------------------------------------------
  {
    finding: "medium 1",
    name: "`fmt --write` refuses text that is not UTF-8 and leaves it as it was",
    files: () => ({ "bad.mlat": Buffer.from([0x73, 0x74, 0x61, 0x74, 0x65, 0x20, 0x41, 0x0a, 0x2f, 0x2f, 0x20, 0xff, 0xfe, 0x0a]) }),
    args: ["fmt", "--write", "bad.mlat"],
    expect: { exit: 2, says: [/UTF-8/] },
    after: (dir) => assertBytes(`${dir}/bad.mlat`, [0x73, 0x74, 0x61, 0x74, 0x65, 0x20, 0x41, 0x0a, 0x2f, 0x2f, 0x20, 0xff, 0xfe, 0x0a]),
  },
  {
    finding: "medium 2",
    name: "a rewrite keeps the file's mode (0600 and the execute bit)",
    files: () => ({ "m.mlat": "state   AAA\n" }),
    setup: (dir) => chmod(`${dir}/m.mlat`, 0o700),
    args: ["fmt", "--write", "m.mlat"],
    expect: { exit: 0 },
    after: (dir) => {
      assertFile(`${dir}/m.mlat`, "state AAA\n");
      assertMode(`${dir}/m.mlat`, 0o700);
    },
  },
  {
    finding: "medium 2",
    name: "a read-only file and a file with two hard links are refused, not replaced",
    files: () => ({ "ro.mlat": "state   AAA\n", "hl.mlat": "state   BBB\n" }),
    setup: (dir) => {
      chmod(`${dir}/ro.mlat`, 0o444);
      hardlink(`${dir}/hl.mlat`, `${dir}/hl2.mlat`);
    },
    args: ["fmt", "--write", "ro.mlat", "hl.mlat"],
    expect: { exit: 2, says: [/read-only/, /hard links/] },
    after: (dir) => {
      assertFile(`${dir}/ro.mlat`, "state   AAA\n");
      assertFile(`${dir}/hl2.mlat`, "state   BBB\n");
    },
  },
  {
    finding: "medium 4",
    name: "`-o` naming the input is refused (compile, report, test --format junit) and the design is kept",
    files: () => ({ "d.mlat": base }),
    args: ["report", "d.mlat", "-o", "./d.mlat"],
    expect: { exit: 2, says: [/input of this command/] },
    after: (dir) => assertFile(`${dir}/d.mlat`, base),
  },
  {
    finding: "medium 4",
    name: "`test --format junit -o` naming the input",
    files: () => ({ "d.mlat": base }),
    args: ["test", "d.mlat", "--format", "junit", "-o", "d.mlat"],
    expect: { exit: 2, says: [/input of this command/] },
    after: (dir) => assertFile(`${dir}/d.mlat`, base),
  },
  // ---- Medium 5: output injection --------------------------------------------------------------
  {
    finding: "medium 5",
    name: "a scenario name with a newline cannot start a workflow command line",
    files: () => ({ "s.mlat": `${base}scenario "x\\n::error file=a::pwned\\n::stop-commands::t" {\n  vote I.B.r { yes: AAA }\n  expect adopted\n}\n` }),
    args: ["test", "s.mlat"],
    expect: { exit: 1, never: [/^::/m] },
  },
  {
    finding: "medium 5",
    name: "a `use` path with a newline in --format github output",
    files: () => ({ "u.mlat": `use "./a\\n::error::pwned.mlat"\n${base}` }),
    args: ["check", "--format", "github", "u.mlat"],
    expect: { exit: 1, says: [/^::error /m], never: [/^::error::pwned/m] },
  },
  {
    finding: "medium 5",
    name: "raw ANSI/OSC escapes and a lone CR in the source are shown escaped, even with --no-color",
    files: () => ({ "e.mlat": `// \u001b]8;;http://x\u0007link\u001b[31m red\r then\ngroup G = { \u001b[2JNOPE }\n` }),
    args: ["check", "--no-color", "e.mlat"],
    expect: { exit: 1, says: [/MLAT/], never: [/\u001b/, /\u0007/, /\r/] },
  },
  {
    finding: "medium 5",
    name: "`mlat marks` shows a display name with a newline escaped (found by the escaping property tests)",
    files: () => ({ "m.mlat": base.replace("institution I {", 'institution I "x\\n::error::pwned\\u001b[2J" {') }),
    args: ["marks", "m.mlat"],
    expect: { exit: 0, says: [/x\\n::error::pwned/], never: [/^::/m, /\u001b/] },
  },
  {
    finding: "medium 5",
    name: "a file named like a workflow command does not start a line with `::`",
    files: () => ({ "::error::x.mlat": "group G = { NOPE }\n" }),
    args: ["check", "::error::x.mlat"],
    expect: { exit: 1, says: [/^\.\/::error::x\.mlat:1:13: error MLAT2001/m], never: [/^::/m] },
  },
  {
    finding: "medium 5",
    name: "JUnit stays well-formed XML with control characters in names",
    files: () => ({ "j.mlat": `${base}scenario "bell \\u0007 and \\u001b and <&>" {\n  vote I.B.r { yes: AAA }\n  expect adopted\n}\n` }),
    args: ["test", "--format", "junit", "j.mlat"],
    expect: { exit: 1, says: [/<testsuites/], never: [/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/] },
  },
  {
    finding: "medium 5",
    name: "a Mermaid label cannot add a `click … javascript:` line",
    files: () => ({ "g.mlat": `state AAA "A\\nclick AAA href \\"javascript:alert(1)\\""\nstate BBB\nstate CCC\ninstitution I {\n  members: { AAA, BBB, CCC }\n  body B {\n    seats: members\n    rule r: yes >= 2\n  }\n}\n` }),
    args: ["graph", "--format", "mermaid", "g.mlat"],
    expect: { exit: 0, never: [/^\s*click /m] },
  },
  {
    finding: "medium 5",
    name: "SARIF encodes `#` and spaces in file URIs",
    files: () => ({ "a #1.mlat": "group G = { NOPE }\n" }),
    args: ["check", "--format", "sarif", "a #1.mlat"],
    expect: { exit: 1, says: [/a%20%231\.mlat/], never: [/"uri": "[^"]*#/] },
  },
  // ---- Medium 6: linear renderers --------------------------------------------------------------
  ...(["json", "github", "junit", "sarif"] as const).map(
    (format): Case => ({
      finding: "medium 6",
      name: `100,000 diagnostics in --format ${format}`,
      files: () => ({ "many.mlat": `group G = { ${repeat(100_000, (i) => `N${i}`, ", ")} }\n` }),
      args: ["check", "--format", format, "many.mlat"],
      expect: { exit: 1, says: [/MLAT2001/] },
      bounds: { mib: 1500 },
    }),
  ),
  // ---- Medium 7: stack overflows become the limit's diagnostic, exit 1 with its code -----------
  {
    finding: "medium 7",
    name: "2,000 nested `not` is MLAT1005, not an internal error",
    files: () => ({ "n.mlat": `${base}institution J {\n  members: { AAA, BBB, CCC }\n  body E {\n    seats: members\n    rule r: ${"not ".repeat(2000)}yes >= 1\n  }\n}\n` }),
    args: ["check", "n.mlat"],
    expect: { exit: 1, says: [/MLAT1005|MLAT1007/] },
  },
  {
    finding: "medium 7",
    name: "a 5,000-term group sum `A + A + …` is the limit's error (MLAT1007), not a stack overflow",
    files: () => ({ "p.mlat": `state A\ngroup G = ${repeat(5000, () => "{ A }", " + ")}\n` }),
    args: ["check", "p.mlat"],
    expect: { exit: 1, says: [/"?MLAT1007"?/] },
  },
  {
    finding: "medium 7",
    name: "`not` chains in `states where`",
    files: () => ({ "w.mlat": `state A { x: 1 }\ngroup G = states where ${"not ".repeat(5000)}x = 1\n` }),
    args: ["check", "w.mlat"],
    expect: { exit: 1, says: [/MLAT1005|MLAT1007/] },
  },
  {
    finding: "medium 7",
    name: "4,000 chained imports",
    files: () => {
      const files: Record<string, string> = { "mlat.json": "{}" };
      for (let i = 0; i < 4000; i++) files[`f${i}.mlat`] = i < 3999 ? `use "./f${i + 1}.mlat"\nstate S${i}\n` : `state S${i}\n`;
      return files;
    },
    args: ["check", "f0.mlat"],
    expect: { exit: 0 },
    bounds: { seconds: 20 },
  },
  {
    finding: "medium 7",
    name: "200,000 diagnostics are all counted (none dropped by a spread past the stack)",
    files: () => ({ "d.mlat": `group G = { ${repeat(200_000, (i) => `N${i}`, ", ")} }\n` }),
    args: ["check", "d.mlat"],
    expect: { exit: 1, says: [/200000 errors/] },
    bounds: { mib: 1500 },
  },
  // ---- Medium 8: non-monotone rules ------------------------------------------------------------
  {
    finding: "medium 8",
    name: "`analyze` of a valid non-monotone rule says so instead of crashing",
    files: () => ({ "nm.mlat": base.replace("rule r: yes >= 2", "rule r: yes = 1") }),
    args: ["analyze", "nm.mlat"],
    // Net swings of a non-monotone rule can be negative: shares are normalized by their absolute sum.
    expect: { exit: 0, says: [/NOT monotone/, /-33\.33%/], never: [/Invalid count value/] },
  },
  {
    finding: "medium 8",
    name: "the HTML report of a non-monotone rule (no negative bar length)",
    files: () => ({ "nm.mlat": base.replace("rule r: yes >= 2", "rule r: yes = 1") }),
    args: ["report", "nm.mlat", "-o", "nm.html"],
    expect: { exit: 0 },
  },
  // ---- Medium 9: exact numbers in event traces -------------------------------------------------
  {
    finding: "medium 9",
    name: "`amount: 1e21` in a trace is compared exactly (a violation of `amount >= 5`)",
    files: () => ({
      "t.mlat": `action Pay(by: state, amount: number)\n${base.replace("  body B {", "  principle NoBigPayments:\n    every member must not Pay(amount: >= 5)\n  body B {")}`,
      "events.json": `{ "events": [ { "actor": "AAA", "action": "Pay", "args": { "amount": 1e21 } } ] }`,
    }),
    // Like a rejected vote, a violation found is an answer, not a failure: exit 0.
    args: ["eval", "t.mlat", "--events", "events.json"],
    expect: { exit: 0, says: [/violation of I\.NoBigPayments by AAA/, /amount: 1000000000000000000000 >= 5/] },
  },
  {
    finding: "medium 9",
    name: "`0.1000000000000000001` is not 0.1: it passes `amount > 1/10`",
    files: () => ({
      "t.mlat": `action Pay(by: state, amount: number)\n${base.replace("  body B {", "  principle NoBigPayments:\n    every member must not Pay(amount: > 1/10)\n  body B {")}`,
      "events.json": `{ "events": [ { "actor": "AAA", "action": "Pay", "args": { "amount": 0.1 } }, { "actor": "BBB", "action": "Pay", "args": { "amount": 0.1000000000000000001 } } ] }`,
    }),
    args: ["eval", "t.mlat", "--events", "events.json"],
    expect: { exit: 0, says: [/violation of I\.NoBigPayments by BBB/], never: [/by AAA/] },
  },
  // ---- Medium 10: inconsistent rule sets -------------------------------------------------------
  {
    finding: "medium 10",
    name: "a schema-valid rule set with a duplicated seat is refused with its path",
    setup: (dir) => writeRulesetVariant(dir, "dup.json", (rs) => {
      const body = firstBody(rs);
      body.seats.push({ ...body.seats[0] });
    }),
    args: ["analyze", "--ruleset", "dup.json"],
    expect: { exit: 2, says: [/MLAT4002/, /seats/] },
  },
  {
    finding: "medium 10",
    name: "a negative weight in a rule set is refused",
    setup: (dir) => writeRulesetVariant(dir, "neg.json", (rs) => {
      const body = firstBody(rs);
      body.weights = { votes: { [body.seats[0].id]: "-1", [body.seats[1].id]: "1", [body.seats[2].id]: "1" } };
    }),
    args: ["analyze", "--ruleset", "neg.json"],
    expect: { exit: 2, says: [/MLAT4002/] },
  },
  ...(
    [
      ["a veto naming no seat", (rs: Json) => (firstBody(rs).rules[0].condition = { op: "veto", seats: [] })],
      ["a veto naming a seat the body does not have", (rs: Json) => (firstBody(rs).rules[0].condition = { op: "veto", seats: ["NOBODY"] })],
      ["a body without seats", (rs: Json) => (firstBody(rs).seats = [])],
      ["a bloc whose members hold no seat", (rs: Json) => (rs.blocs = [{ id: "X", body: firstBody(rs).id, members: ["NOBODY"], condition: { op: "compare", cmp: ">", left: { tally: "yes" }, right: { value: "1/2", relative: true, base: "all" } } }])],
      // Written as text: JSON.stringify of 5,000 levels would overflow the test's own stack.
      ["5,000 nested `not`", (rs: Json) => (firstBody(rs).rules[0].condition = { deep: 5000, arg: firstBody(rs).rules[0].condition })],
    ] as const
  ).map(
    ([what, change], k): Case => ({
      finding: "medium 10",
      name: `a rule set with ${what} is refused with its path, not trusted`,
      setup: (dir) => writeRulesetVariant(dir, `v${k}.json`, change),
      args: ["analyze", "--ruleset", `v${k}.json`],
      expect: { exit: 2, says: [/MLAT4002/, /\$\./] },
    }),
  ),
  // ---- Medium 11: weights above 2^53 -----------------------------------------------------------
  {
    finding: "medium 11",
    // A majority of three: A + C (2^53 + 2) wins, A alone (2^53 + 1) loses; each seat 1/3.
    name: "three seats whose weights sum above 2^53 are analysed exactly (split into high and low parts)",
    files: () => ({
      "w.mlat": `state AAA { votes: 9007199254740993 }\nstate BBB { votes: 9007199254740993 }\nstate CCC { votes: 1 }\ninstitution I {\n  members: { AAA, BBB, CCC }\n  body B {\n    seats: members\n    rule r: yes by votes > 1/2\n  }\n}\n`,
    }),
    args: ["analyze", "w.mlat", "--format", "json"],
    expect: { exit: 0, says: [/"winningCoalitions": "4"/, /"CCC": \{\s*"swings": "2",\s*"normalized": "1\/3"/] },
  },
  // ---- Low -------------------------------------------------------------------------------------
  {
    finding: "low",
    name: "a temporary file left by a write that was killed (SIGKILL) is removed by the next write to the same file",
    files: () => ({ "d.mlat": base, ".out.json.999999.0123456789abcdef.mlat-tmp": "half a rule set" }),
    args: ["compile", "d.mlat", "-o", "out.json"],
    expect: { exit: 0 },
    after: (dir) => {
      assertNoTemps(dir);
      assertRegular(`${dir}/out.json`);
    },
  },
  {
    finding: "low",
    name: "an entry file that is not UTF-8 exits 2",
    files: () => ({ "b.mlat": Buffer.from([0x73, 0x74, 0xff, 0x0a]) }),
    args: ["check", "b.mlat"],
    expect: { exit: 2, says: [/UTF-8/] },
  },
  {
    finding: "low",
    name: "a named FIFO is reported, not silently skipped or waited on",
    setup: (dir) => mkfifo(`${dir}/pipe.mlat`),
    args: ["check", "pipe.mlat"],
    expect: { exit: 2, says: [/not a regular file/] },
  },
  {
    finding: "low",
    name: "`schema __proto__` is a usage error",
    args: ["schema", "__proto__"],
    expect: { exit: 2, never: [/^\{\}/m] },
  },
  {
    finding: "low",
    name: "`-o` naming a folder is a clear error, not an internal one",
    files: () => ({ "d.mlat": base, "outdir/.keep": "" }),
    args: ["compile", "d.mlat", "-o", "outdir"],
    expect: { exit: 2, says: [/not a regular file|folder|directory/] },
  },
  {
    finding: "low",
    name: "an exclude glob that would backtrack (`*a*a*…*b`) runs in linear time",
    files: () => ({ "mlat.json": JSON.stringify({ exclude: [`${"*a".repeat(30)}*b`] }), [`${"a".repeat(60)}.mlat`]: "state AAA\n" }),
    args: ["check", "."],
    expect: { exit: 0 },
  },
  {
    finding: "low",
    name: "a CR-only file puts each diagnostic on its own line",
    files: () => ({ "cr.mlat": "state AAA\rstate BBB\rgroup G = { NOPE }\r" }),
    args: ["check", "--format", "json", "cr.mlat"],
    expect: { exit: 1, says: [/"line": 3/] },
  },
  {
    finding: "low",
    name: "`fmt --write` keeps a BOM and CRLF line ends",
    files: () => ({ "bom.mlat": "\uFEFFstate   AAA\r\nstate BBB\r\n" }),
    args: ["fmt", "--write", "bom.mlat"],
    expect: { exit: 0 },
    after: (dir) => assertFile(`${dir}/bom.mlat`, "\uFEFFstate AAA\r\nstate BBB\r\n"),
  },
  {
    finding: "low",
    name: '`use ""` is an error',
    files: () => ({ "e.mlat": `use ""\n${base}` }),
    args: ["check", "e.mlat"],
    expect: { exit: 1, says: [/MLAT2014|MLAT2013|empty/] },
  },
];

// ---- helpers the table uses (synchronous fs, only in the test's temporary folder) ----------------
import { chmodSync, linkSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, truncateSync, writeFileSync, closeSync, openSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function symlink(target: string, at: string) {
  symlinkSync(target, at);
}
function hardlink(existing: string, at: string) {
  linkSync(existing, at);
}
function chmod(file: string, mode: number) {
  chmodSync(file, mode);
}
function truncate(file: string, size: number) {
  closeSync(openSync(file, "w"));
  truncateSync(file, size);
}
function mkfifo(at: string) {
  execFileSync("mkfifo", [at]);
}

function fail(message: string): never {
  throw new Error(message);
}
function assertFile(file: string, text: string) {
  const actual = readFileSync(file, "utf8");
  if (actual !== text) fail(`${path.basename(file)} is ${JSON.stringify(actual)}, expected ${JSON.stringify(text)}`);
}
function assertBytes(file: string, bytes: readonly number[]) {
  if (!readFileSync(file).equals(Buffer.from(bytes))) fail(`${path.basename(file)} was changed`);
}
function assertRegular(file: string) {
  if (!lstatSync(file).isFile()) fail(`${path.basename(file)} is not a regular file`);
}
function assertLink(file: string) {
  if (!lstatSync(file).isSymbolicLink()) fail(`${path.basename(file)} is no longer a symbolic link`);
}
function assertMode(file: string, mode: number) {
  const actual = statSync(file).mode & 0o7777;
  if (actual !== mode) fail(`${path.basename(file)} has mode ${actual.toString(8)}, expected ${mode.toString(8)}`);
}
function assertNoTemps(dir: string) {
  const left = readdirSync(dir).filter((n) => n.endsWith(".mlat-tmp"));
  if (left.length) fail(`temporary files left behind: ${left.join(", ")}`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
function firstBody(rs: Json): Json {
  return rs.institutions[0].bodies[0];
}
/** The base design compiled by the real CLI, changed by `change`, written to `name`. */
function writeRulesetVariant(dir: string, name: string, change: (rs: Json) => void) {
  writeFileSync(path.join(dir, "base.mlat"), base);
  const r = spawnSync(process.execPath, [path.join(root, "bin/mlat.js"), "compile", "base.mlat"], { cwd: dir, encoding: "utf8" });
  if (r.status !== 0) fail(`could not compile the base design: ${r.stderr}`);
  const rs = JSON.parse(r.stdout);
  change(rs);
  // A condition `{ deep: N, arg }` stands for N nested `not`s around `arg`.
  const text = JSON.stringify(rs).replace(/\{"deep":(\d+),"arg":(\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})\}/, (_, n: string, arg: string) => `${'{"op":"not","arg":'.repeat(Number(n))}${arg}${"}".repeat(Number(n))}`);
  writeFileSync(path.join(dir, name), text);
}
