// How tokens are named in syntax errors: keywords and punctuation in backticks, the rest in words.
import type { IRecognitionException, IToken, TokenType } from "chevrotain";
import * as T from "./tokens.js";

const describedKinds: Record<string, string> = {
  Identifier: "a name",
  StringLiteral: "a string",
  UnterminatedString: "a string",
  Integer: "a whole number",
  Decimal: "a number",
  Percent: "a percentage",
  Keyword: "a name",
  EOF: "the end of the file",
};

/** Where a choice has many alternatives, the error names the construct instead of the tokens. */
const describedRules: Record<string, string> = {
  file: "a declaration (`state`, `group`, `action`, `institution`, `arrangement`, `scenario`, `assert`, `bloc` or `use`)",
  value: "a value (a number, a name, a string, `true` or `false`)",
  number: "a number (such as `9`, `0.5`, `55%` or `2/3`)",
  setAtom: "a group of states (a name, `{ … }`, `states`, `members`, `members of …` or `( … )`)",
  conditionUnary: "a condition (`yes`, `no`, `abstain`, `veto`, `unanimity`, `consensus`, `not` or `( … )`)",
  institutionDecl: "`members`, `body`, `rule`, `admission`, `principle`, `requires` or `}`",
  bodyDecl: "`seats`, `weight`, `rule` or `}`",
  argument: "an argument value (a name, a group, `any`, `every …`, a number or a string)",
  compareOp: "a comparison (`>=`, `>`, `<=`, `<`, `=` or `!=`)",
  tally: "`yes`, `no` or `abstain`",
  comparison: "a threshold (a number such as `9`, `55%` or `2/3`) or a tally (`yes`, `no`, `abstain`)",
  quantity: "a threshold (a number such as `9`, `55%` or `2/3`)",
  fact: "a fact (`veto players = …`, `dummies = …`, `dictator = …`, `banzhaf(X) > …`, `X can block`)",
};

export function describeTokenType(t: TokenType): string {
  const known = describedKinds[t.name];
  if (known) return known;
  const p = t.PATTERN;
  if (p instanceof RegExp) {
    const literal = p.source.split("|")[0]!.replace(/\\/g, "");
    return "`" + literal + "`";
  }
  return t.name;
}

export function describeFound(token: IToken): string {
  const kind = describedKinds[token.tokenType.name];
  const shown = token.image.length > 20 ? token.image.slice(0, 20) + "…" : token.image;
  if (kind && token.tokenType.name !== "Keyword") return `${kind} \`${shown}\``;
  return "`" + shown + "`";
}

/** Chevrotain's message lists the expected paths; mlat names just the first tokens of each. */
export function describeExpected(e: IRecognitionException): string | undefined {
  const rule = e.context?.ruleStack?.[e.context.ruleStack.length - 1];
  const ruleDescription = rule ? describedRules[rule] : undefined;
  if (ruleDescription && !/Expecting token of type/.test(e.message)) return ruleDescription;
  const m = /Expecting token of type --> (\w+) <--/.exec(e.message);
  if (m) return m[1] === "EOF" ? describedRules["file"] : nameFromTypeName(m[1]!);
  const alts = [...e.message.matchAll(/\[([^\]]*)\]/g)].map((x) => x[1]!.split(",")[0]!.trim()).filter(Boolean);
  const unique = [...new Set(alts.map(nameFromTypeName))];
  if (unique.length === 0) return undefined;
  if (unique.length <= 6) return unique.length === 1 ? unique[0] : unique.slice(0, -1).join(", ") + " or " + unique[unique.length - 1];
  return unique.slice(0, 5).join(", ") + " or another of " + unique.length + " possibilities";
}

const byName = new Map<string, TokenType>(T.allTokens.map((t) => [t.name, t]));

function nameFromTypeName(name: string): string {
  const t = byName.get(name);
  return t ? describeTokenType(t) : name;
}
