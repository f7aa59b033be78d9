// The formatter: one canonical layout for a design — two-space indentation, one item per line in
// blocks, canonical spacing, long group literals wrapped, weight tables aligned, single blank
// lines kept, comments and doc comments kept where they were. A statement with a comment inside
// it prints verbatim. The result is checked before it is returned: it must re-parse to the same
// AST and keep every comment, or the formatter refuses (and the file is left alone).
import { maxOf, minOf } from "../text/arrays.js";
import type { IToken } from "chevrotain";
import type * as A from "../syntax/ast.js";
import { parse } from "../syntax/parse.js";
import type { Span } from "../text/span.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { CommentPool } from "./comments.js";
import * as P from "./print-expressions.js";
import { breakFilter, breakFormula, fill, header, headedCondition, weightTable, type LineContext } from "./break-lines.js";

export interface FormatResult {
  readonly ok: boolean;
  /** The formatted text, or the original when `ok` is false. */
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly reason?: string;
}

const IND = "  ";

/**
 * Formats a design. A byte-order mark and Windows line ends (`\r\n`) are kept as the file had
 * them: the formatter works on the text without them and puts them back.
 */
export interface FormatOptions {
  /** The line width (default 100): long conditions, headers, groups and tables break to fit it. */
  readonly lineWidth?: number;
}

export function format(original: string, file: string, options: FormatOptions = {}): FormatResult {
  const bom = original.startsWith("\uFEFF") ? "\uFEFF" : "";
  const crlf = /\r\n/.test(original) && !/(^|[^\r])\n/.test(original);
  const text = (bom ? original.slice(1) : original).replace(/\r\n/g, "\n");
  const r = formatText(text, file, Math.max(20, options.lineWidth ?? P.WIDTH));
  // Errors point into the file as it is (the parser reads a BOM and `\r` as white space).
  if (!r.ok) return { ...r, text: original, diagnostics: r.diagnostics.length && text !== original ? parse(original, file).diagnostics.filter((d) => d.severity === "error") : r.diagnostics };
  return { ...r, text: bom + (crlf ? r.text.replace(/\n/g, "\r\n") : r.text) };
}

function formatText(text: string, file: string, width: number): FormatResult {
  const parsed = parse(text, file);
  const errors = parsed.diagnostics.filter((d) => d.severity === "error");
  if (errors.length) return { ok: false, text, diagnostics: errors, reason: "the file has syntax errors" };
  const printer = new Printer(text, new CommentPool(parsed.comments, text), width);
  const out = printer.file(parsed.ast);
  const check = verify(text, out, file, parsed.comments);
  if (check) return { ok: false, text, diagnostics: [], reason: check };
  return { ok: true, text: out, diagnostics: [] };
}

/** The formatted text must mean the same (same AST without positions) and keep every comment. */
function verify(original: string, formatted: string, file: string, comments: readonly IToken[]): string | undefined {
  const again = parse(formatted, file);
  if (again.diagnostics.some((d) => d.severity === "error")) return "the formatted text does not parse (a formatter bug)";
  const strip = (ast: A.SourceFile) => JSON.stringify(ast.declarations, (k, v) => (k === "span" || k === "pathSpan" || k === "doc" ? undefined : v));
  if (strip(again.ast) !== strip(parse(original, file).ast)) return "the formatted text would mean something else (a formatter bug)";
  const texts = (cs: readonly IToken[]) => cs.map((c) => c.image.trimEnd()).join("\n");
  if (texts(again.comments) !== texts(comments)) return "a comment would move or be lost (a formatter bug)";
  return undefined;
}

