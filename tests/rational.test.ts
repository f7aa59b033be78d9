// Exact rationals: table-driven cases and algebraic properties (fast-check, fixed seed).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rational } from "../compiler/index.js";

const r = (s: string) => Rational.parse(s)!;

describe("Rational.parse", () => {
  it.each([
    { text: "12", want: "12" },
    { text: "-0.64", want: "-16/25" },
    { text: "55%", want: "11/20" },
    { text: "2/3", want: "2/3" },
    { text: "4/6", want: "2/3" },
    { text: "65.5%", want: "131/200" },
    { text: "0", want: "0" },
  ])("$text → $want", ({ text, want }) => {
    expect(r(text).toString()).toBe(want);
  });

  it.each(["", "abc", "1/0", "1.", ".5", "1e3"])("rejects %j", (text) => {
    expect(Rational.parse(text)).toBeUndefined();
  });
});

describe("exactness", () => {
  it("2/3 of 15 is exactly 10", () => {
    expect(r("2/3").mul(Rational.of(15)).eq(Rational.of(10))).toBe(true);
  });
  it("65% of a population total is decided exactly", () => {
    const total = r("447.6");
    const yes = r("290.94"); // exactly 65%
    expect(yes.compare(total.mul(r("65%")))).toBe(0);
    expect(r("290.9399999").compare(total.mul(r("65%")))).toBe(-1);
  });
  it("floor and ceil", () => {
    expect(r("29/2").floor()).toBe(14n);
    expect(r("29/2").ceil()).toBe(15n);
    expect(r("-29/2").floor()).toBe(-15n);
    expect(r("-29/2").ceil()).toBe(-14n);
    expect(r("14").ceil()).toBe(14n);
  });
  it("prints decimals and percentages for people", () => {
    expect(r("421/2145").toPercent()).toBe("19.63%");
    expect(r("-1/3").toDecimal(3)).toBe("-0.333");
  });
});

const arb = fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n })).map(([n, d]) => Rational.of(n, d));

describe("properties", () => {
  it("addition and multiplication are commutative and associative; subtraction undoes addition", () => {
    fc.assert(
      fc.property(arb, arb, arb, (a, b, c) => {
        expect(a.add(b).eq(b.add(a))).toBe(true);
        expect(a.mul(b).eq(b.mul(a))).toBe(true);
        expect(a.add(b).add(c).eq(a.add(b.add(c)))).toBe(true);
        expect(a.mul(b.add(c)).eq(a.mul(b).add(a.mul(c)))).toBe(true);
        expect(a.add(b).sub(b).eq(a)).toBe(true);
      }),
      { seed: 20261127, numRuns: 500 },
    );
  });
  it("toString round-trips through parse, and compare agrees with subtraction", () => {
    fc.assert(
      fc.property(arb, arb, (a, b) => {
        expect(Rational.parse(a.toString())!.eq(a)).toBe(true);
        expect(a.compare(b)).toBe(Math.sign(Number(a.sub(b).num)));
      }),
      { seed: 7, numRuns: 500 },
    );
  });
});
