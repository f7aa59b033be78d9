// Binds the declarations that talk about institutions: arrangements, scenarios and assertions.
import { append } from "../text/arrays.js";
import type * as A from "../syntax/ast.js";
import { symbolId, type BindContext } from "./context.js";
import type { ArrangementInfo, AssertionInfo, BlocInfo, BodyInfo, BoundBallot, BoundFact, BoundStep, InstitutionInfo, ScenarioInfo, StateInfo } from "./model.js";
import { bindSubCondition } from "./bodies.js";
import { bindConduct, resolveRuleRef } from "./references.js";
import { Rational } from "../numbers/rational.js";
import type { SetEvaluator } from "./sets.js";

export function bindArrangement(ctx: BindContext, sets: SetEvaluator, decl: A.ArrangementDecl, file: string): ArrangementInfo {
  const parties: string[] = [];
  for (const p of decl.parties) append(parties, sets.evaluate(p, { file }));
  if (decl.kindKeyword && decl.kindKeyword.text !== "kind") {
    ctx.report("SyntaxError", file, decl.kindKeyword.span, [`expected \`kind\` or a commitment (\`STATE does ACTION(…)\`), found \`${decl.kindKeyword.text}\``]);
  }
  const commitments = decl.commitments.map((c) => bindConduct(ctx, sets, c, file));
  return {
    commitments,
    name: decl.name.text,
    ...(decl.title ? { title: decl.title } : {}),
    parties: [...new Set(parties)],
    ...(decl.arrangementKind ? { kind: decl.arrangementKind.text } : {}),
    decl,
    file,
  };
}

export function bindScenario(ctx: BindContext, sets: SetEvaluator, decl: A.ScenarioDecl, file: string, institutions: ReadonlyMap<string, InstitutionInfo>): ScenarioInfo {
  ctx.declare({ id: symbolId("scenario", decl.name.text), kind: "scenario", name: decl.name.text, file, nameSpan: decl.name.span, span: decl.span });
  let lastBody: BodyInfo | undefined;
  const steps: BoundStep[] = [];
  for (const item of decl.items) {
    if (item.kind === "conduct") steps.push({ event: bindConduct(ctx, sets, item, file) });
    else if (item.kind === "vote") {
      const rule = resolveRuleRef(ctx, item.rule, file, undefined, (n) => institutions.get(n));
      const [inst, body] = item.rule.parts;
      lastBody = rule ? institutions.get(inst!.text)?.bodies.get(body!.text) : undefined;
      if (!lastBody || !rule) continue;
      const ballots: Record<string, BoundBallot> = {};
      const counted = new Set<string>();
      for (const ballot of item.ballots) {
        for (const s of ballot.seats) {
          for (const seat of resolveSeats(ctx, sets, s, lastBody, file, counted, "keep")) {
            if (counted.has(seat)) ctx.report("DuplicateMember", file, s.span, [seat]);
            counted.add(seat);
            ballots[seat] = ballot.choice;
          }
        }
      }
      steps.push({ vote: rule.qualified, ballots });
    } else if (item.kind === "expect") {
      if (item.outcome === "adopted" || item.outcome === "rejected") {
        const vetoedBy = item.vetoedBy && lastBody ? item.vetoedBy.flatMap((s) => resolveSeats(ctx, sets, s, lastBody!, file, new Set())) : undefined;
        steps.push({ expect: item.outcome, ...(vetoedBy ? { vetoedBy } : {}) });
      } else if (item.outcome === "no violation") steps.push({ expect: "no violation" });
      else {
        let principle = item.principle?.text ?? "";
        if (item.principle && item.principle.text !== "") {
          const found = [...institutions.values()].flatMap((i) => [...i.principles.values()]).filter((p) => p.name === item.principle!.text);
          if (found.length === 0) ctx.unknown("principle", item.principle, file, [...institutions.values()].flatMap((i) => [...i.principles.keys()]));
          else {
            ctx.reference(symbolId("principle", found[0]!.qualified), file, item.principle.span);
            principle = found[0]!.qualified;
          }
        }
        const by = item.by && item.by.text !== "" ? sets.evaluate({ kind: "ref", name: item.by, span: item.by.span }, { file }) : [];
        steps.push({ expect: "violation", principle, ...(by.length === 1 ? { by: by[0]! } : {}) });
      }
    }
  }
  return { name: decl.name.text, steps, decl, file };
}

