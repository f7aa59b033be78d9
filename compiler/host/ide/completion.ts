// Completion: the keywords the grammar allows at the cursor (Chevrotain's content assist on the
// declaration being typed) and the names in scope there — states and groups in a group
// expression, seat classes inside a body, bodies and rules after `INST.`, weights after `by`,
// attribute keys, actions and their parameters.
import type { IToken, TokenType } from "chevrotain";
import type * as A from "../../syntax/ast.js";
import type { Model } from "../../semantics/model.js";
import { lex } from "../../syntax/lexer.js";
import { declarationStarters, theParser } from "../../syntax/parser.js";
import * as T from "../../syntax/tokens.js";
import { snippetNamed, snippetsFor, wordSnippets } from "./snippets.js";
import { FORMULA_FUNCTIONS } from "../../semantics/weight-formula.js";

export type { CompletionItem, CompletionKind } from "./completion-item.js";
import type { CompletionItem } from "./completion-item.js";

const topLevel = new Set<TokenType>(declarationStarters);

export function completions(model: Model, ast: A.SourceFile, file: string, text: string, offset: number): CompletionItem[] {
  // The declaration being typed: from the last top-level keyword before the cursor.
  const before = text.slice(0, offset);
  const all = lex(before, file).tokens;
  let start = 0;
  for (let i = all.length - 1; i >= 0; i--) {
    if (topLevel.has(all[i]!.tokenType) && (i === 0 || startsLine(text, all[i]!.startOffset))) {
      start = i;
      break;
    }
  }
  let tokens = all.slice(start);
  // A word being typed is the prefix, not context.
  const last = tokens[tokens.length - 1];
  let prefix = "";
  if (last && last.startOffset + last.image.length === offset && (last.tokenType === T.Identifier || T.keywords.includes(last.tokenType))) {
    prefix = last.image;
    tokens = tokens.slice(0, -1);
  }

  const items = new Map<string, CompletionItem>();
  const add = (i: CompletionItem) => {
    if (!items.has(`${i.kind}:${i.label}`)) items.set(`${i.kind}:${i.label}`, i);
  };
  if (tokens.length === 0) for (const s of snippetsFor("file")) add(s);

  let suggestions: ReturnType<ReturnType<typeof theParser>["computeContentAssist"]> = [];
  try {
    suggestions = theParser().computeContentAssist("file", tokens);
  } catch {
    suggestions = [];
  }
  const context = contextAt(ast, offset);
  for (const s of suggestions) {
    const t = s.nextTokenType;
    const innermost = s.ruleStack[s.ruleStack.length - 1] ?? "file";
    // A `name` inside a qualified name (`EEC.Council.|`) completes as part of that name.
    // A `name` after `by` (any word may name a weight) completes as the tally's weight.
    const outer = s.ruleStack[s.ruleStack.length - 2];
    const rule = innermost === "name" && (outer === "qualifiedName" || outer === "tally" || outer === "formulaFactor") ? outer : innermost;
    if (T.keywords.includes(t)) {
      const word = (t.PATTERN as RegExp).source;
      add({ label: word, kind: "keyword" });
      // A keyword that starts a declaration (its rule sits directly in a file, an institution or a body).
      const parent = s.ruleStack[s.ruleStack.length - 2] ?? "";
      if (["institutionDecl", "bodyDecl", "file"].includes(rule) || ["institutionDecl", "bodyDecl", "file"].includes(parent)) {
        const snippet = snippetNamed(word);
        if (snippet) add(snippet);
      }
      // At a body item: also the forms that start with a word only a body knows (`seat`, `quorum`).
      if (rule === "bodyDecl" || parent === "bodyDecl") for (const w of wordSnippets("body", (x) => T.keywords.some((k) => (k.PATTERN as RegExp).source === x))) add(w);
      continue;
    }
    if (t !== T.Identifier && t !== T.Keyword) continue;
    for (const item of namesFor(model, rule, tokens, context)) add(item);
  }
  return limit(filterByPrefix([...items.values()], prefix));
}

/** Names that contain the typed letters in order (the editor re-filters as the user types). */
function filterByPrefix(items: CompletionItem[], prefix: string): CompletionItem[] {
  if (!prefix) return items;
  const p = prefix.toLowerCase();
  return items.filter((i) => {
    let k = 0;
    for (const c of i.label.toLowerCase()) if (c === p[k]) k++;
    return k === p.length;
  });
}

