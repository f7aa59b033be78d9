// The analysis host and its editor features, driven by texts with a `<|>` cursor marker.
import { describe, expect, it } from "vitest";
import { AnalysisHost, Ide, memoryHost } from "../compiler/index.js";

const WORLD = `state FRA "France" { power: great, population: 68.2 }
state DEU "Germany" { power: great, population: 84.4 }
state LUX "Luxembourg" { power: small, population: 0.7 }
group Founders = { FRA, DEU, LUX }
`;

/** An Ide over files in memory; `<|>` in the main file marks the cursor. */
function setup(main: string, others: Record<string, string> = {}) {
  const offset = main.indexOf("<|>");
  const text = main.replace("<|>", "");
  const host = new AnalysisHost(memoryHost({ "/w/world.mlat": WORLD, ...others }));
  host.setWorkspaceFiles(["/w/world.mlat", "/w/main.mlat", ...Object.keys(others)]);
  host.openFile("/w/main.mlat", text);
  return { ide: new Ide(host), host, offset, text };
}

const EEC = `use "./world.mlat"
institution EEC {
  members: Founders
  body Council {
    seats: members
    weight votes { FRA: 4, DEU: 4, LUX: 1 }
    rule qualified: yes by votes >= 8
  }
}
`;

describe("hover", () => {
  it("shows a state's title, attributes and memberships", () => {
    const { ide, offset } = setup(EEC.replace("{ FRA: 4", "{ F<|>RA: 4"));
    const h = ide.hover("/w/main.mlat", offset)!;
    expect(h.markdown).toContain("**state** `FRA` — France");
    expect(h.markdown).toContain("| population | 68.2 |");
    expect(h.markdown).toContain("member of `EEC`");
  });

  it("shows a rule in plain words with its veto players and power", () => {
    const { ide, offset } = setup(EEC.replace("rule qualified", "rule qual<|>ified"));
    const h = ide.hover("/w/main.mlat", offset)!;
    expect(h.markdown).toContain("adopted when the votes of the seats voting yes add up to at least 8");
    expect(h.markdown).toContain("veto players: `FRA`, `DEU`");
    expect(h.markdown).toContain("dummies: `LUX`");
    expect(h.markdown).toMatch(/\| `FRA` \| 50\.00% \| 50\.00% \|/);
  });

  it("explains the diagnostic under the cursor", () => {
    const { ide, offset } = setup(`use "./world.mlat"\ngroup G = { FRA, It<|>aly }\n`);
    const h = ide.hover("/w/main.mlat", offset)!;
    expect(h.markdown).toContain("**MLAT2001** (error): unknown state or group `Italy`");
    expect(h.markdown).toContain("A name is used that is not declared");
  });
});

describe("navigation", () => {
  it("goes to a definition in an imported file", () => {
    const { ide, offset } = setup(EEC.replace("members: Founders", "members: Foun<|>ders"));
    expect(ide.definition("/w/main.mlat", offset)).toEqual([{ file: "/w/world.mlat", span: { start: WORLD.indexOf("Founders"), end: WORLD.indexOf("Founders") + 8 } }]);
  });

  it("finds references across files and renames them all", () => {
    const { ide, offset } = setup(EEC.replace("{ FRA: 4", "{ F<|>RA: 4"));
    const refs = ide.references("/w/main.mlat", offset, true);
    expect(refs.map((r) => r.file)).toEqual(["/w/main.mlat", "/w/world.mlat", "/w/world.mlat"]);
    const r = ide.rename("/w/main.mlat", offset, "FRX");
    expect("edits" in r && r.edits.length).toBe(3);
    expect(ide.rename("/w/main.mlat", offset, "DEU")).toEqual({ error: "`DEU` is already declared" });
    expect(ide.rename("/w/main.mlat", offset, "state")).toEqual({ error: "`state` is a keyword" });
    expect("error" in ide.prepareRename("/w/main.mlat", 0)).toBe(true);
  });
});

