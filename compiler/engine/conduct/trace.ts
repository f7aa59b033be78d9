// A trace is an ordered list of what happened: acts of states and votes of bodies. Scenarios,
// arrangements (their commitments) and `mlat eval --events` all produce one.
import type { ConductJson } from "../../ruleset/types.js";
import type { Ballot } from "../evaluation/vote.js";

export type TraceStep =
  | { readonly kind: "event"; readonly event: ConductJson }
  | { readonly kind: "vote"; readonly rule: string; readonly ballots: Readonly<Record<string, Ballot>> };

export function describeEvent(e: ConductJson): string {
  const args = Object.entries(e.args)
    .filter(([k]) => k !== "by")
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? `{ ${v.join(", ")} }` : String(v)}`)
    .join(", ");
  return `${e.actor} does ${e.action}(${args})`;
}

/** The value of an argument, with `by` standing for the actor when not given. */
export function argumentOf(e: ConductJson, name: string): string | boolean | readonly string[] | undefined {
  if (name === "by" && e.args["by"] === undefined) return e.actor;
  return e.args[name];
}
