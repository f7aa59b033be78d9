// The checker: binding stages in one ordered table (OPA's compiler style), then the model checks.
// Input: a loaded program. Output: the bound model and the diagnostics. Never throws on bad input.
import type * as A from "../syntax/ast.js";
import { BindContext } from "./context.js";
import { bindActions, bindStates, declareTopLevel } from "./declare.js";
import { bindInstitution } from "./institutions.js";
import type { ArrangementInfo, AssertionInfo, BlocInfo, GroupInfo, InstitutionInfo, Model, ScenarioInfo } from "./model.js";
import type { Program } from "./program.js";
import { SetEvaluator } from "./sets.js";
import { bindArrangement, bindAssertion, bindBloc, bindScenario } from "./statements.js";
import type { Check } from "./checks/check.js";
import { tooFewMembers } from "./checks/too-few-members.js";
import { emptyGroup } from "./checks/empty-group.js";
import { particularisticPrinciple } from "./checks/particularistic-principle.js";
import { membershipLoop } from "./checks/membership-loop.js";
import { normConflict } from "./checks/norm-conflict.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

/** Checks on the bound model, in the order they run. One file each in checks/. */
const modelChecks: readonly Check[] = [tooFewMembers, emptyGroup, particularisticPrinciple, membershipLoop, normConflict];

export interface CheckResult {
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
}

export function checkProgram(program: Program, options: { references?: boolean } = {}): CheckResult {
  const ctx = new BindContext(program, options.references !== false);
  declareTopLevel(ctx);
  const states = bindStates(ctx);
  const actions = bindActions(ctx);
  const sets = new SetEvaluator(ctx, states, (name) => {
    const e = ctx.topLevel.get(name);
    if (!e || e.kind !== "institution") return undefined;
    const item = (e.decl as A.InstitutionDecl).items.find((i): i is A.MembersItem => i.kind === "members");
    return item ? { expr: item.set, file: e.file } : undefined;
  });

  const groups = new Map<string, GroupInfo>();
  const institutions = new Map<string, InstitutionInfo>();
  const arrangements = new Map<string, ArrangementInfo>();
  const scenarios: ScenarioInfo[] = [];
  const assertions: AssertionInfo[] = [];
  const blocs: BlocInfo[] = [];

  for (const e of ctx.topLevel.values()) {
    if (e.kind !== "group") continue;
    const members = sets.group(e.name.text);
    groups.set(e.name.text, { name: e.name.text, members, erroneous: sets.erroneous.has(e.name.text), decl: e.decl as A.GroupDecl, file: e.file });
  }
  for (const e of ctx.topLevel.values()) {
    if (e.kind === "institution") institutions.set(e.name.text, bindInstitution(ctx, sets, states, e.decl as A.InstitutionDecl, e.file));
  }
  for (const e of ctx.topLevel.values()) {
    if (e.kind === "arrangement") arrangements.set(e.name.text, bindArrangement(ctx, sets, e.decl as A.ArrangementDecl, e.file));
  }
  for (const [file, loaded] of program.files) {
    for (const d of loaded.parsed.ast.declarations) {
      if (d.kind === "scenario") scenarios.push(bindScenario(ctx, sets, d, file, institutions));
      else if (d.kind === "assert") assertions.push(bindAssertion(ctx, sets, d, file, institutions));
      else if (d.kind === "bloc") {
        const b = bindBloc(ctx, sets, states, d, file, institutions);
        if (b) blocs.push(b);
      }
    }
  }

  const model: Model = {
    states,
    groups,
    actions,
    institutions,
    arrangements,
    scenarios,
    assertions,
    blocs,
    declarations: ctx.declarations,
    references: ctx.references,
  };
  for (const check of modelChecks) check(model, ctx);
  return { model, diagnostics: ctx.diagnostics };
}