/** Completion lists stay small enough to answer fast in a workspace of thousands of states. */
export const COMPLETION_LIMIT = 300;

function limit(items: CompletionItem[]): CompletionItem[] & { incomplete?: boolean } {
  if (items.length <= COMPLETION_LIMIT) return items;
  const out: CompletionItem[] & { incomplete?: boolean } = items.slice(0, COMPLETION_LIMIT);
  out.incomplete = true;
  return out;
}

function startsLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text[i];
    if (c === "\n") return true;
    if (c !== " " && c !== "\t" && c !== "\r") return false;
  }
  return true;
}

interface Context {
  readonly institution?: string;
  readonly body?: string;
}

function contextAt(ast: A.SourceFile, offset: number): Context {
  for (const d of ast.declarations) {
    if (d.kind !== "institution" || offset < d.span.start || offset > d.span.end + 1) continue;
    const body = d.items.find((i): i is A.BodyDecl => i.kind === "body" && offset >= i.span.start && offset <= i.span.end + 1);
    return { institution: d.name.text, ...(body ? { body: body.name.text } : {}) };
  }
  return {};
}

function namesFor(model: Model, rule: string, tokens: readonly IToken[], ctx: Context): CompletionItem[] {
  const prev = tokens[tokens.length - 1];
  const states = () => [...model.states.values()].map((s): CompletionItem => ({ label: s.name, kind: "state", ...(s.title ? { detail: s.title } : {}), ...(s.decl.doc ? { documentation: s.decl.doc } : {}) }));
  const groups = () => [...model.groups.values()].map((g): CompletionItem => ({ label: g.name, kind: "group", detail: `${g.members.length} states`, ...(g.decl.doc ? { documentation: g.decl.doc } : {}) }));
  const body = ctx.institution && ctx.body ? model.institutions.get(ctx.institution)?.bodies.get(ctx.body) : undefined;
  const seatClasses = () => (body ? [...body.seatClasses].map(([c, seats]): CompletionItem => ({ label: c, kind: "seatClass", detail: `${seats.length} seats` })) : []);
  const attributes = () => {
    const keys = new Map<string, string>();
    for (const s of model.states.values()) for (const [k, v] of s.attributes) keys.set(k, v.type);
    return [...keys].map(([k, type]): CompletionItem => ({ label: k, kind: "attribute", detail: type }));
  };
  switch (rule) {
    case "setAtom":
    case "seatList":
      return [...states(), ...groups(), ...seatClasses()];
    case "tally":
      return prev?.tokenType === T.By ? weights(model, body) : [];
    case "filterUnary":
    case "attribute":
      return attributes();
    case "formulaFactor":
      // A weight formula: the states' numeric attributes and the functions it may call.
      return [
        ...attributes().filter((a) => a.detail === "number"),
        ...Object.entries(FORMULA_FUNCTIONS).map(([label, detail]): CompletionItem => ({ label, kind: "keyword", detail })),
      ];
    case "weightEntry":
      return body ? [...body.seats.filter((s) => s.state).map((s): CompletionItem => ({ label: s.id, kind: "state" })), ...seatClasses()] : states();
    case "actionPattern":
    case "conduct":
      return prev?.tokenType === T.Does || prev?.tokenType === T.When || prev?.tokenType === T.Must || prev?.tokenType === T.May || prev?.tokenType === T.Not ? actions(model) : [...states()];
    case "argument":
    case "name":
      return parameters(model, tokens);
    case "qualifiedName":
      return qualified(model, tokens, ctx);
    case "fact":
      return [
        { label: "dummies", kind: "keyword" },
        { label: "dictator", kind: "keyword" },
        { label: "banzhaf", kind: "keyword" },
        { label: "shapley", kind: "keyword" },
        ...powerClasses(model),
        ...groups(),
      ];
    case "exception":
      return prev?.tokenType === T.Within ? [...model.arrangements.values()].map((a): CompletionItem => ({ label: a.kind ?? a.name, kind: "value" })) : [];
    default:
      return [];
  }
}

