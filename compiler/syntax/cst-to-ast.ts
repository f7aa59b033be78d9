// Builds the AST from Chevrotain's concrete syntax tree. Defensive throughout: after error
// recovery a CST node may lack any child, so every lookup may come back empty and the builder
// then produces a node with a missing ("") name or a `missing` condition instead of throwing.
import type { CstNode, IToken } from "chevrotain";
import type * as A from "./ast.js";
import type { Span } from "./span.js";

type Child = CstNode | IToken;

function isToken(c: Child): c is IToken {
  return (c as IToken).image !== undefined;
}

const EMPTY: never[] = [];

const realToken = (c: Child): c is IToken => isToken(c) && !c.isInsertedInRecovery && !Number.isNaN(c.startOffset);

/** The tokens under a key, without those invented by error recovery (no copy when there are none). */
function tokens(node: CstNode | undefined, key: string): IToken[] {
  const list = node?.children[key] as Child[] | undefined;
  if (!list) return EMPTY;
  for (const c of list) if (!realToken(c)) return list.filter(realToken);
  return list as IToken[];
}

function tok(node: CstNode | undefined, key: string, index = 0): IToken | undefined {
  const list = node?.children[key] as Child[] | undefined;
  if (!list) return undefined;
  if (index === 0 && list.length > 0 && realToken(list[0]!)) return list[0] as IToken;
  return tokens(node, key)[index];
}

function nodes(node: CstNode | undefined, key: string): CstNode[] {
  const list = node?.children[key] as Child[] | undefined;
  if (!list) return EMPTY;
  for (const c of list) if (isToken(c)) return list.filter((x): x is CstNode => !isToken(x));
  return list as CstNode[];
}

function child(node: CstNode | undefined, key: string, index = 0): CstNode | undefined {
  const list = node?.children[key] as Child[] | undefined;
  if (!list) return undefined;
  const c = list[index];
  return c && !isToken(c) && index === 0 ? c : nodes(node, key)[index];
}

function tokenSpan(t: IToken): Span {
  return { start: t.startOffset, end: t.startOffset + t.image.length };
}

/** Span of a CST node from its children (Chevrotain locations are unreliable after recovery). */
function nodeSpan(node: CstNode | undefined, fallback: Span): Span {
  if (!node) return fallback;
  const loc = node.location;
  if (loc && Number.isFinite(loc.startOffset) && Number.isFinite(loc.endOffset)) {
    return { start: loc.startOffset, end: (loc.endOffset as number) + 1 };
  }
  let start = Infinity;
  let end = -Infinity;
  for (const list of Object.values(node.children)) {
    for (const c of list as Child[]) {
      const s = isToken(c) ? (c.isInsertedInRecovery || Number.isNaN(c.startOffset) ? undefined : tokenSpan(c)) : nodeSpan(c, { start: NaN, end: NaN });
      if (s && Number.isFinite(s.start)) {
        start = Math.min(start, s.start);
        end = Math.max(end, s.end);
      }
    }
  }
  return Number.isFinite(start) ? { start, end } : fallback;
}

/** Children of several keys in source order (operators interleaved with operands). */
function ordered(node: CstNode | undefined, keys: readonly string[]): Child[] {
  const all: Child[] = [];
  for (const k of keys) for (const c of (node?.children[k] ?? []) as Child[]) all.push(c);
  const off = (c: Child) => (isToken(c) ? c.startOffset : nodeSpan(c, { start: Infinity, end: Infinity }).start);
  return all.filter((c) => !(isToken(c) && (c.isInsertedInRecovery || Number.isNaN(c.startOffset)))).sort((a, b) => off(a) - off(b));
}

function unquote(image: string): string {
  const body = image.endsWith('"') && image.length >= 2 ? image.slice(1, -1) : image.slice(1);
  return body.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
}

export class AstBuilder {
  constructor(private readonly file: string) {}

  private missingName(at: Span): A.Name {
    return { text: "", span: { start: at.end, end: at.end } };
  }

  private name(t: IToken | undefined, at: Span): A.Name {
    return t ? { text: t.image, span: tokenSpan(t) } : this.missingName(at);
  }