/** Runs of one-line state declarations are aligned, so their attribute blocks line up. */
function alignStates(decls: readonly A.Declaration[], bodies: string[], placed: readonly { blankBefore: boolean; leading: readonly IToken[]; interior: boolean }[], lineWidth: number): void {
  let run: number[] = [];
  const flush = () => {
    const heads = run.map((i) => bodies[i]!.indexOf(" {"));
    const width = maxOf(heads.filter((h) => h >= 0));
    // Aligned only when every aligned line still fits the line width.
    const fits = run.every((i, k) => heads[k]! < 0 || bodies[i]!.length - heads[k]! + width <= lineWidth);
    if (run.length > 1 && fits) for (const [k, i] of run.entries()) if (heads[k]! >= 0) bodies[i] = bodies[i]!.slice(0, heads[k]).padEnd(width) + bodies[i]!.slice(heads[k]);
    run = [];
  };
  decls.forEach((d, i) => {
    const p = placed[i]!;
    const alignable = d.kind === "state" && !p.interior && !bodies[i]!.includes("\n");
    if (!alignable || p.blankBefore || p.leading.length > 0) flush();
    if (alignable) run.push(i);
  });
  flush();
}

/** A statement inside a block; a nested block places its own comments. */
interface Item {
  readonly span: Span;
  readonly block?: boolean;
  readonly print: (indent: string) => string;
}

/** `cite "…"` and `at "…"`, the places a long header breaks. */
function citeParts(c: A.Citation | undefined): string[] {
  return c ? [`cite ${P.str(c.text)}`, ...(c.url !== undefined ? [`at ${P.str(c.url)}`] : [])] : [];
}

function isBlock(d: A.Declaration): boolean {
  return d.kind === "institution" || d.kind === "arrangement" || d.kind === "scenario";
}

class Printer {
  private readonly ctx: LineContext;

  constructor(private readonly text: string, private readonly pool: CommentPool, private readonly width: number) {
    this.ctx = { text, width };
  }

  file(ast: A.SourceFile): string {
    const decls = ast.declarations;
    const { placed, dangling } = this.pool.place(decls.map((d) => d.span), 0, this.text.length);
    // A statement with a comment inside it, or one the printer cannot reproduce (an unknown
    // fact keeps its text), prints as written.
    const asWritten = (d: A.Declaration, i: number) => (placed[i]!.interior && !isBlock(d)) || (d.kind === "assert" && d.fact.kind === "unknownFact");
    const bodies = decls.map((d, i) => (asWritten(d, i) ? this.verbatim(d.span, "") : this.declaration(d)));
    alignStates(decls, bodies, placed, this.width);
    const chunks: string[] = [];
    decls.forEach((d, i) => {
      const p = placed[i]!;
      const body = bodies[i]!;
      const printed = this.withComments(body, p.leading, p.trailing, "");
      if (i > 0) {
        const prev = decls[i - 1]!;
        // Multi-line declarations, and a change of kind, are set apart by a blank line.
        const bothShort = !bodies[i - 1]!.includes("\n") && !body.includes("\n") && prev.kind === d.kind;
        chunks.push(p.blankBefore || !bothShort ? "\n\n" : "\n");
      }
      chunks.push(printed);
    });
    if (dangling.length) chunks.push((chunks.length ? "\n\n" : "") + dangling.map((c) => c.image.trimEnd()).join("\n"));
    const out = chunks.join("").trimEnd();
    return out === "" ? "" : out + "\n";
  }

  private withComments(body: string, leading: readonly IToken[], trailing: IToken | undefined, indent: string): string {
    const lead = this.commentLines(leading, indent);
    return `${lead}${body}${trailing ? ` ${trailing.image.trimEnd()}` : ""}`;
  }

  private commentLines(comments: readonly IToken[], indent: string): string {
    let out = "";
    let prevEnd = -1;
    for (const c of comments) {
      if (prevEnd >= 0 && /\n[ \t\r]*\n/.test(this.text.slice(prevEnd, c.startOffset))) out += "\n";
      out += `${indent}${this.reindentBlock(c.image.trimEnd(), indent)}\n`;
      prevEnd = c.startOffset + c.image.length;
    }
    // A blank line between the comments and what follows them stays.
    if (prevEnd >= 0 && /^[ \t\r]*\n[ \t\r]*\n/.test(this.text.slice(prevEnd))) out += "\n";
    return out;
  }

