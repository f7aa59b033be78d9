// Resolution of qualified rule names (`UN.SecurityCouncil.substantive`, or `SecurityCouncil.substantive`
// inside UN) and of action patterns (`ArmedAttack(against: member)`).
import type * as A from "../syntax/ast.js";
import { symbolId, type BindContext } from "./context.js";
import type { BoundArgument, BoundConduct, BoundPattern, InstitutionInfo, RuleInfo } from "./model.js";
import type { SetEvaluator, SetScope } from "./sets.js";
import { Rational } from "../numbers/rational.js";

export type InstitutionLookup = (name: string) => InstitutionInfo | undefined;

/**
 * Resolves a rule reference. Inside an institution two parts (`BODY.RULE`) are relative to it;
 * three parts (`INSTITUTION.BODY.RULE`) are always absolute.
 */
export function resolveRuleRef(ctx: BindContext, ref: A.QualifiedName, file: string, current?: InstitutionInfo, lookup?: InstitutionLookup): RuleInfo | undefined {
  const parts = ref.parts;
  if (parts.some((p) => p.text === "")) return undefined;
  let inst: InstitutionInfo | undefined;
  let rest: readonly A.Name[];
  if (parts.length === 2 && current) {
    inst = current;
    rest = parts;
  } else if (parts.length === 3) {
    const entry = ctx.lookupTop(parts[0]!.text, file);
    if (!entry) {
      ctx.unknown("institution", parts[0]!, file, ctx.topNames(file, ["institution"]));
      return undefined;
    }
    if (entry.kind !== "institution") {
      ctx.wrongKind(parts[0]!, file, entry.kind, "an institution");
      return undefined;
    }
    ctx.reference(symbolId("institution", parts[0]!.text), file, parts[0]!.span);
    inst = current?.name === parts[0]!.text ? current : lookup?.(parts[0]!.text);
    if (!inst) return undefined;
    rest = parts.slice(1);
  } else {
    ctx.report("SyntaxError", file, ref.span, [current ? "a rule is named `BODY.RULE` or `INSTITUTION.BODY.RULE`" : "a rule is named `INSTITUTION.BODY.RULE`"]);
    return undefined;
  }
  const [bodyName, ruleName] = rest as [A.Name, A.Name];
  const body = inst.bodies.get(bodyName.text);
  if (!body) {
    ctx.unknown("body", bodyName, file, inst.bodies.keys(), inst.name);
    return undefined;
  }
  ctx.reference(symbolId("body", `${inst.name}.${bodyName.text}`), file, bodyName.span);
  const template = body.templates.get(ruleName.text);
  const declared = `${inst.name}.${body.name}.${ruleName.text}`;
  if (template || ref.argument) {
    if (!template) {
      ctx.report("RuleArgument", file, ref.argument!.span, [body.rules.has(ruleName.text) ? `the rule \`${ruleName.text}\` takes no argument: write \`${declared}\`` : `\`${declared}\` is not a parameterised rule`]);
      if (body.rules.has(ruleName.text)) ctx.reference(symbolId("rule", declared), file, ruleName.span);
      return undefined;
    }
    ctx.reference(symbolId("rule", declared), file, ruleName.span);
    const example = template.values[0] ?? "X";
    if (!ref.argument || ref.argument.text === "") {
      if (!ref.argument) ctx.report("RuleArgument", file, ruleName.span, [`the rule \`${ruleName.text}\` is stated for each \`${template.parameter}\`: name one, as in \`${declared}(${example})\``]);
      return undefined;
    }
    const rule = body.rules.get(`${ruleName.text}(${ref.argument.text})`);
    // A rule with no binding at all was reported at its declaration (or its seats had an error).
    if (!rule && template.values.length === 0) return undefined;
    if (!rule) {
      const shown = template.values.length > 6 ? `${template.values.slice(0, 5).join(", ")} … (${template.values.length} states)` : template.values.join(", ");
      ctx.report("RuleArgument", file, ref.argument.span, [`\`${declared}\` is not stated for \`${ref.argument.text}\`: its \`${template.parameter}\` is one of ${shown}`]);
      return undefined;
    }
    ctx.reference(symbolId("state", ref.argument.text), file, ref.argument.span);
    return rule;
  }
  const rule = body.rules.get(ruleName.text);
  if (!rule) {
    ctx.unknown("rule", ruleName, file, [...body.rules.keys()].filter((k) => !k.includes("(")).concat([...body.templates.keys()]), `${inst.name}.${body.name}`);
    return undefined;
  }
  ctx.reference(symbolId("rule", rule.qualified), file, ruleName.span);
  return rule;
}

/** Resolves an action pattern and returns it with every group evaluated to its states. */
export function bindActionPattern(ctx: BindContext, sets: SetEvaluator, pattern: A.ActionPattern, scope: SetScope): BoundPattern {
  const args: Record<string, BoundArgument> = {};
  const name = pattern.action;
  const result = { action: name.text, args };
  for (const arg of pattern.args) args[arg.name.text] = argumentPattern(sets, arg.value, scope);
  checkActionPattern(ctx, pattern, scope);
  return result;
}