  private anyName(node: CstNode | undefined, at: Span): A.Name {
    const t = tok(node, "Identifier") ?? tok(node, "Keyword");
    return this.name(t, nodeSpan(node, at));
  }

  sourceFile(cst: CstNode, length: number): A.SourceFile {
    const declarations: A.Declaration[] = [];
    for (const c of ordered(cst, Object.keys(cst.children))) {
      if (isToken(c)) continue;
      const d = this.declaration(c);
      if (d) declarations.push(d);
    }
    return { kind: "file", file: this.file, declarations, span: { start: 0, end: length } };
  }

  private declaration(n: CstNode): A.Declaration | undefined {
    switch (n.name) {
      case "useDecl": return this.useDecl(n);
      case "stateDecl": return this.stateDecl(n);
      case "groupDecl": return this.groupDecl(n);
      case "actionDecl": return this.actionDecl(n);
      case "institutionDecl": return this.institutionDecl(n);
      case "arrangementDecl": return this.arrangementDecl(n);
      case "scenarioDecl": return this.scenarioDecl(n);
      case "assertDecl": return this.assertDecl(n);
      case "blocDecl": {
        const span = nodeSpan(n, { start: 0, end: 0 });
        const c = child(n, "condition");
        return { kind: "bloc", span, name: this.name(tok(n, "Identifier"), span), body: this.qualifiedName(child(n, "qualifiedName"), span), ...(c || tok(n, "Colon") ? { condition: this.condition(c, span) } : {}) };
      }
      default: return undefined;
    }
  }

  private useDecl(n: CstNode): A.UseDecl {
    const span = nodeSpan(n, { start: 0, end: 0 });
    const s = tok(n, "StringLiteral");
    return { kind: "use", span, path: s ? unquote(s.image) : "", pathSpan: s ? tokenSpan(s) : span };
  }

  private title(n: CstNode): string | undefined {
    const s = tok(n, "StringLiteral");
    return s ? unquote(s.image) : undefined;
  }

  private stateDecl(n: CstNode): A.StateDecl {
    const span = nodeSpan(n, { start: 0, end: 0 });
    const attributes = nodes(n, "attribute").map((a) => {
      const aspan = nodeSpan(a, span);
      return { key: this.name(tok(a, "Identifier"), aspan), value: this.value(child(a, "value"), aspan), span: aspan };
    });
    return { kind: "state", span, name: this.name(tok(n, "Identifier"), span), ...opt("title", this.title(n)), attributes };
  }

  private value(n: CstNode | undefined, at: Span): A.Value {
    const span = nodeSpan(n, at);
    const num = child(n, "number");
    if (num) return this.number(num, span);
    const s = tok(n, "StringLiteral");
    if (s) return { kind: "string", value: unquote(s.image), span };
    if (tok(n, "True")) return { kind: "boolean", value: true, span };
    if (tok(n, "False")) return { kind: "boolean", value: false, span };
    return { kind: "name", name: this.name(tok(n, "Identifier"), span), span };
  }

  number(n: CstNode | undefined, at: Span): A.NumberLiteral {
    const span = nodeSpan(n, at);
    const sign = tok(n, "Minus") ? "-" : "";
    const pct = tok(n, "Percent");
    if (pct) return { kind: "number", form: "percent", text: sign + pct.image, span };
    const dec = tok(n, "Decimal");
    if (dec) return { kind: "number", form: "decimal", text: sign + dec.image, span };
    const ints = tokens(n, "Integer");
    if (ints.length === 2) return { kind: "number", form: "fraction", text: `${sign}${ints[0]!.image}/${ints[1]!.image}`, span };
    return { kind: "number", form: "integer", text: sign + (ints[0]?.image ?? "0"), span };
  }

  private groupDecl(n: CstNode): A.GroupDecl {
    const span = nodeSpan(n, { start: 0, end: 0 });
    return { kind: "group", span, name: this.name(tok(n, "Identifier"), span), expr: this.setExpr(child(n, "setExpr"), span) };
  }

  setExpr(n: CstNode | undefined, at: Span): A.SetExpr {
    const span = nodeSpan(n, at);
    const parts = ordered(n, ["setIntersection", "Plus", "Minus"]);
    return this.foldSet(parts, span, (c) => this.setIntersection(c, span));
  }

