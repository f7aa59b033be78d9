// Binds an institution: members, membership requirements, bodies, admission and principles.
import { citeSite } from "./citation.js";
import { append } from "../text/arrays.js";
import type * as A from "../syntax/ast.js";
import { symbolId, type BindContext } from "./context.js";
import { bindBody } from "./bodies.js";
import type { BodyInfo, BoundPattern, BoundPrinciple, InstitutionInfo, PrincipleInfo, StateInfo } from "./model.js";
import type { SetEvaluator } from "./sets.js";
import { bindActionPattern, resolveRuleRef } from "./references.js";

export function bindInstitution(
  ctx: BindContext,
  sets: SetEvaluator,
  states: ReadonlyMap<string, StateInfo>,
  decl: A.InstitutionDecl,
  file: string,
): InstitutionInfo {
  const name = decl.name.text;
  const membersItems = decl.items.filter((i): i is A.MembersItem => i.kind === "members");
  for (const extra of membersItems.slice(1)) ctx.report("DuplicateDeclaration", file, { start: extra.span.start, end: extra.span.start + "members".length }, ["members"]);
  const members = membersItems.length ? sets.institutionMembers(name) : [];
  const requires: string[] = [];
  for (const item of decl.items) if (item.kind === "requires") append(requires, sets.evaluate(item.set, { file, institution: name }));

  const bodies = new Map<string, BodyInfo>();
  for (const item of decl.items) {
    if (item.kind !== "body" || item.name.text === "") continue;
    if (bodies.has(item.name.text)) {
      ctx.report("DuplicateDeclaration", file, item.name.span, [item.name.text], { related: [{ file, span: bodies.get(item.name.text)!.decl.name.span, message: "first declared here" }] });
      continue;
    }
    ctx.declare({ id: symbolId("body", `${name}.${item.name.text}`), kind: "body", name: item.name.text, file, nameSpan: item.name.span, span: item.span, ...(item.doc ? { doc: item.doc } : {}), ...citeSite(item) });
    bodies.set(item.name.text, bindBody(ctx, sets, states, name, item, file));
  }

  const partial: InstitutionInfo = {
    name,
    ...(decl.title ? { title: decl.title } : {}),
    members,
    membersPoisoned: sets.poisonedMemberships.has(name),
    requires: [...new Set(requires)],
    bodies,
    principles: new Map(),
    admission: [],
    decl,
    file,
  };

  const admission: string[][] = [];
  for (const item of decl.items) {
    if (item.kind !== "admission") continue;
    const steps: string[] = [];
    for (const step of item.steps) {
      const rule = resolveRuleRef(ctx, step, file, partial);
      if (rule) steps.push(rule.qualified);
    }
    // `A after B` is written last-step-first; the model keeps the chronological order.
    admission.push(steps.reverse());
  }

  const principles = new Map<string, PrincipleInfo>();
  for (const item of decl.items) {
    if (item.kind !== "principle" || item.name.text === "") continue;
    if (principles.has(item.name.text)) {
      ctx.report("DuplicateDeclaration", file, item.name.span, [item.name.text]);
      continue;
    }
    const qualified = `${name}.${item.name.text}`;
    ctx.declare({ id: symbolId("principle", qualified), kind: "principle", name: item.name.text, file, nameSpan: item.name.span, span: item.span, ...(item.doc ? { doc: item.doc } : {}), ...citeSite(item) });
    const bound = bindPrinciple(ctx, sets, item, file, partial);
    principles.set(item.name.text, { name: item.name.text, qualified, bound, decl: item, file, institution: name });
  }

  return { ...partial, principles, admission };
}

/** Resolves the names in a principle; variables are introduced by the trigger's arguments. */
function bindPrinciple(ctx: BindContext, sets: SetEvaluator, p: A.PrincipleDecl, file: string, inst: InstitutionInfo): BoundPrinciple {
  const variables = new Set<string>();
  const scope = { file, institution: inst.name, variables };
  let trigger: BoundPattern | undefined;
  if (p.trigger) {
    for (const arg of p.trigger.args) {
      if (arg.value.kind === "set" && arg.value.set.kind === "ref" && !ctx.lookupTop(arg.value.set.name.text, file)) variables.add(arg.value.set.name.text);
    }
    trigger = bindActionPattern(ctx, sets, p.trigger, scope);
  }
  let subject: BoundPrinciple["subject"];
  if (p.subject.kind === "every") subject = { every: sets.evaluate(p.subject.set, scope) };
  else {
    if (!variables.has(p.subject.name.text) && p.subject.name.text !== "") ctx.unknown("variable", p.subject.name, file, variables);
    subject = { variable: p.subject.name.text };
  }
  const action = bindActionPattern(ctx, sets, p.action, scope);
  const where: BoundPrinciple["where"][number][] = [];
  for (const w of p.where) {
    if (!variables.has(w.name.text) && w.name.text !== "") ctx.unknown("variable", w.name, file, variables);
    if (w.kind === "in") where.push({ variable: w.name.text, in: sets.evaluate(w.set, scope), negated: w.negated });
    else where.push({ variable: w.name.text, compare: w.op, value: w.value.kind === "name" ? w.value.name.text : w.value.kind === "number" ? w.value.text : w.value.value });
  }
  const exceptions: BoundPrinciple["exceptions"][number][] = [];
  for (const e of p.exceptions) {
    if (e.kind === "authorized") {
      const rule = resolveRuleRef(ctx, e.rule, file, inst);
      if (rule) exceptions.push({ authorizedBy: rule.qualified });
    } else exceptions.push({ within: e.name.text });
  }
  return { ...(trigger ? { trigger } : {}), subject, deontic: p.deontic, action, where, exceptions, ...(p.sanction ? { sanction: p.sanction.text } : {}) };
}
