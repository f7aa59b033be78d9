// Weight formulas (`weight votes = 3 + (population > 2) + (population > 6)`), computed for each
// seat from its state's attributes in exact arithmetic: + − × ÷ of rationals; a comparison in
// parentheses counts 1 when it holds, else 0; min, max, floor, ceil; round(x, digits) and
// sqrt(x, digits) rounded half up to the given decimals, so square-root (Penrose) weights stay
// exact decimals. An error says what is missing for which seat, at the part of the formula.
import type * as A from "../syntax/ast.js";
import { Rational } from "../numbers/rational.js";
import type { AttributeValue } from "./model.js";
import type { Span } from "../text/span.js";

export type FormulaOutcome = { readonly value: Rational } | { readonly error: string; readonly span: Span };

class FormulaError extends Error {
  constructor(message: string, readonly span: Span) {
    super(message);
  }
}

/** The functions a formula may call, with how they are called (for errors and completion). */
export const FORMULA_FUNCTIONS: Readonly<Record<string, string>> = {
  min: "min(a, b, …)",
  max: "max(a, b, …)",
  floor: "floor(x)",
  ceil: "ceil(x)",
  round: "round(x, digits)",
  sqrt: "sqrt(x, digits)",
};

/** The formula for one seat, whose state has `attributes` (none for a seat without a state). */
export function evaluateFormula(f: A.Formula, attributes: ReadonlyMap<string, AttributeValue> | undefined, holder: string): FormulaOutcome {
  try {
    return { value: value(f, attributes, holder) };
  } catch (e) {
    if (e instanceof FormulaError) return { error: e.message, span: e.span };
    throw e;
  }
}

function value(f: A.Formula, attributes: ReadonlyMap<string, AttributeValue> | undefined, holder: string): Rational {
  const v = (x: A.Formula) => value(x, attributes, holder);
  switch (f.kind) {
    case "number": {
      const r = Rational.parse(f.value.text);
      if (!r) throw new FormulaError(`\`${f.value.text}\` is not a number`, f.span);
      return r;
    }
    case "attribute": {
      if (!attributes) throw new FormulaError(`\`${holder}\` is a seat without a state, so it has no \`${f.name.text}\``, f.span);
      const a = attributes.get(f.name.text);
      if (!a) throw new FormulaError(`\`${holder}\` has no attribute \`${f.name.text}\``, f.span);
      if (a.type !== "number") throw new FormulaError(`\`${holder}.${f.name.text}\` is a ${a.type}, not a number`, f.span);
      return a.value;
    }
    case "binary": {
      const l = v(f.left);
      const r = v(f.right);
      if (f.op === "/" && r.isZero()) throw new FormulaError(`division by zero for \`${holder}\``, f.right.span);
      return f.op === "+" ? l.add(r) : f.op === "-" ? l.sub(r) : f.op === "*" ? l.mul(r) : l.div(r);
    }
    case "paren": {
      const inner = v(f.inner);
      if (!f.compare) return inner;
      const c = inner.compare(v(f.compare.right));
      const holds = { ">=": c >= 0, ">": c > 0, "<=": c <= 0, "<": c < 0, "=": c === 0, "!=": c !== 0 }[f.compare.op];
      return holds ? Rational.ONE : Rational.ZERO;
    }
    case "call":
      return call(f, f.args.map(v));
  }
}

function call(f: Extract<A.Formula, { kind: "call" }>, args: readonly Rational[]): Rational {
  const name = f.fn.text;
  const usage = FORMULA_FUNCTIONS[name];
  if (!usage) throw new FormulaError(`unknown function \`${name}\`: a formula can use ${Object.values(FORMULA_FUNCTIONS).join(", ")}`, f.fn.span);
  const arity = name === "min" || name === "max" ? args.length >= 1 : name === "floor" || name === "ceil" ? args.length === 1 : args.length === 2;
  if (!arity) throw new FormulaError(`\`${name}\` takes ${usage}`, f.span);
  switch (name) {
    case "min": return args.reduce((a, b) => (b.compare(a) < 0 ? b : a));
    case "max": return args.reduce((a, b) => (b.compare(a) > 0 ? b : a));
    case "floor": return Rational.of(args[0]!.floor());
    case "ceil": return Rational.of(args[0]!.ceil());
  }
  const digits = args[1]!;
  if (!digits.isInteger() || digits.compare(Rational.ZERO) < 0 || digits.compare(Rational.of(12)) > 0) throw new FormulaError(`\`${name}\` rounds to a whole number of decimals from 0 to 12`, f.args[1]!.span);
  const scale = 10n ** digits.floor();
  const x = args[0]!;
  if (name === "round") {
    // Half up, away from zero for negatives as for positives (exact: (2·x·10^d + 1) div 2).
    const scaled = x.mul(Rational.of(scale));
    const sign = scaled.compare(Rational.ZERO) < 0 ? -1n : 1n;
    const abs = sign < 0n ? scaled.neg() : scaled;
    return Rational.of(sign * abs.add(Rational.of(1n, 2n)).floor(), scale);
  }
  if (x.compare(Rational.ZERO) < 0) throw new FormulaError("the square root of a negative number", f.args[0]!.span);
  // round(sqrt(p/q) · 10^d): r = ⌊√N⌋ with N = p·10^(2d)/q, one more when (r + ½)² ≤ N.
  const n = x.mul(Rational.of(scale * scale));
  const r = isqrt(n.floor());
  const up = Rational.of((2n * r + 1n) * (2n * r + 1n), 4n).compare(n) <= 0;
  return Rational.of(up ? r + 1n : r, scale);
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Newton's method from the float guess, then settle on the exact floor.
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}
