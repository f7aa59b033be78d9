// `mlat marks FILE`: the marks of multilateralism of each institution of a design.
import { escapeControl, marks as marksOf } from "../../index.js";
import { ExitCode } from "../exit-codes.js";
import { useColor } from "../io.js";
import { loadRuleSet } from "../load-ruleset.js";

export function runMarks(file: string, options: { format: "text" | "json"; ruleset?: boolean; color?: boolean }): number {
  const marks = marksOf(loadRuleSet(file, options));
  if (options.format === "json") {
    process.stdout.write(JSON.stringify({ institutions: marks }, null, 2) + "\n");
    return ExitCode.Ok;
  }
  const color = useColor(process.stdout, options.color);
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  for (const m of marks) {
    process.stdout.write(`${bold(m.institution)}${m.name ? ` "${escapeControl(m.name)}"` : ""}: ${m.members} members, ${m.multilateral ? "multilateral (three or more)" : "NOT multilateral (fewer than three)"}\n`);
    const section = (title: string, items: readonly string[]) => {
      process.stdout.write(`  ${title}: ${items.length ? "" : "none"}\n`);
      for (const i of items) process.stdout.write(`    ${escapeControl(i)}\n`);
    };
    section("indivisibility", m.indivisibility);
    section("diffuse reciprocity", m.diffuseReciprocity);
    section("privileges", m.privileges);
  }
  return ExitCode.Ok;
}