  private foldSet(parts: Child[], span: Span, operand: (c: CstNode) => A.SetExpr): A.SetExpr {
    let result: A.SetExpr | undefined;
    let op: "+" | "-" | "&" = "+";
    for (const p of parts) {
      if (isToken(p)) {
        op = p.image as "+" | "-" | "&";
        continue;
      }
      const right = operand(p);
      result = result ? { kind: "setBinary", op, left: result, right, span: { start: result.span.start, end: right.span.end } } : right;
    }
    return result ?? { kind: "setLiteral", items: [], span: { start: span.end, end: span.end } };
  }

  private setIntersection(n: CstNode, at: Span): A.SetExpr {
    const span = nodeSpan(n, at);
    return this.foldSet(ordered(n, ["setAtom", "Amp"]), span, (c) => this.setAtom(c, span));
  }

  private setAtom(n: CstNode, at: Span): A.SetExpr {
    const span = nodeSpan(n, at);
    if (tok(n, "LCurly") || tok(n, "RCurly")) {
      return { kind: "setLiteral", items: tokens(n, "Identifier").map((t) => this.name(t, span)), span };
    }
    if (tok(n, "States")) {
      const f = child(n, "filterExpr");
      return { kind: "allStates", ...(f ? { filter: this.filter(f, span) } : {}), span };
    }
    if (tok(n, "Members")) {
      const inst = tok(n, "Identifier");
      return { kind: "membersOf", ...(tok(n, "Of") ? { institution: this.name(inst, span) } : {}), span };
    }
    if (tok(n, "Member")) return { kind: "member", span };
    const inner = child(n, "setExpr");
    if (inner || tok(n, "LParen")) return { kind: "setParen", inner: this.setExpr(inner, span), span };
    const id = tok(n, "Identifier");
    const ints = tokens(n, "Integer");
    const indexTok = tok(n, "Dot") ? ints[0] : undefined;
    const countTok = tok(n, "Star") ? ints[indexTok ? 1 : 0] : undefined;
    return {
      kind: "ref",
      name: this.name(id, span),
      ...(indexTok ? { index: Number(indexTok.image) } : {}),
      ...(countTok ? { count: Number(countTok.image) } : {}),
      span,
    };
  }

  private filter(n: CstNode | undefined, at: Span): A.Filter {
    const span = nodeSpan(n, at);
    const ands = nodes(n, "filterAnd").map((a) => this.filterAnd(a, span));
    return ands.length === 1 ? ands[0]! : { kind: "filterOr", operands: ands, span };
  }

  private filterAnd(n: CstNode, at: Span): A.Filter {
    const span = nodeSpan(n, at);
    const us = nodes(n, "filterUnary").map((u) => this.filterUnary(u, span));
    return us.length === 1 ? us[0]! : { kind: "filterAnd", operands: us, span };
  }

  private filterUnary(n: CstNode, at: Span): A.Filter {
    const span = nodeSpan(n, at);
    if (tok(n, "Not")) return { kind: "filterNot", operand: this.filterUnaryOrMissing(child(n, "filterUnary"), span), span };
    const inner = child(n, "filterExpr");
    if (inner) return { kind: "filterParen", inner: this.filter(inner, span), span };
    return {
      kind: "filterCompare",
      attribute: this.name(tok(n, "Identifier"), span),
      op: this.compareOp(child(n, "compareOp")),
      value: this.value(child(n, "value"), span),
      span,
    };
  }

  private filterUnaryOrMissing(n: CstNode | undefined, at: Span): A.Filter {
    return n ? this.filterUnary(n, at) : { kind: "filterCompare", attribute: this.missingName(at), op: "=", value: { kind: "boolean", value: true, span: at }, span: at };
  }

  compareOp(n: CstNode | undefined): A.CompareOp {
    const t = n ? ordered(n, Object.keys(n.children))[0] : undefined;
    const image = t && isToken(t) ? t.image : "=";
    return ({ ">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", "!=": "!=", "≠": "!=", ">": ">", "<": "<", "=": "=" } as const)[image] ?? "=";
  }

