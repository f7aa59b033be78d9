// `mlat whatif FILE --without GBR --weight BODY.WEIGHT.SEAT=V --set STATE.ATTR=V`: the design as it
// would be after the change, compared with the design as it is — every rule (verdict, witness,
// power of every seat) and every scenario and assertion whose result changes — without editing
// a file. Same renderers and exit codes as `mlat diff`.
import { applyWhatIf, compile, diff, memoryHost, test, WhatIfError, type StateJson, type TestResult, type WhatIfChange } from "../../index.js";
import { cliError, useColor } from "../io.js";
import { loadRuleSet } from "../load-ruleset.js";
import { diffExitCode, diffText, namesIn } from "./diff.js";

export interface WhatIfOptions {
  readonly without?: string[];
  /** `state UKR { population: 37000 }`: states that join the `memberOf` institutions. */
  readonly with?: string[];
  readonly memberOf?: string[];
  readonly weight?: string[];
  readonly set?: string[];
  readonly format: "text" | "json";
  readonly color?: boolean;
}

/** `A.B.C=V` → the dotted parts and the value. */
function assignment(flag: string, text: string, parts: number): { path: string[]; value: string } {
  const eq = text.indexOf("=");
  const path = eq < 0 ? [] : text.slice(0, eq).split(".");
  if (eq < 0 || path.length < parts || path.some((p) => p === "")) throw cliError("InvalidInput", [flag, `\`${text}\`: write ${flag === "--weight" ? "INSTITUTION.BODY.WEIGHT.SEAT=VALUE" : "STATE.ATTRIBUTE=VALUE"}`]);
  return { path, value: text.slice(eq + 1) };
}

/** A state declaration as written in a design, compiled by the real front end. */
function stateOf(text: string): StateJson {
  const r = compile({ host: memoryHost({ "--with.mlat": text }), entries: ["--with.mlat"] });
  const error = r.diagnostics.find((d) => d.severity === "error");
  if (error || !r.ruleset) throw cliError("InvalidInput", ["--with", `\`${text}\`: ${error?.message ?? "not a state declaration"}`]);
  if (r.ruleset.states.length !== 1 || r.ruleset.institutions.length) throw cliError("InvalidInput", ["--with", `\`${text}\`: declare one state, e.g. "state UKR { population: 37000 }"`]);
  return r.ruleset.states[0]!;
}

export function changesOf(options: WhatIfOptions): WhatIfChange[] {
  const out: WhatIfChange[] = [];
  if (options.with?.length && !options.memberOf?.length) throw cliError("InvalidInput", ["--with", "say which institutions the state joins with --member-of"]);
  if (options.memberOf?.length && !options.with?.length) throw cliError("InvalidInput", ["--member-of", "declare the joining state with --with \"state X { … }\""]);
  // Joining comes first, so that --weight can give the new seat its values.
  for (const w of options.with ?? []) out.push({ with: stateOf(w), memberOf: options.memberOf ?? [] });
  for (const s of options.without ?? []) out.push({ without: s });
  for (const w of options.weight ?? []) {
    const { path, value } = assignment("--weight", w, 4);
    out.push({ weight: { body: path.slice(0, -2).join("."), name: path[path.length - 2]!, seat: path[path.length - 1]!, value } });
  }
  for (const s of options.set ?? []) {
    const { path, value } = assignment("--set", s, 2);
    out.push({ set: { state: path[0]!, attribute: path.slice(1).join("."), value } });
  }
  return out;
}

export function runWhatIf(file: string, options: WhatIfOptions): number {
  const changes = changesOf(options);
  if (changes.length === 0) throw cliError("InvalidInput", ["whatif", "name a change: --without STATE, --with \"state X { … }\" --member-of INSTITUTION, --weight BODY.WEIGHT.SEAT=VALUE or --set STATE.ATTRIBUTE=VALUE"]);
  const before = loadRuleSet(file, options);
  let after;
  try {
    after = applyWhatIf(before, changes);
  } catch (e) {
    if (e instanceof WhatIfError) throw cliError("InvalidInput", ["whatif", e.message]);
    throw e;
  }
  const d = diff(before, after);
  const tests = changedTests(test(before), test(after));
  if (options.format === "json") process.stdout.write(JSON.stringify({ changes, ...d, tests }, null, 2) + "\n");
  else {
    const lines = [diffText(d, useColor(process.stdout, options.color), namesIn(after))];
    if (tests.length) lines.push(tests.map((t) => `${t.kind} ${t.name}: ${t.before ? "passed" : "failed"} → ${t.after ? "passes" : "FAILS"}`).join("\n"));
    else lines.push("every scenario and assertion gives the same result");
    process.stdout.write(lines.join("\n\n") + "\n");
  }
  return diffExitCode(d);
}

function changedTests(before: readonly TestResult[], after: readonly TestResult[]): { kind: string; name: string; before: boolean; after: boolean }[] {
  const now = new Map(after.map((t) => [`${t.kind}:${t.name}`, t]));
  return before.flatMap((t) => {
    const a = now.get(`${t.kind}:${t.name}`);
    return a && a.passed !== t.passed ? [{ kind: t.kind, name: t.name, before: t.passed, after: a.passed }] : [];
  });
}
