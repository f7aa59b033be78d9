// What the schema cannot say about a rule set read from JSON: ids are unique, every reference
// resolves (seats in vetoes, weights, blocs, ballots; rules in scenarios, assertions, admission
// and exceptions), weights are non-negative exact numbers for every seat a rule counts, and
// conditions nest no deeper than the engine walks. A rule set compiled by mlat always passes;
// one written or edited by hand gets the first problem with its JSON path, never an internal
// error or a silently wrong answer.
import type { ConditionJson, RuleSet } from "./types.js";
import type { SchemaError } from "./validate.js";
import { Rational } from "../numbers/rational.js";

/** How deep a condition may nest (as in designs: parentheses and `not`s). */
export const MAX_CONDITION_DEPTH = 200;

export function checkConsistency(rs: RuleSet): SchemaError[] {
  const problems: SchemaError[] = [];
  const fail = (path: string, message: string) => {
    if (problems.length < 20) problems.push({ path, message });
  };
  const duplicates = (ids: readonly string[], path: (i: number) => string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) fail(path(i), `the ${what} \`${id}\` appears twice`);
      seen.add(id);
    });
  };
  const states = new Set(rs.states.map((s) => s.id));
  duplicates(rs.states.map((s) => s.id), (i) => `$.states[${i}].id`, "state");
  duplicates(rs.groups.map((g) => g.id), (i) => `$.groups[${i}].id`, "group");
  rs.groups.forEach((g, i) => g.members.forEach((m, k) => states.has(m) || fail(`$.groups[${i}].members[${k}]`, `\`${m}\` is not a state of the rule set`)));
  duplicates(rs.institutions.map((x) => x.id), (i) => `$.institutions[${i}].id`, "institution");
  const rules = new Map<string, Set<string>>(); // rule id → seat ids
  const voters = new Map<string, Set<string>>(); // rule id → who may be named on a ballot: seats and constituencies' states
  rs.institutions.forEach((inst, i) => {
    duplicates(inst.bodies.map((b) => b.id), (j) => `$.institutions[${i}].bodies[${j}].id`, "body");
    inst.bodies.forEach((body, j) => {
      const at = `$.institutions[${i}].bodies[${j}]`;
      const seats = new Set<string>();
      body.seats.forEach((s, k) => {
        if (seats.has(s.id)) fail(`${at}.seats[${k}].id`, `the seat \`${s.id}\` appears twice`);
        seats.add(s.id);
        if (s.state !== undefined && !states.has(s.state)) fail(`${at}.seats[${k}].state`, `\`${s.state}\` is not a state of the rule set`);
        s.for?.forEach((m, j) => states.has(m) || fail(`${at}.seats[${k}].for[${j}]`, `\`${m}\` is not a state of the rule set`));
        if (s.inside) {
          if (!s.for) fail(`${at}.seats[${k}].inside`, "only a constituency (a seat with `for`) has an inside rule");
          else checkCondition(s.inside.condition, `${at}.seats[${k}].inside.condition`, new Set(s.for), s.inside.weights, fail);
        }
      });
      if (body.rules.length && body.seats.length === 0) fail(`${at}.seats`, "a body with rules needs at least one seat");
      for (const [cls, n] of Object.entries(body.rotation ?? {})) {
        const size = body.seats.filter((s) => s.class === cls).length;
        if (n > size) fail(`${at}.rotation.${cls}`, `${n} votes in rotation but the class \`${cls}\` has ${size} seats`);
      }
      for (const [w, table] of Object.entries(body.weights)) {
        for (const [seat, v] of Object.entries(table)) {
          if (!seats.has(seat)) fail(`${at}.weights.${w}.${seat}`, `\`${seat}\` holds no seat in \`${body.id}\``);
          const r = Rational.parse(v);
          if (r && r.compare(Rational.ZERO) < 0) fail(`${at}.weights.${w}.${seat}`, "a weight must not be negative");
        }
      }
      duplicates(body.rules.map((r) => r.id), (k) => `${at}.rules[${k}].id`, "rule");
      body.rules.forEach((rule, k) => {
        rules.set(rule.id, seats);
        voters.set(rule.id, new Set([...seats, ...body.seats.flatMap((s) => s.for ?? [])]));
        checkCondition(rule.condition, `${at}.rules[${k}].condition`, seats, body.weights, fail);
      });
    });
  });
  const ruleExists = (id: string, path: string) => rules.has(id) || fail(path, `\`${id}\` is not a rule of the rule set`);
  rs.institutions.forEach((inst, i) => {
    inst.admission.forEach((steps, a) => steps.forEach((r, k) => ruleExists(r, `$.institutions[${i}].admission[${a}][${k}]`)));
    inst.principles.forEach((p, k) => p.exceptions.forEach((x, e) => "authorizedBy" in x && ruleExists(x.authorizedBy, `$.institutions[${i}].principles[${k}].exceptions[${e}].authorizedBy`)));
  });
  rs.scenarios.forEach((s, i) =>
    s.steps.forEach((step, k) => {
      if (!("vote" in step)) return;
      const seats = rules.get(step.vote);
      if (!seats) return void fail(`$.scenarios[${i}].steps[${k}].vote`, `\`${step.vote}\` is not a rule of the rule set`);
      for (const seat of Object.keys(step.ballots)) if (!voters.get(step.vote)!.has(seat)) fail(`$.scenarios[${i}].steps[${k}].ballots.${seat}`, `\`${seat}\` holds no seat in the body of \`${step.vote}\``);
    }),
  );
  rs.assertions.forEach((a, i) => ruleExists(a.rule, `$.assertions[${i}].rule`));
  (rs.blocs ?? []).forEach((b, i) => {
    const body = rs.institutions.flatMap((x) => x.bodies).find((x) => x.id === b.body);
    if (!body) return void fail(`$.blocs[${i}].body`, `\`${b.body}\` is not a body of the rule set`);
    const seats = new Set(body.seats.map((s) => s.id));
    if (b.members.length === 0) fail(`$.blocs[${i}].members`, "a bloc needs at least one member");
    b.members.forEach((m, k) => seats.has(m) || fail(`$.blocs[${i}].members[${k}]`, `\`${m}\` holds no seat in \`${b.body}\``));
    checkCondition(b.condition, `$.blocs[${i}].condition`, new Set(b.members), b.weights, fail);
  });
  return problems;
}

