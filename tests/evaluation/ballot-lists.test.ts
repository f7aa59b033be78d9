// Ballots as people write them (`mlat eval --yes USA,elected*8 --no "P5 - { USA }"`), resolved
// in process against a small body — a table of inputs and the seats each names, and the errors —
// and the tally of seats that hold a vote. (The CLI tests run the same through the real command.)
import { describe, expect, it } from "vitest";
import { ballots, compile, evaluate, memoryHost } from "../../compiler/index.js";

const design = `state A {}\nstate B {}\nstate C {}\nstate D {}\nstate E {}\ngroup Big = { A, B }\ngroup Outside = { E }\ninstitution I {\n  members: { A, B, C, D, E }\n  body Council {\n    seats permanent: { A, B, C }\n    seats elected: 3\n    rule r: yes >= 4\n  }\n}\n`;
const rs = compile({ host: memoryHost({ "b.mlat": design }), entries: ["b.mlat"] }).ruleset!;
const seatsOf = (lists: Record<string, string>, rest?: "yes" | "no" | "abstain" | "absent") => {
  const r = ballots(rs, "I.Council.r", lists, rest);
  return "error" in r ? r.error : r.ballots;
};

describe("ballot lists", () => {
  it.each([
    [{ yes: "A,B" }, { A: "yes", B: "yes" }],
    [{ yes: " A , B " }, { A: "yes", B: "yes" }],
    [{ yes: "permanent" }, { A: "yes", B: "yes", C: "yes" }],
    [{ yes: "Big" }, { A: "yes", B: "yes" }],
    [{ yes: "elected.2" }, { "elected.2": "yes" }],
    [{ yes: "elected*2" }, { "elected.1": "yes", "elected.2": "yes" }],
    [{ yes: "elected.1", no: "elected*2" }, { "elected.1": "yes", "elected.2": "no", "elected.3": "no" }],
    [{ yes: "permanent - { B }" }, { A: "yes", C: "yes" }],
    [{ yes: "permanent & Big" }, { A: "yes", B: "yes" }],
    [{ yes: "Big + { C }" }, { A: "yes", B: "yes", C: "yes" }],
    [{ yes: "(permanent - Big) + elected.3" }, { C: "yes", "elected.3": "yes" }],
    [{ yes: "{ A, C }, elected.1" }, { A: "yes", C: "yes", "elected.1": "yes" }],
    // A seat named on its own wins over the same seat reached through a class or group.
    [{ yes: "permanent", no: "B" }, { A: "yes", B: "no", C: "yes" }],
    [{ yes: "Outside" }, {}], // E holds no seat here
  ])("%j → %j", (lists, expected) => expect(seatsOf(lists)).toEqual(expected));

  it("gives every seat not named the rest", () => {
    expect(seatsOf({ no: "A" }, "yes")).toEqual({ A: "no", B: "yes", C: "yes", "elected.1": "yes", "elected.2": "yes", "elected.3": "yes" });
    expect(seatsOf({ no: "A" }, "absent")).toEqual({ A: "no" });
  });

  it.each([
    [{ yes: "A", no: "A" }, "`A` is named twice (as yes and as no)"],
    [{ yes: "Nope" }, "`Nope` is not a seat, seat class or group of `I.Council`"],
    [{ yes: "Big*2" }, "`Big` is not a seat class of `I.Council`"],
    [{ yes: "elected*4" }, "`elected*4` asks for 4 seats but 3 of the class `elected` are left"],
    [{ yes: "(Big" }, "`(Big`: a `)` is missing"],
    [{ yes: "{ A" }, "`{ A`: a `}` is missing"],
    [{ yes: "Big -" }, "`Big -`: a name, `{ … }` or `( … )` is missing at the end"],
    [{ yes: "Big - + A" }, "`Big - + A`: `+` where a name was expected"],
    [{ yes: "Big ) A" }, "`Big ) A`: unexpected `)`"],
  ])("%j is refused: %s", (lists, message) => expect(seatsOf(lists)).toBe(message));
});

describe("the tally counts the seats that hold a vote", () => {
  const weighted = `state A {}\nstate B {}\nstate C {}\nstate D {}\ninstitution ECB {\n  members: { A, B, C, D }\n  body Council {\n    seats: members\n    weight holds default 1 { C: 0 }\n    weight half default 1/2 { C: 0, D: 0/1 }\n    rule decide: yes by holds > 1/2\n    rule heads: yes by holds > 1/2 and yes >= 2\n    rule part: yes in { C, D } >= 1 or yes by half > 1/2\n    rule veto: yes by half > 0 and veto { C }\n    rule all: unanimity\n    rule present: present by holds >= 1\n  }\n}\n`;
  const ws = compile({ host: memoryHost({ "w.mlat": weighted }), entries: ["w.mlat"] }).ruleset!;
  const vote = { A: "yes", B: "yes", C: "no", D: "no" } as const;
  const tallyOf = (rule: string) => {
    const r = evaluate(ws, `ECB.Council.${rule}`, vote);
    if ("error" in r) throw new Error(r.error);
    return { tally: r.tally, notHolding: r.notHolding ?? [] };
  };
  it.each([
    // A seat whose weight is 0 in every tally of the rule holds no vote on it (here C).
    ["decide", { yes: 2, no: 1, abstain: 0, absent: 0 }, ["C"]],
    // A head count counts every seat.
    ["heads", { yes: 2, no: 2, abstain: 0, absent: 0 }, []],
    // A tally over part of the body counts that part's seats, whatever their weight elsewhere.
    ["part", { yes: 2, no: 2, abstain: 0, absent: 0 }, []],
    // `0/1` is 0 too; a veto holder holds a vote.
    ["veto", { yes: 2, no: 1, abstain: 0, absent: 0 }, ["D"]],
    ["all", { yes: 2, no: 2, abstain: 0, absent: 0 }, []],
    ["present", { yes: 2, no: 1, abstain: 0, absent: 0 }, ["C"]],
  ])("%s", (rule, tally, notHolding) => expect(tallyOf(rule)).toEqual({ tally, notHolding }));
});