/**
 * Seats named in a vote: states holding a seat, groups (their seated members), seat classes (all
 * their seats), `class.N` (one elected seat) or `class * N` (N seats of the class not yet named).
 */
export function resolveSeats(ctx: BindContext, sets: SetEvaluator, expr: A.SetExpr, body: BodyInfo, file: string, taken: ReadonlySet<string>, statesOfConstituencies: "keep" | "seat" = "seat"): string[] {
  const where = `${body.institution}.${body.name}`;
  const named = sets.evaluate(expr, { file, seatClasses: body.seatClasses, body: where, taken });
  const seatIds = new Set(body.seats.map((s) => s.id));
  // A state of a constituency stands on a ballot for itself (its vote goes through the
  // constituency's `inside` rule); anywhere else it stands for its constituency's seat.
  const seat = (n: string) => (seatIds.has(n) ? n : statesOfConstituencies === "keep" && body.constituencyOf.has(n) ? n : body.constituencyOf.get(n));
  const seated = [...new Set(named.map(seat).filter((n): n is string => n !== undefined))];
  const unseated = named.filter((n) => seat(n) === undefined);
  // In a body whose seats had an error, who holds a seat is unknown: the error is reported there.
  if (unseated.length > 0 && !body.poisoned && (expr.kind === "ref" || expr.kind === "setLiteral")) {
    ctx.report("SeatNotInBody", file, expr.span, [`${unseated.length === 1 ? `\`${unseated[0]}\` holds` : `${unseated.map((u) => `\`${u}\``).join(", ")} hold`} no seat`, where]);
  }
  return seated;
}

export function bindAssertion(ctx: BindContext, sets: SetEvaluator, decl: A.AssertDecl, file: string, institutions: ReadonlyMap<string, InstitutionInfo>): AssertionInfo {
  const rule = resolveRuleRef(ctx, decl.target, file, undefined, (n) => institutions.get(n));
  const [inst, bodyName] = decl.target.parts;
  const body = rule ? institutions.get(inst!.text)?.bodies.get(bodyName!.text) : undefined;
  const fact = decl.fact;
  let resolved: BoundFact | undefined;
  if (body) {
    const scope = { file, seatClasses: body.seatClasses, body: `${body.institution}.${body.name}` };
    const seatIds = new Set(body.seats.map((s) => s.id));
    const seated = (xs: string[]) => xs.filter((x) => seatIds.has(x));
    switch (fact.kind) {
      case "vetoPlayers":
      case "dummies":
      case "dictator":
        resolved = { fact: fact.kind, seats: seated(sets.evaluate(fact.set, scope)) };
        break;
      case "index": {
        const one = (player: A.Name): string | undefined => {
          const seats = resolveSeats(ctx, sets, { kind: "ref", name: player, span: player.span }, body, file, new Set());
          if (seats.length > 1) ctx.report("SeatNotInBody", file, player.span, [`\`${player.text}\` names ${seats.length} seats; a power index is about one seat`, scope.body]);
          return seats.length === 1 ? seats[0] : undefined;
        };
        const seat = one(fact.player);
        if (fact.value.kind === "number") {
          const value = Rational.parse(fact.value.text);
          if (seat && value) resolved = { fact: fact.index, seat, cmp: fact.op, value };
        } else {
          const other = one(fact.value.player);
          if (seat && other) resolved = { fact: fact.index, seat, cmp: fact.op, other: { index: fact.value.index, seat: other } };
        }
        break;
      }
      case "canBlock":
      case "canPass": {
        // A name is a power class, group or seat class; a written-out set is taken as it is.
        const who = seated(fact.set ? sets.evaluate(fact.set, scope) : resolvePowerClass(ctx, sets, fact.who, file, scope, body));
        const label = fact.set ? `{ ${who.join(", ")} }` : fact.who.text;
        if (fact.kind === "canBlock") {
          resolved = { fact: "canBlock", seats: who, label };
          break;
        }
        let without: string[] = [];
        if (fact.without) without = seated(fact.without.kind === "ref" ? resolvePowerClass(ctx, sets, fact.without.name, file, scope, body) : sets.evaluate(fact.without, scope));
        resolved = { fact: "canPass", seats: who, without, label };
        break;
      }
      case "unknownFact":
        reportUnknownFact(ctx, fact, file);
    }
  } else if (fact.kind === "unknownFact") reportUnknownFact(ctx, fact, file);
  return { target: rule?.qualified ?? decl.target.parts.map((p) => p.text).join("."), ...(resolved ? { fact: resolved } : {}), decl, file };
}

