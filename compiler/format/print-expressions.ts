// Printing of the expression-level syntax: group expressions, filters, conditions, patterns,
// numbers and strings, in the canonical spacing.
import type * as A from "../syntax/ast.js";

/** The default line width of `mlat fmt` (`--line-width`, `lineWidth` in mlat.json). */
export const WIDTH = 100;

export function str(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\t/g, "\\t")}"`;
}

export function num(n: A.NumberLiteral): string {
  return n.text;
}

export function value(v: A.Value): string {
  switch (v.kind) {
    case "number": return num(v);
    case "string": return str(v.value);
    case "name": return v.name.text;
    case "boolean": return String(v.value);
  }
}

/** A group expression on one line; `literalBreak` lets a long literal wrap at `indent`. */
export function set(s: A.SetExpr, indent = "", column = 0, width = WIDTH): string {
  switch (s.kind) {
    case "setLiteral": {
      if (s.items.length === 0) return "{ }";
      const one = `{ ${s.items.map((i) => i.text).join(", ")} }`;
      if (column + one.length <= width) return one;
      // Wrap: items filled line by line, indented one level deeper.
      const inner = indent + "  ";
      const lines: string[] = [];
      let line = "";
      for (const item of s.items.map((i) => i.text)) {
        const next = line ? `${line}, ${item}` : item;
        if (inner.length + next.length + 1 > width && line) {
          lines.push(line + ",");
          line = item;
        } else line = next;
      }
      if (line) lines.push(line);
      return `{\n${lines.map((l) => inner + l).join("\n")}\n${indent}}`;
    }
    case "allStates":
      return s.filter ? `states where ${filter(s.filter)}` : "states";
    case "membersOf":
      return s.institution ? `members of ${s.institution.text}` : "members";
    case "member":
      return "member";
    case "ref":
      return `${s.name.text}${s.index !== undefined ? `.${s.index}` : ""}${s.count !== undefined ? ` * ${s.count}` : ""}`;
    case "setParen":
      return `(${set(s.inner, indent, column + 1, width)})`;
    case "setBinary": {
      const left = set(s.left, indent, column, width);
      return `${left} ${s.op} ${set(s.right, indent, column + left.length + 3, width)}`;
    }
  }
}

export function filter(f: A.Filter): string {
  switch (f.kind) {
    case "filterCompare": return `${f.attribute.text} ${f.op} ${value(f.value)}`;
    case "filterAnd": return f.operands.map(filter).join(" and ");
    case "filterOr": return f.operands.map(filter).join(" or ");
    case "filterNot": return `not ${filter(f.operand)}`;
    case "filterParen": return `(${filter(f.inner)})`;
  }
}

function tally(t: A.Tally): string {
  return `${t.weight ? `${t.side} by ${t.weight.text}` : t.side}${t.within ? ` in ${set(t.within)}` : ""}`;
}

export function condition(c: A.Condition): string {
  switch (c.kind) {
    case "or": return c.operands.map(condition).join(" or ");
    case "and": return c.operands.map(condition).join(" and ");
    case "not": return `not ${condition(c.operand)}`;
    case "paren": return `(${condition(c.inner)})`;
    case "compare": {
      const right = c.right.kind === "tally" ? tally(c.right) : `${num(c.right.value)}${c.right.base === "all" ? "" : ` of ${c.right.base}`}`;
      return `${tally(c.left)} ${c.op} ${right}`;
    }
    case "veto": return `veto ${set(c.set)}`;
    case "unanimity":
    case "consensus": return c.kind;
    case "ruleRef": return c.name.text;
    case "missing": return "";
  }
}

/** A weight formula in the canonical spacing; its parentheses are its own (kept in the AST). */
export function formula(f: A.Formula): string {
  switch (f.kind) {
    case "number": return num(f.value);
    case "attribute": return f.name.text;
    case "binary": return `${formula(f.left)} ${f.op} ${formula(f.right)}`;
    case "paren": return `(${formula(f.inner)}${f.compare ? ` ${f.compare.op} ${formula(f.compare.right)}` : ""})`;
    case "call": return `${f.fn.text}(${f.args.map(formula).join(", ")})`;
  }
}

export function qualified(q: A.QualifiedName): string {
  return q.parts.map((p) => p.text).join(".") + (q.argument ? `(${q.argument.text})` : "");
}

export function pattern(p: A.ActionPattern): string {
  return `${p.action.text}(${patternArguments(p).join(", ")})`;
}

/** `ally: victim`, `level: >= 2%`: the arguments of a pattern, for filling lines. */
export function patternArguments(p: A.ActionPattern): string[] {
  return p.args.map((a) => `${a.name.text}: ${argument(a.value)}`);
}

function argument(v: A.ArgumentValue): string {
  switch (v.kind) {
    case "any": return "any";
    case "every": return `every ${set(v.set)}`;
    case "set": return set(v.set);
    case "literal": return value(v.value);
    case "compare": return `${v.op} ${num(v.value)}`;
  }
}

export function fact(f: A.Fact): string {
  const setOrNone = (s: A.SetExpr) => (s.kind === "setLiteral" && s.items.length === 0 ? "none" : set(s));
  switch (f.kind) {
    case "vetoPlayers": return `veto players = ${setOrNone(f.set)}`;
    case "dummies": return `dummies = ${setOrNone(f.set)}`;
    case "dictator": return `dictator = ${setOrNone(f.set)}`;
    case "index": return `${f.index}(${f.player.text}) ${f.op} ${f.value.kind === "number" ? num(f.value) : `${f.value.index}(${f.value.player.text})`}`;
    case "canBlock": return `${f.set ? set(f.set) : f.who.text} can block`;
    case "canPass": return `${f.set ? set(f.set) : f.who.text} can pass${f.without ? ` without ${set(f.without)}` : ""}`;
    case "unknownFact": return f.word.text;
  }
}