describe("hover on every kind of name", () => {
  const design = `use "./world.mlat"
/// Force.
action Strike(by: state, against: state)
/// The club.
institution Club "The Club" {
  members: Founders
  /// Art. 9: the council.
  body Council "Council" {
    seats big: { FRA, DEU }
    seats small: { LUX }
    weight votes { big: 2, LUX: 1 }
    rule qualified cite "Art. 10" at "https://example.org/10": yes by votes >= 3
  }
  principle Peace cite "Art. 2": every member must not Strike(against: member)
}
scenario "s" {
  vote Club.Council.qualified { yes: FRA, LUX }
  expect adopted
}
`;
  const at = (word: string, nth = 0) => {
    const { ide } = setup(design);
    let offset = -1;
    for (let k = 0; k <= nth; k++) offset = design.indexOf(word, offset + 1);
    return ide.hover("/w/main.mlat", offset + 1)?.markdown ?? "";
  };
  it.each([
    ["FRA", "**state** `FRA` — France"],
    ["Founders", "**group** `Founders` — 3 states"],
    ["Club", "**institution** `Club` — The Club"],
    ["Council", "**body** `Club.Council` — Council"],
    ["big", "**seat class** `big` of `Club.Council`"],
    ["votes", "**weight** `votes` of `Club.Council`"],
    ["qualified", "cites [Art. 10](https://example.org/10)"],
    ["Peace", "**principle** `Club.Peace`"],
    ["Strike", "**action** `Strike`(by: state, against: state)"],
    ["against", "**parameter** `against` of `Strike`: state"],
  ])("%s", (word, expected) => expect(at(word)).toContain(expected));
  it("shows the body's citation from its doc comment, and a principle's explicit one", () => {
    expect(at("Council")).toContain("Art. 9: the council.");
    expect(at("Peace")).toContain("cites **Art. 2**");
    expect(at("big")).toContain("2 seats: `FRA`, `DEU`");
    expect(at("votes")).toContain("FRA: 2, DEU: 2, LUX: 1");
  });
});

describe("completion", () => {
  const labels = (main: string) => {
    const { ide, offset } = setup(main);
    return ide.completions("/w/main.mlat", offset).map((c) => c.label);
  };

  it("offers states and groups inside a group literal", () => {
    expect(labels(`use "./world.mlat"\ngroup G = { FRA, <|> }\n`)).toEqual(expect.arrayContaining(["DEU", "LUX", "Founders"]));
  });

  it("offers bodies after INST. and rules after INST.BODY.", () => {
    expect(labels(`${EEC}scenario "s" {\n  vote EEC.<|>\n}\n`)).toEqual(["Council"]);
    expect(labels(`${EEC}scenario "s" {\n  vote EEC.Council.<|>\n}\n`)).toEqual(["qualified"]);
  });

  it("offers numeric attributes and functions in a weight formula", () => {
    const main = `use "./world.mlat"\ninstitution I {\n  members: Founders\n  body B {\n    seats: members\n    weight w = 3 + <|>\n    rule r: yes by w > 1/2\n  }\n}\n`;
    const got = labels(main);
    expect(got).toEqual(expect.arrayContaining(["population", "min", "max", "floor", "ceil", "round", "sqrt"]));
    expect(got).not.toContain("power"); // a name, not a number
  });

  it("offers weights after `by`, and keywords the grammar allows", () => {
    expect(labels(EEC.replace("yes by votes >= 8", "yes by <|>"))).toContain("votes");
    const kw = labels(EEC.replace("    seats: members\n", "    <|>\n    seats: members\n"));
    expect(kw).toEqual(expect.arrayContaining(["seats", "weight", "rule"]));
    expect(kw).not.toContain("state");
  });

  it("filters by the letters typed and keeps long lists short", () => {
    expect(labels(`use "./world.mlat"\ngroup G = { FR<|> }\n`)).toEqual(["FRA", "Founders"]);
    const many = Array.from({ length: 500 }, (_, i) => `state S${i}`).join("\n");
    const { ide, offset } = setup(`${many}\ngroup G = { <|> }\n`);
    const items = ide.completions("/w/main.mlat", offset) as ReturnType<Ide["completions"]> & { incomplete?: boolean };
    expect(items.length).toBe(300);
    expect(items.incomplete).toBe(true);
  });

  it("offers declarations at the top level", () => {
    expect(labels(`use "./world.mlat"\n<|>`)).toEqual(expect.arrayContaining(["state", "group", "institution", "scenario", "assert"]));
  });

  it("offers each snippet once, where its declaration can stand (the only snippets any editor gets)", () => {
    const kinds = (src: string) => {
      const { ide, offset } = setup(src);
      return ide.completions("/w/main.mlat", offset).filter((c) => c.kind === "snippet").map((c) => c.label).sort();
    };
    expect(kinds(`use "./world.mlat"\n<|>`)).toEqual(["assert", "group", "institution", "scenario", "state"]);
    const inBody = kinds(EEC.replace("    seats: members\n", "    <|>\n    seats: members\n"));
    expect(inBody).toEqual(expect.arrayContaining(["rule", "weight"]));
    expect(new Set(inBody).size).toBe(inBody.length);
  });
});

