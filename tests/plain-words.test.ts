// Every form of condition in plain words, against sentences written by hand: the report, the
// hover and the diff say what a rule means in English, never a template with holes.
import { describe, expect, it } from "vitest";
import { compile, memoryHost } from "../compiler/index.js";
import { plainWords } from "../compiler/report/plain-words.js";

const design = (rules: readonly string[]) =>
  [
    "state A {}", "state B {}", "state C {}", "state D {}", "state E {}",
    "group Big = { A, B }",
    "institution I {",
    "  members: { A, B, C, D, E }",
    "  body Council {",
    "    seats permanent: { A, B }",
    "    seats elected: { C, D, E }",
    "    weight votes { A: 3, B: 2, C: 1, D: 1, E: 1 }",
    ...rules.map((r, i) => `    rule r${i}: ${r}`),
    "  }",
    "}",
  ].join("\n");

// [condition as written, the sentence a person would write]
const table: readonly (readonly [string, string])[] = [
  ["yes >= 3", "at least 3 seats vote yes"],
  ["yes > 1", "more than 1 seat votes yes"],
  ["no < 2", "fewer than 2 seats vote no"],
  ["no = 0", "no seat votes no"],
  ["abstain <= 1", "at most 1 seat abstains"],
  ["present >= 4", "at least 4 seats are present"],
  ["absent != 2", "other than 2 seats are absent"],
  ["yes > 1/2", "more than half of all seats vote yes"],
  ["yes >= 2/3 of voting", "at least two thirds of the seats voting yes or no vote yes"],
  ["yes >= 3/5 of present", "at least three fifths of the seats present vote yes"],
  ["yes >= 55%", "at least 55% of all seats vote yes"],
  ["yes >= 7/11", "at least 7/11 of all seats vote yes"],
  ["no in permanent <= 1/2", "at most half of the seats of permanent vote no"],
  ["yes in Big >= 2", "at least 2 seats of Big vote yes"],
  ["no in elected = 0", "no seat of elected votes no"],
  ["yes by votes >= 5", "the votes of the seats voting yes add up to at least 5"],
  ["yes by votes > 1/2", "the votes of the seats voting yes add up to more than half of the total votes"],
  ["no by votes < 1/4", "the votes of the seats voting no add up to less than a quarter of the total votes"],
  ["yes by votes >= 2/3 of voting", "the votes of the seats voting yes add up to at least two thirds of the votes of the seats voting yes or no"],
  ["present by votes >= 1/2", "the votes of the seats present add up to at least half of the total votes"],
  ["yes by votes in elected >= 2/3", "the votes of the seats of elected voting yes add up to at least two thirds of the total votes of the seats of elected"],
  ["yes > no", "more seats vote yes than vote no"],
  ["yes >= no", "at least as many seats vote yes as vote no"],
  ["yes by votes = no by votes", "the votes of the seats voting yes equal the votes of the seats voting no"],
  ["yes by votes > no by votes", "the votes of the seats voting yes exceed the votes of the seats voting no"],
  ["unanimity", "every seat votes yes"],
  ["consensus", "no seat votes no"],
  ["veto permanent", "no seat of permanent votes no"],
  ["veto { A }", "A does not vote no"],
  ["veto { A, C }", "none of A, C votes no"],
  ["yes in permanent > no in elected", "more seats of permanent vote yes than seats of elected vote no"],
  ["abstain < absent", "fewer seats abstain than are absent"],
  ["yes >= 3 and veto permanent", "at least 3 seats vote yes, and no seat of permanent votes no"],
  ["yes >= 4 or unanimity", "at least 4 seats vote yes, or every seat votes yes"],
  ["(yes >= 4 or consensus) and no < 2", "(at least 4 seats vote yes, or no seat votes no), and fewer than 2 seats vote no"],
  ["yes >= 4 or (yes >= 3 and veto permanent)", "at least 4 seats vote yes, or (at least 3 seats vote yes, and no seat of permanent votes no)"],
  ["not consensus", "not (no seat votes no)"],
];

describe("plain words", () => {
  const rs = compile({ host: memoryHost({ "p.mlat": design(table.map(([c]) => c)) }), entries: ["p.mlat"] });
  it("compiles every form", () => expect(rs.diagnostics.filter((d) => d.severity === "error")).toEqual([]));
  const rules = rs.ruleset!.institutions[0]!.bodies[0]!.rules;
  it.each(table.map(([text, words], i) => [text, words, i] as const))("%s", (_text, words, i) => {
    expect(plainWords(rules[i]!.condition)).toBe(words);
  });
});