  private actionDecl(n: CstNode): A.ActionDecl {
    const span = nodeSpan(n, { start: 0, end: 0 });
    const names = nodes(n, "name");
    const params: A.Parameter[] = [];
    for (let i = 0; i + 1 < names.length; i += 2) {
      const pn = this.anyName(names[i], span);
      const pt = this.anyName(names[i + 1], span);
      params.push({ name: pn, type: pt, span: { start: pn.span.start, end: pt.span.end } });
    }
    if (names.length % 2 === 1) {
      const pn = this.anyName(names[names.length - 1], span);
      params.push({ name: pn, type: this.missingName(pn.span), span: pn.span });
    }
    return { kind: "action", span, name: this.name(tok(n, "Identifier"), span), params };
  }

  private institutionDecl(n: CstNode): A.InstitutionDecl {
    const span = nodeSpan(n, { start: 0, end: 0 });
    const items: A.InstitutionItem[] = [];
    for (const c of ordered(n, ["membersItem", "requiresItem", "bodyDecl", "admissionItem", "principleDecl"])) {
      if (isToken(c)) continue;
      const cspan = nodeSpan(c, span);
      switch (c.name) {
        case "membersItem": items.push({ kind: "members", span: cspan, set: this.setExpr(child(c, "setExpr"), cspan) }); break;
        case "requiresItem": items.push({ kind: "requires", span: cspan, set: this.setExpr(child(c, "setExpr"), cspan) }); break;
        case "admissionItem": items.push({ kind: "admission", span: cspan, steps: nodes(c, "qualifiedName").map((q) => this.qualifiedName(q, cspan)) }); break;
        case "bodyDecl": items.push(this.bodyDecl(c, cspan)); break;
        case "principleDecl": items.push(this.principleDecl(c, cspan)); break;
      }
    }
    return { kind: "institution", span, name: this.name(tok(n, "Identifier"), span), ...opt("title", this.title(n)), items };
  }

  qualifiedName(n: CstNode | undefined, at: Span): A.QualifiedName {
    const span = nodeSpan(n, at);
    const parts = [...tokens(n, "Identifier").map((t) => this.name(t, span)), ...nodes(n, "name").map((x) => this.anyName(x, span))];
    return { parts: parts.length ? parts : [this.missingName(span)], span };
  }

  private bodyDecl(n: CstNode, span: Span): A.BodyDecl {
    const items: A.BodyItem[] = [];
    for (const c of ordered(n, ["seatsItem", "weightItem", "ruleDecl"])) {
      if (isToken(c)) continue;
      const cspan = nodeSpan(c, span);
      if (c.name === "seatsItem") {
        const cls = tok(c, "Identifier");
        const count = tok(c, "Integer");
        const set = child(c, "setExpr");
        items.push({
          kind: "seats",
          span: cspan,
          ...(cls ? { seatClass: this.name(cls, cspan) } : {}),
          ...(count ? { count: { value: Number(count.image), span: tokenSpan(count) } } : {}),
          ...(set || !count ? { set: this.setExpr(set, cspan) } : {}),
        });
      } else if (c.name === "weightItem") {
        const entries = nodes(c, "weightEntry").map((e) => {
          const espan = nodeSpan(e, cspan);
          return { key: this.name(tok(e, "Identifier"), espan), value: this.number(child(e, "number"), espan), span: espan };
        });
        items.push({ kind: "weight", span: cspan, name: this.name(tok(c, "Identifier"), cspan), entries });
      } else {
        items.push({
          kind: "rule",
          span: cspan,
          name: this.anyName(child(c, "name"), cspan),
          ...opt("title", this.title(c)),
          condition: this.condition(child(c, "condition"), cspan),
        });
      }
    }
    return { kind: "body", span, name: this.name(tok(n, "Identifier"), span), ...opt("title", this.title(n)), items };
  }

  condition(n: CstNode | undefined, at: Span): A.Condition {
    const span = nodeSpan(n, at);
    if (!n) return { kind: "missing", span: { start: at.end, end: at.end } };
    const ands = nodes(n, "conditionAnd").map((a) => this.conditionAnd(a, span));
    if (ands.length === 0) return { kind: "missing", span };
    return ands.length === 1 ? ands[0]! : { kind: "or", operands: ands, span };
  }

