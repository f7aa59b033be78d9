// `mlat schema ruleset|votes`: the published JSON Schemas.
import { schemas, type SchemaName } from "../../index.js";
import { ExitCode } from "../exit-codes.js";
import { cliError } from "../io.js";

export function runSchema(name: string): number {
  if (!Object.hasOwn(schemas, name)) throw cliError("InvalidInput", ["NAME", `unknown schema \`${name}\`: choose one of ${Object.keys(schemas).join(", ")}`]);
  process.stdout.write(JSON.stringify(schemas[name as SchemaName], null, 2) + "\n");
  return ExitCode.Ok;
}
