// The snippets, defined once: the language server offers them in completion to every editor
// (the VS Code extension ships no snippet file of its own, so they are not shown twice).
import type { CompletionItem } from "./completion-item.js";

/** Where a snippet is offered: at the top level of a file, inside an institution, or inside a body. */
export type SnippetPlace = "file" | "institution" | "body";

interface Snippet {
  readonly label: string;
  readonly detail: string;
  readonly body: readonly string[];
  readonly places: readonly SnippetPlace[];
}

const definitions: readonly Snippet[] = [
  { label: "state", detail: "declare a state", places: ["file"], body: ['state ${1:ISO} "${2:Name}" { power: ${3|small,middle,great|}, region: ${4:Europe} }'] },
  { label: "group", detail: "declare a group of states", places: ["file"], body: ["group ${1:Name} = { ${2} }"] },
  {
    label: "institution",
    detail: "an institution with a body and a rule",
    places: ["file"],
    body: ['institution ${1:Name} "${2:Title}" {', "  members: ${3:states}", "", "  body ${4:Assembly} {", "    seats: members", "    rule ${5:ordinary}: yes > 1/2 of voting", "  }", "}"],
  },
  { label: "body", detail: "a body with seats and a rule", places: ["institution"], body: ["body ${1:Council} {", "  seats: members", "  rule ${2:qualified}: yes >= ${3:2/3}", "}"] },
  { label: "rule", detail: "a decision rule", places: ["body"], body: ["rule ${1:name}: yes >= ${2:2/3} of voting"] },
  { label: "rulev", detail: "a rule with a veto", places: ["body"], body: ["rule ${1:substantive}: yes >= ${2:9} and veto ${3:permanent}"] },
  { label: "weight", detail: "a weight table", places: ["body"], body: ["weight ${1:votes} { ${2:STATE}: ${3:1} }"] },
  { label: "quorum", detail: "a quorum every rule of the body needs", places: ["body"], body: ["quorum: present >= ${1:1/2}"] },
  { label: "seat", detail: "a constituency: one seat cast for several states", places: ["body"], body: ["seat ${1:Constituency} for { ${2:STATES} } inside yes by ${3:votes} > 1/2"] },
  { label: "seats in rotation", detail: "seats that hold votes in turn", places: ["body"], body: ["seats ${1:group1}: ${2:4} of ${3:GROUP}"] },
  { label: "rule with a parameter", detail: "a rule stated once for each state", places: ["body"], body: ["rule ${1:minusOne}(${2:concerned}: state): veto members - ${2:concerned}"] },
  {
    label: "principle",
    detail: "a principle of conduct",
    places: ["institution"],
    body: ['principle ${1:Name} "${2:Article}":', "  every member must not ${3:Action}(${4:against}: member)", "  unless authorized by ${5:BODY.RULE}"],
  },
  {
    label: "scenario",
    detail: "a scenario with a vote and an expectation",
    places: ["file"],
    body: ['scenario "${1:description}" {', "  vote ${2:INST.BODY.RULE} { yes: ${3} no: ${4} }", "  expect ${5|adopted,rejected|}", "}"],
  },
  { label: "assert", detail: "an assertion about a rule", places: ["file"], body: ["assert ${1:INST.BODY.RULE}: veto players = ${2:none}"] },
];

export function snippetsFor(place: SnippetPlace): CompletionItem[] {
  return definitions.filter((s) => s.places.includes(place)).map((s) => ({ label: s.label, kind: "snippet", detail: s.detail, insertText: s.body.join("\n"), snippet: true }));
}

/** The snippet whose label is a keyword the grammar allows here. */
export function snippetNamed(label: string): CompletionItem | undefined {
  const s = definitions.find((d) => d.label === label);
  return s ? { label: s.label, kind: "snippet", detail: s.detail, insertText: s.body.join("\n"), snippet: true } : undefined;
}

/**
 * The snippets of a place whose label is not a keyword (`seat`, `quorum`, "seats in rotation"):
 * snippetNamed offers the others where the grammar expects their keyword.
 */
export function wordSnippets(place: SnippetPlace, isKeyword: (word: string) => boolean): CompletionItem[] {
  return snippetsFor(place).filter((s) => !isKeyword(s.label));
}