  private conditionAnd(n: CstNode, at: Span): A.Condition {
    const span = nodeSpan(n, at);
    const us = nodes(n, "conditionUnary").map((u) => this.conditionUnary(u, span));
    if (us.length === 0) return { kind: "missing", span };
    return us.length === 1 ? us[0]! : { kind: "and", operands: us, span };
  }

  private conditionUnary(n: CstNode | undefined, at: Span): A.Condition {
    const span = nodeSpan(n, at);
    if (!n) return { kind: "missing", span: { start: at.end, end: at.end } };
    if (tok(n, "Not")) return { kind: "not", operand: this.conditionUnary(child(n, "conditionUnary"), span), span };
    if (tok(n, "LParen") || child(n, "condition")) return { kind: "paren", inner: this.condition(child(n, "condition"), span), span };
    if (tok(n, "Veto")) return { kind: "veto", set: this.setExpr(child(n, "setExpr"), span), span };
    if (tok(n, "Unanimity")) return { kind: "unanimity", span };
    if (tok(n, "Consensus")) return { kind: "consensus", span };
    const cmp = child(n, "comparison");
    if (!cmp) return { kind: "missing", span };
    const cspan = nodeSpan(cmp, span);
    const tallies = nodes(cmp, "tally");
    const q = child(cmp, "quantity");
    const left = this.tally(tallies[0], cspan);
    const right: A.Tally | A.Quantity = q
      ? this.quantity(q, cspan)
      : tallies[1]
        ? this.tally(tallies[1], cspan)
        : { kind: "quantity", value: { kind: "number", form: "integer", text: "0", span: { start: cspan.end, end: cspan.end } }, base: "all", span: { start: cspan.end, end: cspan.end } };
    return { kind: "compare", left, op: this.compareOp(child(cmp, "compareOp")), right, span: cspan };
  }

  private tally(n: CstNode | undefined, at: Span): A.Tally {
    const span = nodeSpan(n, at);
    const side = tok(n, "No") ? "no" : tok(n, "Abstain") ? "abstain" : "yes";
    const w = tok(n, "Identifier");
    return { kind: "tally", side, ...(tok(n, "By") ? { weight: this.name(w, span) } : {}), span };
  }

  private quantity(n: CstNode, at: Span): A.Quantity {
    const span = nodeSpan(n, at);
    const base = tok(n, "Voting") ? "voting" : tok(n, "Present") ? "present" : "all";
    return { kind: "quantity", value: this.number(child(n, "number"), span), base, span };
  }

  private principleDecl(n: CstNode, span: Span): A.PrincipleDecl {
    const patterns = nodes(n, "actionPattern").map((p) => this.actionPattern(p, span));
    const hasTrigger = !!tok(n, "When");
    const trigger = hasTrigger ? patterns[0] : undefined;
    const action = (hasTrigger ? patterns[1] : patterns[0]) ?? { action: this.missingName(span), args: [], span: { start: span.end, end: span.end } };
    const set = child(n, "setExpr");
    const subject: A.Subject = tok(n, "Every")
      ? { kind: "every", set: this.setExpr(set, span), span: nodeSpan(set, span) }
      : (() => {
          const ids = tokens(n, "Identifier");
          const v = this.name(ids[1], span);
          return { kind: "variable", name: v, span: v.span };
        })();
    const deontic = tok(n, "May") ? "may" : tok(n, "Not") ? "must not" : "must";
    const where: A.WhereCondition[] = nodes(n, "whereCondition").map((w) => {
      const wspan = nodeSpan(w, span);
      const name = this.anyName(child(w, "name"), wspan);
      if (tok(w, "In")) return { kind: "in", negated: !!tok(w, "Not"), name, set: this.setExpr(child(w, "setExpr"), wspan), span: wspan };
      return { kind: "compare", name, op: this.compareOp(child(w, "compareOp")), value: this.value(child(w, "value"), wspan), span: wspan };
    });
    const exceptions: A.Exception[] = nodes(n, "exception").map((e) => {
      const espan = nodeSpan(e, span);
      if (tok(e, "Authorized")) return { kind: "authorized", rule: this.qualifiedName(child(e, "qualifiedName"), espan), span: espan };
      return { kind: "within", name: this.name(tok(e, "Identifier"), espan), span: espan };
    });
    const strings = tokens(n, "StringLiteral");
    const sanctionTok = tok(n, "Else") ? strings[strings.length - 1] : undefined;
    const titleTok = strings[0] && strings[0] !== sanctionTok ? strings[0] : undefined;
    return {
      kind: "principle",
      span,
      name: this.name(tokens(n, "Identifier")[0], span),
      ...(titleTok ? { title: unquote(titleTok.image) } : {}),
      ...(trigger ? { trigger } : {}),
      subject,
      deontic,
      action,
      where,
      exceptions,
      ...(sanctionTok ? { sanction: { text: unquote(sanctionTok.image), span: tokenSpan(sanctionTok) } } : {}),
    };
  }

