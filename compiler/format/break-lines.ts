// Line breaking for the formatter: long conditions break at `and` / `or` (the operator leads the
// continuation line, one level deeper), long headers break before `cite` and `at`, and weight
// tables fill lines in aligned columns. A break the user made before an operand is kept when the
// condition does not fit on one line anyway; a condition that fits is printed on one line.
import type * as A from "../syntax/ast.js";
import { maxOf } from "../text/arrays.js";
import * as P from "./print-expressions.js";

export interface LineContext {
  /** The source text, to see where the user broke a condition. */
  readonly text: string;
  readonly width: number;
}

const IND = "  ";

/** The column after the last line of `piece`, which started at `column`. */
function endColumn(piece: string, column: number): number {
  const nl = piece.lastIndexOf("\n");
  return nl < 0 ? column + piece.length : piece.length - nl - 1;
}

/** A condition that starts at `column`; its continuation lines start with `indent`. */
export function breakCondition(c: A.Condition, column: number, indent: string, ctx: LineContext): string {
  const one = P.condition(c);
  if (column + one.length <= ctx.width) return one;
  switch (c.kind) {
    case "and":
    case "or": {
      let out = "";
      let col = column;
      c.operands.forEach((operand, i) => {
        if (i === 0) {
          out = breakCondition(operand, col, indent, ctx);
          col = endColumn(out, col);
          return;
        }
        const inline = ` ${c.kind} ${P.condition(operand)}`;
        const userBreak = ctx.text.slice(c.operands[i - 1]!.span.end, operand.span.start).includes("\n");
        if (!userBreak && col + inline.length <= ctx.width) {
          out += inline;
          col += inline.length;
          return;
        }
        const start = indent.length + c.kind.length + 1;
        const piece = breakCondition(operand, start, indent + IND, ctx);
        out += `\n${indent}${c.kind} ${piece}`;
        col = endColumn(piece, start);
      });
      return out;
    }
    case "paren":
      // The closing parenthesis needs its column too.
      return `(${breakCondition(c.inner, column + 1, indent + IND, { ...ctx, width: ctx.width - 1 })})`;
    case "not":
      return `not ${breakCondition(c.operand, column + 4, indent, ctx)}`;
    case "veto":
      return `veto ${P.set(c.set, indent, column + 5, ctx.width)}`;
    default:
      return one;
  }
}

/**
 * `head: condition` — on one line when it fits; else broken after the head's first operand; else
 * the condition on its own lines under the head. `head` is the whole header (with indentation)
 * up to and including the colon.
 */
export function headedCondition(head: string, c: A.Condition, indent: string, ctx: LineContext): string {
  const one = `${head} ${P.condition(c)}`;
  const lastHeadLine = head.slice(head.lastIndexOf("\n") + 1);
  if (!head.includes("\n") && one.length <= ctx.width) return one;
  const inner = indent + IND;
  const firstOperand = c.kind === "and" || c.kind === "or" ? c.operands[0]! : c;
  if (lastHeadLine.length + 1 + P.condition(firstOperand).length <= ctx.width) return `${head} ${breakCondition(c, lastHeadLine.length + 1, inner, ctx)}`;
  return `${head}\n${inner}${breakCondition(c, inner.length, inner, ctx)}`;
}

/** `rule name "Title" cite "…" at "…"`, broken before `cite` and `at` when it is too long. */
export function header(parts: readonly string[], indent: string, width: number, suffix = ""): string {
  let out = parts[0]!;
  let col = out.length;
  for (const part of parts.slice(1)) {
    if (col + 1 + part.length + suffix.length <= width) {
      out += ` ${part}`;
      col += 1 + part.length;
    } else {
      out += `\n${indent}${IND}${part}`;
      col = indent.length + IND.length + part.length;
    }
  }
  return out + suffix;
}