function argumentPattern(sets: SetEvaluator, v: A.ArgumentValue, scope: SetScope): BoundArgument {
  switch (v.kind) {
    case "any": return { any: true };
    case "every": return { every: sets.evaluate(v.set, scope) };
    case "compare": return { compare: v.op, value: Rational.parse(v.value.text) ?? Rational.ZERO };
    case "literal": return { literal: literalValue(v.value) };
    case "set":
      if (v.set.kind === "ref" && scope.variables?.has(v.set.name.text)) return { variable: v.set.name.text };
      return { oneOf: sets.evaluate(v.set, scope) };
  }
}

function literalValue(v: A.Value): string | boolean {
  switch (v.kind) {
    case "number": return (Rational.parse(v.text) ?? Rational.ZERO).toString();
    case "string": return v.value;
    case "boolean": return v.value;
    case "name": return v.name.text;
  }
}

/** A concrete act (an arrangement's commitment or a scenario's event): arguments are values. */
export function bindConduct(ctx: BindContext, sets: SetEvaluator, c: A.Conduct, file: string): BoundConduct {
  const actor = c.actor.text === "" ? [] : sets.evaluate({ kind: "ref", name: c.actor, span: c.actor.span }, { file });
  const pattern = bindActionPattern(ctx, sets, c.action, { file });
  const args: Record<string, string | boolean | readonly string[]> = {};
  for (const [k, v] of Object.entries(pattern.args)) {
    if ("oneOf" in v) args[k] = v.oneOf.length === 1 ? v.oneOf[0]! : v.oneOf;
    else if ("every" in v) args[k] = v.every;
    else if ("literal" in v) args[k] = v.literal;
    else if ("compare" in v) args[k] = v.value.toString();
  }
  return { actor: actor.length === 1 ? actor[0]! : c.actor.text, action: pattern.action, args };
}

const typeNames: Record<string, string> = { state: "a state", number: "a number", percentage: "a percentage", text: "a text", boolean: "`true` or `false`" };

function typeText(type: string): string {
  return typeNames[type] ?? `a ${type}`;
}

/** What is wrong with the value for a parameter of this type, or undefined when it fits. */
function argumentTypeMismatch(type: string, v: A.ArgumentValue, scope: SetScope): string | undefined {
  if (!(type in typeNames) || v.kind === "any") return undefined;
  const numeric = type === "number" || type === "percentage";
  switch (v.kind) {
    case "set":
    case "every":
      if (v.kind === "set" && v.set.kind === "ref" && scope.variables?.has(v.set.name.text)) return undefined;
      return type === "state" ? undefined : "a state or a group";
    case "compare":
      return numeric ? undefined : `a comparison \`${v.op} ${v.value.text}\``;
    case "literal": {
      const lit = v.value;
      if (lit.kind === "number") return numeric ? undefined : `the number \`${lit.text}\``;
      if (lit.kind === "string") return type === "text" ? undefined : `the text ${JSON.stringify(lit.value)}`;
      if (lit.kind === "boolean") return type === "boolean" ? undefined : `\`${lit.value}\``;
      return undefined;
    }
  }
}

function checkActionPattern(ctx: BindContext, pattern: A.ActionPattern, scope: SetScope): void {
  const name = pattern.action;
  if (name.text === "") return;
  const entry = ctx.lookupTop(name.text, scope.file);
  if (!entry) {
    ctx.unknown("action", name, scope.file, ctx.topNames(scope.file, ["action"]));
    return;
  }
  if (entry.kind !== "action") {
    ctx.wrongKind(name, scope.file, entry.kind, "an action");
    return;
  }
  ctx.reference(symbolId("action", name.text), scope.file, name.span);
  const declared = (entry.decl as A.ActionDecl).params;
  const params = declared.map((p) => p.name.text);
  const seen = new Set<string>();
  for (const arg of pattern.args) {
    if (arg.name.text === "") continue;
    if (!params.includes(arg.name.text)) ctx.unknown("parameter", arg.name, scope.file, params, name.text);
    else {
      ctx.reference(symbolId("parameter", `${name.text}.${arg.name.text}`), scope.file, arg.name.span);
      const type = declared.find((p) => p.name.text === arg.name.text)!.type.text;
      const wrong = argumentTypeMismatch(type, arg.value, scope);
      if (wrong) ctx.report("ArgumentType", scope.file, arg.value.span, [arg.name.text, name.text, typeText(type), wrong]);
    }
    if (seen.has(arg.name.text)) ctx.report("DuplicateDeclaration", scope.file, arg.name.span, [arg.name.text]);
    seen.add(arg.name.text);
  }
}
