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

export function validateAgainst(name: SchemaName, value: unknown): SchemaError[] {
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