/** Walks a condition without recursion: depth, seats of vetoes and weights that every seat has. */
function checkCondition(root: ConditionJson, rootPath: string, seats: ReadonlySet<string>, weights: Readonly<Record<string, Readonly<Record<string, string>>>>, fail: (path: string, message: string) => void): void {
  const todo: { c: ConditionJson; path: string; depth: number }[] = [{ c: root, path: rootPath, depth: 0 }];
  const weightComplete = (w: string | undefined, path: string) => {
    if (w === undefined) return;
    const table = weights[w];
    if (!table) return void fail(path, `the weight \`${w}\` is not in the rule set`);
    for (const s of seats) if (table[s] === undefined) return void fail(path, `the seat \`${s}\` has no value for the weight \`${w}\``);
  };
  while (todo.length) {
    const { c, path, depth } = todo.pop()!;
    if (depth > MAX_CONDITION_DEPTH) return void fail(path, `the condition nests deeper than ${MAX_CONDITION_DEPTH} levels`);
    switch (c.op) {
      case "and":
      case "or":
        c.args.forEach((a, k) => todo.push({ c: a, path: `${path}.args[${k}]`, depth: depth + 1 }));
        break;
      case "not":
        todo.push({ c: c.arg, path: `${path}.arg`, depth: depth + 1 });
        break;
      case "veto":
        if (c.seats.length === 0) fail(`${path}.seats`, "a veto needs at least one seat (a veto of nobody would let every motion through)");
        c.seats.forEach((s, k) => seats.has(s) || fail(`${path}.seats[${k}]`, `\`${s}\` holds no seat here`));
        break;
      case "compare":
        weightComplete(c.left.weight, `${path}.left.weight`);
        if ("tally" in c.right) weightComplete(c.right.weight, `${path}.right.weight`);
        break;
      default:
        break;
    }
  }
}
