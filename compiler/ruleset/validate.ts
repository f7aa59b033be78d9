// Validates JSON against the published schemas with ajv, and turns ajv's errors into messages that
// name the JSON path and what was expected there. The validators are ajv's standalone code,
// generated at build time (scripts/generate-validators.mjs), so nothing is compiled at start-up.
import type { ErrorObject } from "ajv";
import * as validators from "./validators.generated.js";
import rulesetSchema from "./ruleset.schema.json" with { type: "json" };
import votesSchema from "./votes.schema.json" with { type: "json" };
import eventsSchema from "./events.schema.json" with { type: "json" };

export const schemas = { ruleset: rulesetSchema, votes: votesSchema, events: eventsSchema } as const;
export type SchemaName = keyof typeof schemas;


export interface SchemaError {
  /** JSON path like `$.institutions[0].bodies[1].rules[0].condition` */
  readonly path: string;
  readonly message: string;
}

/**
 * JSON nested deeper than this is refused before the schema is checked: the generated validators
 * recurse once per level and would overflow the stack (a rule of 5,000 nested `not`s). A rule's
 * condition may nest 200 levels (consistency.ts), about 400 levels of JSON.
 */
export const MAX_JSON_DEPTH = 600;

/**
 * The path of the first place nested deeper than MAX_JSON_DEPTH, found without recursion. The
 * walk keeps only values and depths (a rule set of 100k lines has millions of values); the path
 * is rebuilt by a second walk only when something is too deep.
 */
function tooDeep(value: unknown): string | undefined {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  let found = false;
  while (values.length) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth > MAX_JSON_DEPTH) {
      found = true;
      break;
    }
    if (Array.isArray(v)) for (const x of v) (values.push(x), depths.push(depth + 1));
    else for (const k in v) (values.push((v as Record<string, unknown>)[k]), depths.push(depth + 1));
  }
  return found ? pathTooDeep(value) : undefined;
}

function pathTooDeep(value: unknown): string | undefined {
  type Node = { value: unknown; depth: number; parent: Node | undefined; key: string | number };
  const todo: Node[] = [{ value, depth: 0, parent: undefined, key: "" }];
  while (todo.length) {
    const node = todo.pop()!;
    if (node.value === null || typeof node.value !== "object") continue;
    if (node.depth > MAX_JSON_DEPTH) {
      const keys: (string | number)[] = [];
      for (let n: Node | undefined = node; n?.parent; n = n.parent) keys.unshift(n.key);
      return toJsonPath(keys.map((k) => `/${String(k).replace(/~/g, "~0").replace(/\//g, "~1")}`).join(""));
    }
    if (Array.isArray(node.value)) node.value.forEach((v, i) => todo.push({ value: v, depth: node.depth + 1, parent: node, key: i }));
    else for (const [k, v] of Object.entries(node.value)) todo.push({ value: v, depth: node.depth + 1, parent: node, key: k });
  }
  return undefined;
}

export function validateAgainst(name: SchemaName, value: unknown): SchemaError[] {
  const deep = tooDeep(value);
  if (deep !== undefined) return [{ path: deep, message: `nests deeper than ${MAX_JSON_DEPTH} levels (a condition may nest at most 200)` }];
  const validate = validators[name];
  if (validate(value)) return [];
  return simplify(validate.errors ?? []);
}

/** ajv reports every failed branch of a oneOf; keep the deepest error, which is the useful one. */
function simplify(errors: readonly ErrorObject[]): SchemaError[] {
  if (errors.length === 0) return [{ path: "$", message: "does not match the schema" }];
  const deepest = [...errors].sort((a, b) => depth(b.instancePath) - depth(a.instancePath))[0]!;
  return [{ path: toJsonPath(deepest.instancePath), message: describe(deepest) }];
}

function depth(p: string): number {
  return p.split("/").length;
}

function toJsonPath(pointer: string): string {
  if (pointer === "") return "$";
  return "$" + pointer.split("/").slice(1).map((seg) => {
    const s = seg.replace(/~1/g, "/").replace(/~0/g, "~");
    return /^\d+$/.test(s) ? `[${s}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  }).join("");
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case "required": return `missing the property \`${(e.params as { missingProperty: string }).missingProperty}\``;
    case "additionalProperties": return `unexpected property \`${(e.params as { additionalProperty: string }).additionalProperty}\``;
    case "enum": return `expected one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    case "const": return `expected ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    case "type": return `expected ${(e.params as { type: string }).type}`;
    case "pattern": return e.instancePath.endsWith("value") || /rational/.test(e.schemaPath) ? "expected an exact number such as \"9\", \"2/3\" or \"-1/2\"" : `does not match ${(e.params as { pattern: string }).pattern}`;
    case "oneOf": return "does not match any of the allowed forms";
    default: return e.message ?? "is not valid";
  }
}