describe("outline, tokens, ranges", () => {
  it("has an outline with institutions, bodies and rules", () => {
    const { ide } = setup(EEC);
    const [inst] = ide.documentSymbols("/w/main.mlat");
    expect(inst!.name).toBe("EEC");
    expect(inst!.children[0]!.name).toBe("Council");
    expect(inst!.children[0]!.children.map((c) => `${c.kind}:${c.name}`)).toEqual(["weight:votes", "rule:qualified"]);
  });

  it("finds workspace symbols by fuzzy name", () => {
    const { ide } = setup(EEC);
    expect(ide.workspaceSymbols("fndr").map((d) => d.id)).toEqual(["group:Founders"]);
  });

  it("colours names by what they resolve to", () => {
    const { ide, text } = setup(EEC);
    const tokens = ide.semanticTokens("/w/main.mlat");
    const at = (word: string, from = 0) => tokens.find((t) => t.start === text.indexOf(word, from));
    expect(at("Founders")!.type).toBe(4); // type (a group)
    expect(at("EEC")!.type).toBe(0); // namespace (an institution), a declaration
    expect(at("EEC")!.modifiers & 1).toBe(1);
    expect(at("qualified")!.type).toBe(2); // function (a rule)
  });

  it("folds blocks and selects outward from the cursor", () => {
    const { ide, offset } = setup(EEC.replace("yes by votes >= 8", "yes by vo<|>tes >= 8"));
    expect(ide.foldingRanges("/w/main.mlat").length).toBeGreaterThanOrEqual(2);
    const chain = ide.selectionRanges("/w/main.mlat", [offset])[0]!;
    expect(chain.length).toBeGreaterThan(3);
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.start <= chain[i - 1]!.start && chain[i]!.end >= chain[i - 1]!.end).toBe(true);
  });
});

describe("code actions, hints, lenses, commands", () => {
  it("offers the did-you-mean fix and declaring the missing state", () => {
    const { ide, offset } = setup(`use "./world.mlat"\nstate ITA\ngroup G = { FRA, IT<|>X }\n`);
    const titles = ide.codeActions("/w/main.mlat", { start: offset, end: offset }).map((a) => a.title);
    expect(titles).toEqual(["Change to `ITA`", "Declare state `ITX`"]);
  });

  it("adds a missing weight entry", () => {
    const { ide, offset, text } = setup(EEC.replace("{ FRA: 4, DEU: 4, LUX: 1 }", "{ FRA: 4, DEU: 4 }").replace("yes by votes", "yes by vo<|>tes"));
    const [fix] = ide.codeActions("/w/main.mlat", { start: offset, end: offset });
    expect(fix!.title).toBe("Add `LUX: 0` to the weight `votes`");
    const e = fix!.edits[0]!;
    expect(text.slice(0, e.span.start) + e.newText + text.slice(e.span.end)).toContain("weight votes { FRA: 4, DEU: 4, LUX: 0 }");
  });

  it("extracts a group from a set literal", () => {
    const { ide, offset } = setup(`use "./world.mlat"\ninstitution I {\n  members: { FRA, D<|>EU, LUX }\n}\n`);
    const a = ide.codeActions("/w/main.mlat", { start: offset, end: offset }).find((x) => x.kind === "refactor.extract")!;
    expect(a.title).toBe("Extract group `NewGroup`");
    expect(a.edits.map((e) => e.newText)).toEqual(["group NewGroup = { FRA, DEU, LUX }\n\n", "NewGroup"]);
  });

  it("resolves thresholds and counts members in inlay hints", () => {
    const { ide, text } = setup(`use "./world.mlat"\ninstitution I {\n  members: Founders\n  body B {\n    seats: members\n    rule r: yes >= 2/3 of voting\n  }\n}\n`);
    const hints = ide.inlayHints("/w/main.mlat", { start: 0, end: text.length }).map((h) => h.label);
    expect(hints).toEqual([" 3 members", " 3 seats", " ≥ 2 of 3 if all vote"]);
  });

  it("has code lenses that analyse a rule and run scenarios", () => {
    const { ide } = setup(`${EEC}scenario "big three" {\n  vote EEC.Council.qualified { yes: FRA, DEU }\n  expect adopted\n}\n`);
    const lenses = ide.codeLenses("/w/main.mlat");
    expect(lenses.map((l) => l.title)).toEqual(["Analyze rule", "Run scenario"]);
    expect(ide.analyzeRule("/w/main.mlat", "EEC.Council.qualified").text).toContain("veto players: FRA, DEU");
    expect(ide.runScenarios("/w/main.mlat").results.map((r) => [r.name, r.passed])).toEqual([["big three", true]]);
  });
});

describe("workspace", () => {
  it("rechecks importers when an imported file changes", () => {
    const { host } = setup(EEC);
    expect(host.diagnostics("/w/main.mlat")).toEqual([]);
    host.openFile("/w/world.mlat", WORLD.replace(/state LUX.*\n/, ""));
    expect(host.affectedBy("/w/world.mlat")).toContain("/w/main.mlat");
    expect(host.diagnostics("/w/main.mlat").map((d) => d.message)).toContain("unknown state, group or seat class `LUX`");
  });

  it("answers on broken text without throwing", () => {
    const { ide, text } = setup("institution { body { rule : yes >= >= } } state ((( group = {");
    for (let o = 0; o <= text.length; o += 3) {
      ide.hover("/w/main.mlat", o);
      ide.completions("/w/main.mlat", o);
      ide.definition("/w/main.mlat", o);
      ide.codeActions("/w/main.mlat", { start: o, end: o });
    }
    expect(ide.documentSymbols("/w/main.mlat")).toBeDefined();
  });
});
