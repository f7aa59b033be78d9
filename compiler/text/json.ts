// Exact numbers from JSON: `JSON.parse` turns `1e21` into a float whose text is "1e+21" and
// `0.1000000000000000001` into 0.1. For inputs whose numbers are values (event arguments), every
// number literal outside a string is rewritten first as a string holding its exact decimal value.

/** Exponents beyond this are refused rather than written out digit by digit. */
export const MAX_EXPONENT = 1000;

export class JsonNumberError extends Error {}

/** A JSON number literal as a plain decimal (`1e21` → `1000000000000000000000`, `-2.5E-3` → `-0.0025`). */
export function exactDecimal(literal: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!m) throw new JsonNumberError(`\`${literal}\` is not a number`);
  const sign = m[1]!;
  let digits = m[2]! + (m[3] ?? "");
  let point = m[2]!.length;
  const exp = m[4] ? Number(m[4]) : 0;
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) throw new JsonNumberError(`the exponent of \`${literal.slice(0, 40)}\` is beyond ±${MAX_EXPONENT}`);
  point += exp;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) digits += "0".repeat(point - digits.length);
  let int = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  let frac = digits.slice(point).replace(/0+$/, "");
  if (int === "") int = "0";
  const zero = /^0*$/.test(int + frac);
  return `${zero ? "" : sign}${int}${frac ? `.${frac}` : ""}`;
}

/** The JSON text with every number literal outside strings replaced by a string of its exact value. */
export function numbersAsExactStrings(text: string): string {
  let out = "";
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string, escapes included.
      i++;
      while (i < n && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
      i++;
      continue;
    }
    if (c === 0x2d || (c >= 48 && c <= 57)) {
      const m = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
      m.lastIndex = i;
      const hit = m.exec(text);
      if (hit) {
        out += text.slice(last, i) + JSON.stringify(exactDecimal(hit[0]));
        i += hit[0].length;
        last = i;
        continue;
      }
    }
    i++;
  }
  return out + text.slice(last);
}