  private actionPattern(n: CstNode, at: Span): A.ActionPattern {
    const span = nodeSpan(n, at);
    const args = nodes(n, "argument").map((a): A.Argument => {
      const aspan = nodeSpan(a, span);
      const name = this.anyName(child(a, "name"), aspan);
      const valueParts = ordered(a, Object.keys(a.children).filter((k) => k !== "name" && k !== "Colon"));
      const first = valueParts[0];
      const vstart = first ? (isToken(first) ? first.startOffset : nodeSpan(first, aspan).start) : name.span.end;
      const vspan = { start: vstart, end: aspan.end };
      let value: A.ArgumentValue;
      if (tok(a, "Any")) value = { kind: "any", span: vspan };
      else if (tok(a, "Every")) value = { kind: "every", set: this.setExpr(child(a, "setExpr"), aspan), span: vspan };
      else if (child(a, "compareOp")) value = { kind: "compare", op: this.compareOp(child(a, "compareOp")), value: this.number(child(a, "number"), aspan), span: vspan };
      else if (child(a, "number")) value = { kind: "literal", value: this.number(child(a, "number"), aspan), span: vspan };
      else if (tok(a, "StringLiteral")) value = { kind: "literal", value: { kind: "string", value: unquote(tok(a, "StringLiteral")!.image), span: vspan }, span: vspan };
      else if (tok(a, "True") || tok(a, "False")) value = { kind: "literal", value: { kind: "boolean", value: !!tok(a, "True"), span: vspan }, span: vspan };
      else value = { kind: "set", set: this.setExpr(child(a, "setExpr"), aspan), span: vspan };
      return { name, value, span: aspan };
    });
    return { action: this.name(tok(n, "Identifier"), span), args, span };
  }

  private conduct(n: CstNode, at: Span): A.Conduct {
    const span = nodeSpan(n, at);
    const p = child(n, "actionPattern");
    return {
      kind: "conduct",
      actor: this.name(tok(n, "Identifier"), span),
      action: p ? this.actionPattern(p, span) : { action: this.missingName(span), args: [], span },
      span,
    };
  }

  private arrangementDecl(n: CstNode): A.ArrangementDecl {
    const span = nodeSpan(n, { start: 0, end: 0 });
    const ids = tokens(n, "Identifier");
    const kindWord = ids[1];
    const kindValue = ids[2];
    return {
      kind: "arrangement",
      span,
      name: this.name(ids[0], span),
      ...opt("title", this.title(n)),
      parties: nodes(child(n, "partyList"), "setExpr").map((s) => this.setExpr(s, span)),
      ...(kindWord && kindValue ? { arrangementKind: this.name(kindValue, span), kindKeyword: this.name(kindWord, span) } : {}),
      commitments: nodes(n, "conduct").map((c) => this.conduct(c, span)),
    };
  }

  private seatList(n: CstNode | undefined, at: Span): A.SetExpr[] {
    return nodes(n, "setExpr").map((s) => this.setExpr(s, at));
  }