  /** A block comment's own lines are its content: they stay exactly as written. */
  private reindentBlock(s: string, _indent: string): string {
    return s;
  }

  /** The statement exactly as written, re-indented as a whole. */
  private verbatim(span: Span, indent: string): string {
    this.pool.consume(span);
    const lines = this.text.slice(span.start, span.end).split("\n");
    const rest = lines.slice(1).filter((l) => l.trim());
    const common = rest.length ? minOf(rest.map((l) => l.length - l.trimStart().length)) : 0;
    const firstCol = span.start - (this.text.lastIndexOf("\n", span.start - 1) + 1);
    const shift = Math.min(common, firstCol);
    return lines.map((l, i) => (i === 0 ? l.trimEnd() : l.trim() ? indent + l.slice(shift).trimEnd() : "")).join("\n");
  }

  /** Items of a block, with their comments, blank lines kept (at most one). */
  private block(items: readonly Item[], from: number, to: number, indent: string): string {
    const { placed, dangling } = this.pool.place(items.map((i) => i.span), from, to);
    const lines: string[] = [];
    items.forEach((item, k) => {
      const p = placed[k]!;
      if (p.blankBefore) lines.push("");
      const body = p.interior && !item.block ? indent + this.verbatim(item.span, indent) : item.print(indent);
      lines.push(this.withComments(body, p.leading, p.trailing, indent).replace(/\n$/, ""));
    });
    if (dangling.length) lines.push(this.commentLines(dangling, indent).replace(/\n$/, ""));
    return lines.join("\n");
  }

  private title(t: string | undefined): string {
    return t === undefined ? "" : ` ${P.str(t)}`;
  }

  private braceBlock(header: string, items: readonly Item[], span: Span, indent: string): string {
    const open = this.text.indexOf("{", span.start);
    const inner = this.block(items, open + 1, span.end - 1, indent + IND);
    return inner.trim() ? `${header} {\n${inner}\n${indent}}` : `${header} {\n${indent}}`;
  }

  private declaration(d: A.Declaration): string {
    switch (d.kind) {
      case "use":
        return `use ${P.str(d.path)}`;
      case "state": {
        const attrs = d.attributes.map((a) => `${a.key.text}: ${P.value(a.value)}`);
        const head = `state ${d.name.text}${this.title(d.title)}`;
        if (!attrs.length) return head;
        const one = `${head} { ${attrs.join(", ")} }`;
        return one.length <= this.width ? one : `${head} {\n${fill(IND, attrs, "", IND, this.width)}\n}`;
      }
      case "group": {
        const head = `group ${d.name.text} = `;
        if (d.expr.kind === "allStates" && d.expr.filter) return `${head}states where ${breakFilter(d.expr.filter, head.length + 13, IND, this.width)}`;
        return head + P.set(d.expr, "", head.length, this.width);
      }
      case "action":
        return `action ${d.name.text}(${d.params.map((p) => `${p.name.text}: ${p.type.text}`).join(", ")})`;
      case "institution":
        return this.braceBlock(header([`institution ${d.name.text}`, ...(d.title !== undefined ? [P.str(d.title)] : [])], "", this.width, " {").slice(0, -2), d.items.map((i) => ({ span: i.span, block: i.kind === "body", print: (ind: string) => this.institutionItem(i, ind) })), d.span, "");
      case "arrangement": {
        const items: Item[] = [];
        if (d.kindKeyword && d.arrangementKind) items.push({ span: { start: d.kindKeyword.span.start, end: d.arrangementKind.span.end }, print: (ind) => `${ind}kind: ${d.arrangementKind!.text}` });
        for (const c of d.commitments) items.push({ span: c.span, print: (ind) => `${ind}${this.conduct(c)}` });
        const parties = `between ${d.parties.map((p) => P.set(p, IND, 0, this.width)).join(", ")}`;
        return this.braceBlock(header([`arrangement ${d.name.text}`, ...(d.title !== undefined ? [P.str(d.title)] : []), parties], "", this.width, " {").slice(0, -2), items, d.span, "");
      }
      case "scenario":
        return this.braceBlock(`scenario ${P.str(d.name.text)}`, d.items.map((i) => ({ span: i.span, print: (ind: string) => this.scenarioItem(i, ind) })), d.span, "");
      case "assert":
        const one = `assert ${P.qualified(d.target)}: ${d.negated ? "not " : ""}${P.fact(d.fact)}`;
        return one.length <= this.width ? one : `assert ${P.qualified(d.target)}:\n${IND}${d.negated ? "not " : ""}${P.fact(d.fact)}`;
      case "bloc":
        return d.condition ? headedCondition(`bloc ${d.name.text} in ${P.qualified(d.body)}:`, d.condition, "", this.ctx) : `bloc ${d.name.text} in ${P.qualified(d.body)}`;
    }
  }