/** `weight votes = 3 + (population > 2) + …`: a long formula breaks before its `+` and `-` terms. */
export function breakFormula(head: string, f: A.Formula, indent: string, width: number): string {
  const one = `${head}${P.formula(f)}`;
  if (one.length <= width) return one;
  const terms: { op: string; formula: A.Formula }[] = [];
  const walk = (x: A.Formula): void => {
    if (x.kind === "binary" && (x.op === "+" || x.op === "-")) {
      walk(x.left);
      terms.push({ op: x.op, formula: x.right });
    } else terms.push({ op: "", formula: x });
  };
  walk(f);
  let out = `${head}${P.formula(terms[0]!.formula)}`;
  let col = out.length;
  for (const t of terms.slice(1)) {
    const piece = `${t.op} ${P.formula(t.formula)}`;
    if (col + 1 + piece.length <= width) {
      out += ` ${piece}`;
      col += 1 + piece.length;
    } else {
      out += `\n${indent}${IND}${piece}`;
      col = indent.length + IND.length + piece.length;
    }
  }
  return out;
}

/** A filter (`states where …`) broken at `and` / `or` like a condition. */
export function breakFilter(f: A.Filter, column: number, indent: string, width: number): string {
  const one = P.filter(f);
  if (column + one.length <= width) return one;
  if (f.kind === "filterParen") return `(${breakFilter(f.inner, column + 1, indent + IND, width - 1)})`;
  if (f.kind === "filterNot") return `not ${breakFilter(f.operand, column + 4, indent, width)}`;
  if (f.kind !== "filterAnd" && f.kind !== "filterOr") return one;
  const op = f.kind === "filterAnd" ? "and" : "or";
  let out = "";
  let col = column;
  f.operands.forEach((operand, i) => {
    const piece = i === 0 ? breakFilter(operand, col, indent, width) : "";
    if (i === 0) {
      out = piece;
      col = endColumn(out, col);
      return;
    }
    const inline = ` ${op} ${P.filter(operand)}`;
    if (col + inline.length <= width) {
      out += inline;
      col += inline.length;
      return;
    }
    const start = indent.length + op.length + 1;
    const next = breakFilter(operand, start, indent + IND, width);
    out += `\n${indent}${op} ${next}`;
    col = endColumn(next, start);
  });
  return out;
}

/** Items separated by commas, filled line by line after `head`; continuation lines at `indent`. */
export function fill(head: string, items: readonly string[], tail: string, indent: string, width: number): string {
  const one = `${head}${items.join(", ")}${tail}`;
  if (one.length - one.lastIndexOf("\n") - 1 <= width) return one;
  let out = head;
  let col = head.length - head.lastIndexOf("\n") - 1;
  items.forEach((item, i) => {
    const piece = `${item}${i < items.length - 1 ? "," : tail}`;
    if (i > 0 && col + 1 + piece.length > width) {
      out += `\n${indent}${piece}`;
      col = indent.length + piece.length;
    } else {
      out += `${i > 0 ? " " : ""}${piece}`;
      col += (i > 0 ? 1 : 0) + piece.length;
    }
  });
  return out;
}

/**
 * A weight table: `{ A: 3, B: 2 }` on one line when short; else as many entries per line as fit
 * the width, in columns (names padded, values right-aligned), separated by commas.
 */
export function weightTable(head: string, entries: readonly { key: string; value: string }[], indent: string, width: number): string {
  const inline = `${head} { ${entries.map((e) => `${e.key}: ${e.value}`).join(", ")} }`;
  if (entries.length === 0) return `${head} { }`;
  if (entries.length <= 6 && inline.length <= width) return inline;
  const inner = indent + IND;
  const keyWidth = maxOf(entries.map((e) => e.key.length));
  const valueWidth = maxOf(entries.map((e) => e.value.length));
  const cellWidth = keyWidth + 2 + valueWidth + 1; // "KEY: value,"
  const perLine = Math.max(1, Math.floor((width - inner.length + 1) / (cellWidth + 1)));
  const cells = entries.map((e, i) => `${`${e.key}:`.padEnd(keyWidth + 1)} ${e.value.padStart(valueWidth)}${i < entries.length - 1 ? "," : ""}`);
  const lines: string[] = [];
  for (let i = 0; i < cells.length; i += perLine) {
    lines.push(inner + cells.slice(i, i + perLine).map((c, k, row) => (k < row.length - 1 ? c.padEnd(cellWidth) : c)).join(" "));
  }
  return `${head} {\n${lines.join("\n")}\n${indent}}`;
}
