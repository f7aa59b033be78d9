// Binding: the stages that turn a loaded program into the bound model, in one ordered table
// (OPA's compiler stages). Each stage reads what the earlier ones bound. Binding reports what keeps
// a name from resolving; what is wrong with a resolved design is for checks/. Never throws.
import type * as A from "../syntax/ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { BindContext } from "./context.js";
import { bindActions, bindStates, declareTopLevel } from "./declare.js";
import { bindInstitution } from "./institutions.js";
import type { ActionInfo, ArrangementInfo, AssertionInfo, BlocInfo, GroupInfo, InstitutionInfo, Model, ScenarioInfo, StateInfo } from "./model.js";
import type { Program } from "./program.js";
import { SetEvaluator } from "./sets.js";
import { bindArrangement, bindAssertion, bindBloc, bindScenario } from "./statements.js";

/** What the stages fill in, in order. */
interface Bound {
  states: Map<string, StateInfo>;
  actions: Map<string, ActionInfo>;
  sets: SetEvaluator;
  readonly groups: Map<string, GroupInfo>;
  readonly institutions: Map<string, InstitutionInfo>;
  readonly arrangements: Map<string, ArrangementInfo>;
  readonly scenarios: ScenarioInfo[];
  readonly assertions: AssertionInfo[];
  readonly blocs: BlocInfo[];
}

interface Stage {
  readonly name: string;
  readonly run: (ctx: BindContext, b: Bound) => void;
}

const stages: readonly Stage[] = [
  { name: "declare top-level names", run: (ctx) => declareTopLevel(ctx) },
  { name: "states and their attributes", run: (ctx, b) => void (b.states = bindStates(ctx)) },
  { name: "actions", run: (ctx, b) => void (b.actions = bindActions(ctx)) },
  {
    name: "groups",
    run: (ctx, b) => {
      b.sets = new SetEvaluator(ctx, b.states, (name) => {
        const e = ctx.topLevel.get(name);
        if (!e || e.kind !== "institution") return undefined;
        const item = (e.decl as A.InstitutionDecl).items.find((i): i is A.MembersItem => i.kind === "members");
        return item ? { expr: item.set, file: e.file } : undefined;
      });
      for (const e of ctx.topLevel.values()) {
        if (e.kind !== "group") continue;
        const members = b.sets.group(e.name.text);
        b.groups.set(e.name.text, { name: e.name.text, members, erroneous: b.sets.erroneous.has(e.name.text), decl: e.decl as A.GroupDecl, file: e.file });
      }
    },
  },
  {
    name: "institutions, bodies and rules",
    run: (ctx, b) => {
      for (const e of ctx.topLevel.values()) if (e.kind === "institution") b.institutions.set(e.name.text, bindInstitution(ctx, b.sets, b.states, e.decl as A.InstitutionDecl, e.file));
    },
  },
  {
    name: "arrangements",
    run: (ctx, b) => {
      for (const e of ctx.topLevel.values()) if (e.kind === "arrangement") b.arrangements.set(e.name.text, bindArrangement(ctx, b.sets, e.decl as A.ArrangementDecl, e.file));
    },
  },
  {
    name: "scenarios, assertions and blocs",
    run: (ctx, b) => {
      for (const [file, loaded] of ctx.program.files) {
        for (const d of loaded.parsed.ast.declarations) {
          if (d.kind === "scenario") b.scenarios.push(bindScenario(ctx, b.sets, d, file, b.institutions));
          else if (d.kind === "assert") b.assertions.push(bindAssertion(ctx, b.sets, d, file, b.institutions));
          else if (d.kind === "bloc") {
            const bloc = bindBloc(ctx, b.sets, b.states, d, file, b.institutions);
            if (bloc) b.blocs.push(bloc);
          }
        }
      }
    },
  },
];

export interface BindResult {
  readonly model: Model;
  readonly diagnostics: readonly Diagnostic[];
}

export function bindProgram(program: Program, options: { references?: boolean } = {}): BindResult {
  const ctx = new BindContext(program, options.references !== false);
  const b: Bound = { states: new Map(), actions: new Map(), sets: undefined as unknown as SetEvaluator, groups: new Map(), institutions: new Map(), arrangements: new Map(), scenarios: [], assertions: [], blocs: [] };
  for (const stage of stages) stage.run(ctx, b);
  const model: Model = {
    states: b.states,
    groups: b.groups,
    actions: b.actions,
    institutions: b.institutions,
    arrangements: b.arrangements,
    scenarios: b.scenarios,
    assertions: b.assertions,
    blocs: b.blocs,
    declarations: ctx.declarations,
    references: ctx.references,
  };
  return { model, diagnostics: ctx.diagnostics };
}