  private conduct(c: A.Conduct): string {
    return `${c.actor.text} does ${P.pattern(c.action)}`;
  }

  private institutionItem(i: A.InstitutionItem, ind: string): string {
    switch (i.kind) {
      case "members":
        return `${ind}members: ${P.set(i.set, ind, ind.length + 9, this.width)}`;
      case "requires":
        return `${ind}requires: ${P.set(i.set, ind, ind.length + 10, this.width)}`;
      case "admission":
        return i.steps.slice(1).reduce((line, step) => {
          const last = line.slice(line.lastIndexOf("\n") + 1);
          return last.length + 7 + P.qualified(step).length <= this.width ? `${line} after ${P.qualified(step)}` : `${line}\n${ind}${IND}after ${P.qualified(step)}`;
        }, `${ind}admission: ${P.qualified(i.steps[0]!)}`);
      case "body":
        return this.braceBlock(header([`${ind}body ${i.name.text}${this.title(i.title)}`, ...citeParts(i.cite)], ind, this.width, " {").slice(0, -2), i.items.map((b) => ({ span: b.span, print: (inner: string) => this.bodyItem(b, inner) })), i.span, ind);
      case "principle":
        return this.principle(i, ind);
    }
  }

  private bodyItem(b: A.BodyItem, ind: string): string {
    switch (b.kind) {
      case "seats": {
        // `4 of` belongs to the header: a long one breaks before `cite` to keep it on the line.
        const tail = b.count && b.rotation ? `: ${b.count.value} of ` : ": ";
        // A group named by one word stays on the header's line: count it when deciding where to break.
        const word = b.set?.kind === "ref" && !b.count ? "" : b.set?.kind === "ref" ? b.set.name.text : "";
        const head = header([`${ind}seats${b.seatClass ? ` ${b.seatClass.text}` : ""}`, ...citeParts(b.cite)], ind, this.width, tail + word).slice(0, word ? -word.length : undefined);
        const column = head.length - head.lastIndexOf("\n") - 1;
        if (b.count && b.rotation && b.set) return head + P.set(b.set, ind, column, this.width);
        return head + (b.count ? String(b.count.value) : b.set ? P.set(b.set, ind, column, this.width) : "");
      }
      case "constituency": {
        const head = header([`${ind}seat ${b.name.text}`, ...citeParts(b.cite)], ind, this.width, " for ");
        const column = head.length - head.lastIndexOf("\n") - 1;
        const seat = head + P.set(b.set, ind, column, this.width);
        if (!b.inside) return seat;
        // `inside` follows the seat's states when its first words fit there, else starts the next line.
        const last = seat.length - seat.lastIndexOf("\n") - 1;
        const first = P.condition(b.inside).split(/ (?:and|or) /)[0]!;
        if (last + 8 + first.length <= this.width) return headedCondition(`${seat} inside`, b.inside, ind, this.ctx);
        return `${seat}\n${headedCondition(`${ind}${IND}inside`, b.inside, ind + IND, this.ctx)}`;
      }
      case "rule":
        return headedCondition(header([`${ind}rule ${b.name.text}${b.parameter ? `(${b.parameter.name.text}: ${b.parameter.type.text})` : ""}${this.title(b.title)}`, ...citeParts(b.cite)], ind, this.width, ":"), b.condition, ind, this.ctx);
      case "quorum":
        return headedCondition(`${ind}quorum:`, b.condition, ind, this.ctx);
      case "weight": {
        const entries = b.entries.map((e) => ({ key: e.key.text, value: P.num(e.value) }));
        if (b.formula) return breakFormula(`${ind}weight ${b.name.text} = `, b.formula, ind, this.width);
        const head = `${ind}weight ${b.name.text}${b.default ? ` default ${P.num(b.default)}` : ""}`;
        return weightTable(head, entries, ind, this.width);
      }
    }
  }