/** `small` in `small can block`: a group, a seat class, or a value of the states' `power` attribute. */
/** One error per mistake: a fact the parser could not read was reported there already. */
function reportUnknownFact(ctx: BindContext, fact: Extract<A.Fact, { kind: "unknownFact" }>, file: string): void {
  if (fact.word.text !== "") ctx.report("UnknownFact", file, fact.word.span, [fact.word.text]);
}

function resolvePowerClass(ctx: BindContext, sets: SetEvaluator, who: A.Name, file: string, scope: { file: string; seatClasses: ReadonlyMap<string, readonly string[]>; body: string }, body: BodyInfo): string[] {
  if (who.text === "") return [];
  if (scope.seatClasses.has(who.text) || ctx.lookupTop(who.text, file)) {
    return sets.evaluate({ kind: "ref", name: who, span: who.span }, scope);
  }
  const powers = powerClasses(ctx);
  if (!powers.has(who.text)) {
    ctx.unknown("power class or group", who, file, [...powers, ...ctx.topNames(file, ["group"])]);
    return [];
  }
  return body.seats.filter((s) => s.state && powerOf(ctx, s.state) === who.text).map((s) => s.id);
}

function powerOf(ctx: BindContext, state: string): string | undefined {
  const e = ctx.topLevel.get(state);
  if (!e || e.kind !== "state") return undefined;
  const a = (e.decl as A.StateDecl).attributes.find((x) => x.key.text === "power");
  return a && a.value.kind === "name" ? a.value.name.text : undefined;
}

export function powerClasses(ctx: BindContext): Set<string> {
  const out = new Set<string>();
  for (const e of ctx.topLevel.values()) {
    if (e.kind !== "state") continue;
    for (const a of (e.decl as A.StateDecl).attributes) if (a.key.text === "power" && a.value.kind === "name") out.add(a.value.name.text);
  }
  return out;
}

/** `bloc Benelux in EEC.Council: yes > 1/2`: the group's seats in the body vote as one. */
export function bindBloc(ctx: BindContext, sets: SetEvaluator, states: ReadonlyMap<string, StateInfo>, decl: A.BlocDecl, file: string, institutions: ReadonlyMap<string, InstitutionInfo>): BlocInfo | undefined {
  const [instName, bodyName, extra] = decl.body.parts;
  if (!instName || !bodyName || extra || instName.text === "" || bodyName.text === "") {
    if (decl.body.parts.every((p) => p.text !== "")) ctx.report("SyntaxError", file, decl.body.span, ["a bloc votes in a body: write `bloc GROUP in INSTITUTION.BODY`"]);
    return undefined;
  }
  const inst = institutions.get(instName.text);
  if (!inst || !ctx.lookupTop(instName.text, file)) {
    ctx.unknown("institution", instName, file, ctx.topNames(file, ["institution"]));
    return undefined;
  }
  ctx.reference(symbolId("institution", inst.name), file, instName.span);
  const body = inst.bodies.get(bodyName.text);
  if (!body) {
    ctx.unknown("body", bodyName, file, inst.bodies.keys(), inst.name);
    return undefined;
  }
  ctx.reference(symbolId("body", `${inst.name}.${body.name}`), file, bodyName.span);
  const members = resolveSeats(ctx, sets, { kind: "ref", name: decl.name, span: decl.name.span }, body, file, new Set());
  if (members.length === 0) return undefined;
  const condition: A.Condition = decl.condition ?? {
    kind: "compare",
    left: { kind: "tally", side: "yes", span: decl.span },
    op: ">",
    right: { kind: "quantity", value: { kind: "number", form: "fraction", text: "1/2", span: decl.span }, base: "all", span: decl.span },
    span: decl.span,
  };
  const bound = bindSubCondition(ctx, sets, states, body, members, condition, `${inst.name}.${body.name}.bloc:${decl.name.text}`, file);
  if (!bound.condition || bound.incomplete) return undefined;
  return { name: decl.name.text, body: `${inst.name}.${body.name}`, members, condition: bound.condition, weights: bound.weights, decl, file };
}