function weights(model: Model, body: ReturnType<Model["institutions"]["get"]> extends infer I ? (I extends { bodies: ReadonlyMap<string, infer B> } ? B | undefined : never) : never): CompletionItem[] {
  const out: CompletionItem[] = body ? [...body.weightTables.keys()].map((w) => ({ label: w, kind: "weight" as const, detail: "weight table" })) : [];
  if (!body || body.weightTables.size === 0) {
    const numeric = new Set<string>();
    for (const s of model.states.values()) for (const [k, v] of s.attributes) if (v.type === "number") numeric.add(k);
    for (const k of numeric) out.push({ label: k, kind: "attribute", detail: "number attribute of the states" });
  }
  return out;
}

function actions(model: Model): CompletionItem[] {
  return [...model.actions.values()].map((a) => ({ label: a.name, kind: "action", detail: `(${a.params.map((p) => `${p.name}: ${p.type}`).join(", ")})` }));
}

function parameters(model: Model, tokens: readonly IToken[]): CompletionItem[] {
  // The action is the identifier before the nearest unclosed `(`.
  let depth = 0;
  for (let i = tokens.length - 1; i > 0; i--) {
    const t = tokens[i]!;
    if (t.tokenType === T.RParen) depth++;
    else if (t.tokenType === T.LParen) {
      if (depth === 0) {
        const action = model.actions.get(tokens[i - 1]!.image);
        return action ? action.params.map((p) => ({ label: p.name, kind: "parameter" as const, detail: p.type, insertText: `${p.name}: ` })) : [];
      }
      depth--;
    }
  }
  return [];
}

function qualified(model: Model, tokens: readonly IToken[], ctx: Context): CompletionItem[] {
  // Parts typed so far: NAME (. NAME)* .
  const parts: string[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.tokenType === T.Dot) continue;
    if (t.tokenType === T.Identifier || T.keywords.includes(t.tokenType)) {
      if (i + 1 < tokens.length && tokens[i + 1]!.tokenType !== T.Dot) break;
      parts.unshift(t.image);
      if (i === 0 || tokens[i - 1]!.tokenType !== T.Dot) break;
    } else break;
  }
  const lastIsDot = tokens[tokens.length - 1]?.tokenType === T.Dot;
  if (!lastIsDot) {
    // The first part: institutions, or (inside an institution) its bodies.
    const inst = ctx.institution ? model.institutions.get(ctx.institution) : undefined;
    return [
      ...[...model.institutions.values()].map((i): CompletionItem => ({ label: i.name, kind: "institution", ...(i.title ? { detail: i.title } : {}) })),
      ...(inst ? [...inst.bodies.keys()].map((b): CompletionItem => ({ label: b, kind: "body" })) : []),
    ];
  }
  const inst = model.institutions.get(parts[0]!) ?? (ctx.institution ? model.institutions.get(ctx.institution) : undefined);
  if (!inst) return [];
  if (parts.length === 1 && model.institutions.has(parts[0]!)) return [...inst.bodies.values()].map((b) => ({ label: b.name, kind: "body" as const, detail: `${b.seats.length} seats` }));
  const bodyName = model.institutions.has(parts[0]!) ? parts[1] : parts[0];
  const body = inst.bodies.get(bodyName ?? "");
  if (!body) return [];
  // A parameterised rule is offered once, by its declared name, with its parameter.
  return [...body.rules.values()]
    .filter((r) => !r.binding || r.binding.value === body.templates.get(r.binding.rule)?.values[0])
    .map((r) => {
      const p = r.decl.parameter;
      const label = r.binding ? r.binding.rule : r.name;
      return { label, kind: "rule" as const, detail: p ? `(${p.name.text}: ${p.type.text})${r.title ? ` ${r.title}` : ""}` : (r.title ?? ""), ...(p ? { insertText: `${label}(` } : {}), ...(r.decl.doc ? { documentation: r.decl.doc } : {}) };
    });
}

function powerClasses(model: Model): CompletionItem[] {
  const out = new Set<string>();
  for (const s of model.states.values()) {
    const p = s.attributes.get("power");
    if (p && p.type === "name") out.add(p.value);
  }
  return [...out].map((c) => ({ label: c, kind: "value" }));
}
