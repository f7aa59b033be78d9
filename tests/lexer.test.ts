// The hand-written scanner against an independent oracle: Chevrotain's own regular-expression
// Lexer built from the token definitions in tokens.ts (what the language reference's token rules
// say). Same tokens, same images and offsets, same comments, same errors, on random text.
import fc from "fast-check";
import { Lexer } from "chevrotain";
import { describe, expect, it } from "vitest";
import { lex } from "../compiler/syntax/lexer.js";
import { allTokens } from "../compiler/syntax/tokens.js";

const oracle = new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: false });

function viaOracle(text: string) {
  const r = oracle.tokenize(text);
  return {
    tokens: r.tokens.map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`),
    comments: (r.groups["comments"] ?? []).map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`),
    errors: r.errors.map((e) => `${e.offset}+${e.length}`),
  };
}

function viaScanner(text: string) {
  const r = lex(text, "t.mlat");
  return {
    tokens: r.tokens.map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`),
    comments: r.comments.map((t) => `${t.tokenType.name}@${t.startOffset}:${t.image}`),
    errors: r.diagnostics.filter((d) => d.code === "MLAT1001").map((d) => `${d.span.start}+${d.span.end - d.span.start}`),
  };
}

const fragments = [
  "state", "states", "stateful", "group", "yes", "no", "yes2", "_x", "A", "ZZ9", "members", "of", "in", "veto",
  "0", "12", "3.5", "55%", "2.5%", "1.", ".5", "2/3", "-", "+", "&", "*", "/", "//", "///", "/*", "*/", "/**/",
  "\"", "\"ab\"", "\"a\\\"b\"", "\"a\\", "\\", ">", ">=", "<", "<=", "=", "!=", "!", "≥", "≤", "≠", "{", "}", "(", ")",
  ",", ":", ".", " ", "\t", "\n", "\r\n", "\r", "\f", "\uFEFF", "$", "@", ";", "é", "#", "~", "😀", "%", "?",
];

describe("the scanner agrees with Chevrotain's lexer on the same token definitions", () => {
  it.each([
    { note: "a state", text: 'state USA "United States" { power: great, population: 331.9 }' },
    { note: "a rule", text: "rule qmv: (yes >= 55% and yes by population >= 65%) or no < 4" },
    { note: "comments", text: "/// doc\n// line\n/* block\n */ state A /* open" },
    { note: "bad characters", text: "state A { power: great; region: Europe }\nstate B @ \"B\"\n$$$ ~~ x" },
    { note: "unterminated strings", text: 'state A "no end\nstate B "esc\\\nstate C "x\\"' },
  ])("$note", ({ text }) => {
    expect(viaScanner(text)).toEqual(viaOracle(text));
  });

  it("on random sequences of fragments", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(viaScanner(text)).toEqual(viaOracle(text));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it("on random text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: "binary" }), (text) => {
        expect(viaScanner(text)).toEqual(viaOracle(text));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