  private principle(p: A.PrincipleDecl, ind: string): string {
    const inner = ind + IND;
    const lines = [header([`${ind}principle ${p.name.text}${this.title(p.title)}`, ...citeParts(p.cite)], ind, this.width, ":")];
    const pattern = (head: string, x: A.ActionPattern) => fill(`${head}${x.action.text}(`, P.patternArguments(x), ")", inner + IND + IND, this.width);
    if (p.trigger) lines.push(pattern(`${inner}when `, p.trigger));
    const subject = p.subject.kind === "every" ? `every ${P.set(p.subject.set)}` : p.subject.name.text;
    lines.push(pattern(`${inner}${subject} ${p.deontic} `, p.action));
    if (p.where.length) {
      lines.push(
        `${inner}where ${p.where.map((w) => (w.kind === "in" ? `${w.name.text} ${w.negated ? "not in" : "in"} ${P.set(w.set)}` : `${w.name.text} ${w.op} ${P.value(w.value)}`)).join(" and ")}`,
      );
    }
    for (const e of p.exceptions) lines.push(`${inner}unless ${e.kind === "authorized" ? `authorized by ${P.qualified(e.rule)}` : `within ${e.name.text}`}`);
    if (p.sanction) lines.push(`${inner}or else ${P.str(p.sanction.text)}`);
    return lines.join("\n");
  }

  private scenarioItem(i: A.VoteStmt | A.ExpectStmt | A.Conduct, ind: string): string {
    switch (i.kind) {
      case "conduct":
        return `${ind}${this.conduct(i)}`;
      case "expect": {
        if (i.outcome === "adopted") return `${ind}expect adopted`;
        if (i.outcome === "rejected") return `${ind}expect rejected${i.vetoedBy ? `, vetoed by ${i.vetoedBy.map((s) => P.set(s)).join(", ")}` : ""}`;
        if (i.outcome === "no violation") return `${ind}expect no violation`;
        return `${ind}expect violation ${i.principle?.text ?? ""}${i.by ? ` by ${i.by.text}` : ""}`;
      }
      case "vote": {
        const ballots = i.ballots.map((b) => `${b.choice}: ${b.seats.map((s) => P.set(s)).join(", ")}`);
        const one = `${ind}vote ${P.qualified(i.rule)} { ${ballots.join("  ")} }`;
        if (one.length <= this.width || ballots.length === 0) return ballots.length ? one : `${ind}vote ${P.qualified(i.rule)} { }`;
        const lines = i.ballots.map((b) => fill(`${ind}${IND}${b.choice}: `, b.seats.map((s) => P.set(s, ind + IND, 0, this.width)), "", ind + IND + IND, this.width));
        return `${ind}vote ${P.qualified(i.rule)} {\n${lines.join("\n")}\n${ind}}`;
      }
    }
  }
}