  private scenarioDecl(n: CstNode): A.ScenarioDecl {
    const span = nodeSpan(n, { start: 0, end: 0 });
    const s = tok(n, "StringLiteral");
    const items: (A.VoteStmt | A.ExpectStmt | A.Conduct)[] = [];
    for (const c of ordered(n, ["voteStmt", "expectStmt", "conduct"])) {
      if (isToken(c)) continue;
      const cspan = nodeSpan(c, span);
      if (c.name === "conduct") items.push(this.conduct(c, cspan));
      else if (c.name === "voteStmt") {
        items.push({
          kind: "vote",
          rule: this.qualifiedName(child(c, "qualifiedName"), cspan),
          ballots: nodes(c, "ballot").map((b) => {
            const bspan = nodeSpan(b, cspan);
            const choice = tok(b, "Yes") ? "yes" : tok(b, "No") ? "no" : tok(b, "Abstain") ? "abstain" : "absent";
            return { choice, seats: this.seatList(child(b, "seatList"), bspan), span: bspan };
          }),
          span: cspan,
        });
      } else {
        const outcome = tok(c, "Adopted") ? "adopted" : tok(c, "Rejected") ? "rejected" : tok(c, "No") ? "no violation" : "violation";
        const ids = tokens(c, "Identifier");
        items.push({
          kind: "expect",
          outcome,
          ...(tok(c, "Vetoed") ? { vetoedBy: this.seatList(child(c, "seatList"), cspan) } : {}),
          ...(outcome === "violation" ? { principle: this.name(ids[0], cspan) } : {}),
          ...(outcome === "violation" && tok(c, "By") ? { by: this.name(ids[1], cspan) } : {}),
          span: cspan,
        });
      }
    }
    return { kind: "scenario", span, name: { text: s ? unquote(s.image) : "", span: s ? tokenSpan(s) : span }, items };
  }

  private assertDecl(n: CstNode): A.AssertDecl {
    const span = nodeSpan(n, { start: 0, end: 0 });
    const f = child(n, "fact");
    const fspan = nodeSpan(f, span);
    const ids = tokens(f, "Identifier");
    const sets = nodes(f, "setExpr");
    const setOrNone = (s: CstNode | undefined): A.SetExpr => {
      const e = this.setExpr(s, fspan);
      return e.kind === "ref" && e.name.text === "none" ? { kind: "setLiteral", items: [], span: e.span } : e;
    };
    let fact: A.Fact;
    const word = this.name(ids[0], fspan);
    if (tok(f, "Veto")) fact = { kind: "vetoPlayers", set: setOrNone(sets[0]), span: fspan };
    else if (tok(f, "Equals") && (word.text === "dummies" || word.text === "dictator")) fact = { kind: word.text === "dummies" ? "dummies" : "dictator", set: setOrNone(sets[0]), span: fspan };
    else if (tok(f, "LParen") && (word.text === "banzhaf" || word.text === "shapley")) {
      const num = child(f, "number");
      const other = ids[2];
      const value: Extract<A.Fact, { kind: "index" }>["value"] =
        num || !other
          ? this.number(num, fspan)
          : { kind: "index", index: other.image === "shapley" ? "shapley" : "banzhaf", player: this.name(ids[3], fspan), span: { start: other.startOffset, end: fspan.end } };
      if (!num && other && other.image !== "banzhaf" && other.image !== "shapley") fact = { kind: "unknownFact", word: this.name(other, fspan), span: fspan };
      else fact = { kind: "index", index: word.text, player: this.name(ids[1], fspan), op: this.compareOp(child(f, "compareOp")), value, span: fspan };
    } else if (ids[1]?.image === "can" && ids[2]?.image === "block" && !ids[3]) fact = { kind: "canBlock", who: word, span: fspan };
    else if (ids[1]?.image === "can" && ids[2]?.image === "pass" && (!ids[3] || ids[3].image === "without")) {
      fact = { kind: "canPass", who: word, ...(sets[0] ? { without: this.setExpr(sets[0], fspan) } : {}), span: fspan };
    } else fact = { kind: "unknownFact", word, span: fspan };
    return { kind: "assert", span, target: this.qualifiedName(child(n, "qualifiedName"), span), negated: !!tok(n, "Not"), fact };
  }
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
