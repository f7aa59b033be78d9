// Stage 1: top-level declarations into one scope; duplicates are reported with the first one as
// related information. Also binds states (attributes) and actions, which need no other names.
import type * as A from "../syntax/ast.js";
import { Rational } from "../numbers/rational.js";
import { symbolId, type BindContext, type TopLevelKind } from "./context.js";
import type { ActionInfo, AttributeValue, StateInfo } from "./model.js";

export const PARAMETER_TYPES = ["state", "number", "percentage", "text", "boolean"] as const;

export function declareTopLevel(ctx: BindContext): void {
  for (const [file, loaded] of ctx.program.files) {
    for (const d of loaded.parsed.ast.declarations) {
      if (d.kind === "use" || d.kind === "scenario" || d.kind === "assert" || d.kind === "bloc") continue;
      if (d.name.text === "") continue;
      const existing = ctx.topLevel.get(d.name.text);
      if (existing) {
        ctx.report("DuplicateDeclaration", file, d.name.span, [d.name.text], {
          related: [{ file: existing.file, span: existing.name.span, message: `\`${d.name.text}\` is first declared here` }],
        });
        continue;
      }
      const kind = d.kind as TopLevelKind;
      ctx.topLevel.set(d.name.text, { kind, name: d.name, decl: d, file });
      ctx.declare({ id: symbolId(kind, d.name.text), kind, name: d.name.text, file, nameSpan: d.name.span, span: d.span, ...(d.doc ? { doc: d.doc } : {}) });
    }
  }
}

export function bindStates(ctx: BindContext): Map<string, StateInfo> {
  const states = new Map<string, StateInfo>();
  const firstType = new Map<string, { type: AttributeValue["type"]; state: string }>();
  for (const e of ctx.topLevel.values()) {
    if (e.kind !== "state") continue;
    const decl = e.decl as A.StateDecl;
    const attributes = new Map<string, AttributeValue>();
    for (const a of decl.attributes) {
      const key = a.key.text;
      if (key === "") continue;
      if (attributes.has(key)) {
        ctx.report("DuplicateAttribute", e.file, a.key.span, [key]);
        continue;
      }
      const id = attributeId(key);
      if (!ctx.declarations.has(id)) ctx.declare({ id, kind: "attribute", name: key, file: e.file, nameSpan: a.key.span, span: a.span });
      ctx.reference(id, e.file, a.key.span);
      const value = attributeValue(a.value);
      if (!value) {
        ctx.report("ZeroDenominator", e.file, a.value.span, [a.value.kind === "number" ? a.value.text : ""]);
        continue;
      }
      attributes.set(key, value);
      const first = firstType.get(key);
      if (!first) firstType.set(key, { type: value.type, state: decl.name.text });
      else if (first.type !== value.type) {
        ctx.report("AttributeType", e.file, a.value.span, [key, `is ${article(value.type)} here but ${article(first.type)} on \`${first.state}\`: give it one type on every state`]);
      }
    }
    states.set(decl.name.text, { name: decl.name.text, ...(decl.title ? { title: decl.title } : {}), attributes, decl, file: e.file });
  }
  return states;
}

const attributeIds = new Map<string, string>();
function attributeId(key: string): string {
  let id = attributeIds.get(key);
  if (id === undefined) attributeIds.set(key, (id = symbolId("attribute", key)));
  return id;
}

function article(t: AttributeValue["type"]): string {
  return t === "number" ? "a number" : t === "name" ? "a name" : t === "string" ? "a string" : "a boolean";
}

/**
 * An attribute's value depends on its text alone, and a file's AST is shared by every program that
 * imports it (the parse cache): computing each value once saves a program that imports a large
 * world file from re-parsing thousands of exact numbers.
 */
const valueCache = new WeakMap<A.Value, AttributeValue | null>();

function attributeValue(v: A.Value): AttributeValue | undefined {
  const cached = valueCache.get(v);
  if (cached !== undefined) return cached ?? undefined;
  const computed = computeAttributeValue(v);
  valueCache.set(v, computed ?? null);
  return computed;
}

function computeAttributeValue(v: A.Value): AttributeValue | undefined {
  switch (v.kind) {
    case "number": {
      const r = Rational.parse(v.text);
      return r ? { type: "number", value: r, text: v.text } : undefined;
    }
    case "name": return { type: "name", value: v.name.text };
    case "string": return { type: "string", value: v.value };
    case "boolean": return { type: "boolean", value: v.value };
  }
}

export function bindActions(ctx: BindContext): Map<string, ActionInfo> {
  const actions = new Map<string, ActionInfo>();
  for (const e of ctx.topLevel.values()) {
    if (e.kind !== "action") continue;
    const decl = e.decl as A.ActionDecl;
    const seen = new Set<string>();
    for (const p of decl.params) {
      if (p.name.text === "") continue;
      if (seen.has(p.name.text)) ctx.report("DuplicateDeclaration", e.file, p.name.span, [p.name.text]);
      seen.add(p.name.text);
      ctx.declare({ id: symbolId("parameter", `${decl.name.text}.${p.name.text}`), kind: "parameter", name: p.name.text, file: e.file, nameSpan: p.name.span, span: p.span });
      if (p.type.text !== "" && !(PARAMETER_TYPES as readonly string[]).includes(p.type.text)) ctx.unknown("type", p.type, e.file, PARAMETER_TYPES);
    }
    actions.set(decl.name.text, { name: decl.name.text, params: decl.params.map((p) => ({ name: p.name.text, type: p.type.text })), decl, file: e.file });
  }
  return actions;
}
