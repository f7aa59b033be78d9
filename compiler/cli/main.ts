// The `mlat` command: commander wiring only. Each command lives in commands/ and returns an exit code.
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { ExitCode } from "./exit-codes.js";
import { CliError, DesignHasErrors } from "./errors.js";
import { version } from "./version.js";

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number ≥ 0");
  return n;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number ≥ 1");
  return n;
}

/** The input of analyze/eval/marks: a design or, with --ruleset FILE, a compiled rule set. */
async function designOrRuleset(file: string | undefined, ruleset: string | undefined): Promise<string> {
  const { cliError } = await import("./io.js");
  if (file && ruleset) throw cliError("InvalidInput", ["--ruleset", "give either a design or --ruleset, not both"]);
  const chosen = ruleset ?? file;
  if (!chosen) throw cliError("InvalidInput", ["FILE", "give a design (.mlat) or --ruleset compiled.json"]);
  return chosen;
}

function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command("mlat")
    .description("Designs of multilateral institutions: check, compile, evaluate and analyse .mlat files")
    .version(version())
    .showHelpAfterError("(run `mlat --help` for usage)")
    .exitOverride()
    .addHelpText("after", "\nLanguage server: `mlat lsp --stdio` (for any editor with an LSP client; see docs/editors.md).");

  program
    .command("check")
    .description("check designs and print diagnostics (files or folders of *.mlat)")
    .argument("[paths...]", "files or folders; `-` reads a design from standard input", [])
    .addOption(new Option("--format <format>", "output format").choices(["pretty", "json", "sarif", "github", "junit"]).default("pretty"))
    .option("--quiet", "report errors only")
    .option("--max-warnings <n>", "fail when there are more warnings than this", nonNegativeInt)
    .option("--stdin-filename <name>", "the file name diagnostics give a design read from standard input")
    .option("--no-color", "never colour the output")
    .action(async (paths: string[], o) => {
      const { runCheck } = await import("./commands/check.js");
      setExit(await runCheck(paths, { format: o.format, color: o.color, quiet: o.quiet, maxWarnings: o.maxWarnings, stdinFilename: o.stdinFilename }));
    });

  program
    .command("compile")
    .description("compile a design to its rule set (JSON)")
    .argument("<file>", "the design")
    .option("-o, --output <file>", "write the rule set to this file instead of standard output")
    .option("--no-locations", "leave out source locations")
    .option("--no-color", "never colour the output")
    .action(async (file: string, o) => {
      const { runCompile } = await import("./commands/compile.js");
      setExit(await runCompile(file, { output: o.output, locations: o.locations, color: o.color }));
    });

  program
    .command("analyze")
    .description("exact voting-power analysis of rules: veto players, dummies, Banzhaf, Shapley–Shubik, blocking")
    .argument("[file]", "a design (.mlat) or a compiled rule set (.json)")
    .option("--rule <id...>", "only these rules (INSTITUTION.BODY.RULE)")
    .option("--bloc <group...>", "analyse these groups as voting blocs (simple majority inside), besides the design's blocs")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .option("--no-shapley", "skip Shapley–Shubik indices")
    .option("--list <n>", "how many minimal winning coalitions to list", nonNegativeInt, 20)
    .option("--abstention", "also the ternary model (Felsenthal–Machover): seats vote yes, abstain or no, so casting votes and `of voting` rules show their effect")
    .option("--exact", "no work limit: wait for every exact answer, however long (Ctrl-C stops)")
    .option("--estimate [samples]", "estimate Shapley–Shubik by Monte Carlo where the exact count is out of reach (default 1,000,000 samples)", positiveInt)
    .option("--seed <n>", "seed of the Monte Carlo estimate", nonNegativeInt, 1)
    .option("--holding <seats>", "seats held in rotation: analyse only the rotation where these hold the votes (comma-separated)")
    .option("--ruleset <file>", "a compiled rule set (JSON) instead of a design")
    .option("--no-color", "never colour the output")
    .action(async (file: string | undefined, o) => {
      const { runAnalyze } = await import("./commands/analyze.js");
      const estimate = o.estimate === undefined ? undefined : { samples: o.estimate === true ? 1_000_000 : o.estimate, seed: o.seed };
      setExit(await runAnalyze(await designOrRuleset(file, o.ruleset), { rule: o.rule, bloc: o.bloc, format: o.format, shapley: o.shapley, list: o.list, ruleset: !!o.ruleset, color: o.color, exact: !!o.exact, abstention: !!o.abstention, ...(estimate ? { estimate } : {}), ...(o.holding ? { holding: String(o.holding).split(",").map((x: string) => x.trim()).filter(Boolean) } : {}) }));
    });

  program
    .command("eval")
    .description("evaluate a vote under a rule: adopted or rejected, with the reasons")
    .argument("[file]", "a design (.mlat) or a compiled rule set (.json)")
    .option("--rule <id>", "the rule (INSTITUTION.BODY.RULE)")
    .option("--yes <seats>", "seats voting yes: ids, groups, seat classes, class*N, class.N, comma-separated")
    .option("--no <seats>", "seats voting no")
    .option("--abstain <seats>", "seats abstaining")
    .option("--absent <seats>", "seats absent")
    .addOption(new Option("--rest <ballot>", "how the seats not named vote").choices(["yes", "no", "abstain", "absent"]).default("absent"))
    .option("--holding <seats>", "seats held in rotation: who holds the votes this time (comma-separated)")
    .option("--input <votes.json>", "the vote as JSON (see `mlat schema votes`)")
    .option("--events <events.json>", "a trace of acts and votes to check against the principles (see `mlat schema events`)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--ruleset <file>", "a compiled rule set (JSON) instead of a design")
    .option("--no-color", "never colour the output")
    .action(async (file: string | undefined, o) => {
      const { runEval } = await import("./commands/eval.js");
      setExit(await runEval(await designOrRuleset(file, o.ruleset), { rule: o.rule, yes: o.yes, no: o.no, abstain: o.abstain, absent: o.absent, rest: o.rest, ...(o.holding ? { holding: String(o.holding).split(",").map((x: string) => x.trim()).filter(Boolean) } : {}), input: o.input, events: o.events, format: o.format, ruleset: !!o.ruleset, color: o.color }));
    });

  program
    .command("marks")
    .description("the marks of multilateralism of each institution: members, indivisibility, diffuse reciprocity, privileges")
    .argument("[file]", "a design (.mlat) or a compiled rule set (.json)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--ruleset <file>", "a compiled rule set (JSON) instead of a design")
    .option("--no-color", "never colour the output")
    .action(async (file: string | undefined, o) => {
      const { runMarks } = await import("./commands/marks.js");
      setExit(await runMarks(await designOrRuleset(file, o.ruleset), { format: o.format, ruleset: !!o.ruleset, color: o.color }));
    });

  program
    .command("fmt")
    .description("format designs: print them, --check which would change, or --write them in place")
    .argument("[paths...]", "files or folders; `-` reads standard input", [])
    .option("--check", "list the files that are not formatted, exit 1 if any")
    .option("--write", "rewrite the files in place (atomically; a file that does not parse is left alone)")
    .option("--stdin-filename <name>", "the file name for a design read from standard input")
    .option("--line-width <columns>", "the line width (default: lineWidth in mlat.json, else 100)")
    .option("--no-color", "never colour the output")
    .action(async (paths: string[], o) => {
      const { runFmt } = await import("./commands/fmt.js");
      setExit(await runFmt(paths, { check: o.check, write: o.write, stdinFilename: o.stdinFilename, color: o.color, lineWidth: o.lineWidth }));
    });

  program
    .command("report")
    .description("one self-contained HTML page: institutions, membership, every rule's power chart, scenario results")
    .argument("[file]", "a design (.mlat) or a compiled rule set (.json)")
    .option("-o, --output <file>", "write the page to this file instead of standard output")
    .option("--title <title>", "the page title")
    .option("--ruleset <file>", "a compiled rule set (JSON) instead of a design")
    .option("--no-color", "never colour the output")
    .action(async (file: string | undefined, o) => {
      const { runReport } = await import("./commands/report.js");
      setExit(await runReport(await designOrRuleset(file, o.ruleset), { output: o.output, title: o.title, ruleset: !!o.ruleset, color: o.color }));
    });

  program
    .command("graph")
    .description("institutions, bodies, groups and states, and who sits where, for Graphviz or Mermaid")
    .argument("[file]", "a design (.mlat) or a compiled rule set (.json)")
    .addOption(new Option("--format <format>", "output format").choices(["dot", "mermaid"]).default("dot"))
    .option("--ruleset <file>", "a compiled rule set (JSON) instead of a design")
    .option("--no-color", "never colour the output")
    .action(async (file: string | undefined, o) => {
      const { runGraph } = await import("./commands/report.js");
      setExit(await runGraph(await designOrRuleset(file, o.ruleset), { format: o.format, ruleset: !!o.ruleset, color: o.color }));
    });

  program
    .command("diff")
    .description("compare two versions of a design rule by rule; exit 0 when equivalent, 1 when anything changed")
    .argument("<old>", "the old design (.mlat) or rule set (.json)")
    .argument("<new>", "the new design (.mlat) or rule set (.json)")
    .option("--map <OLD=NEW...>", "successor seats: a renaming (AF3=AF2) or a merger (BE+BB=BBB), compared seat for seat")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--no-color", "never colour the output")
    .action(async (oldFile: string, newFile: string, o) => {
      const { runDiff } = await import("./commands/diff.js");
      setExit(await runDiff(oldFile, newFile, { format: o.format, color: o.color, map: o.map }));
    });

  program
    .command("whatif")
    .description("the design after a change, compared with the design as it is, without editing a file (Brexit, a census, a quota reform)")
    .argument("<file>", "a design (.mlat) or rule set (.json)")
    .option("--without <state...>", "the state leaves: its seats, memberships, weights, vetoes and ballots go")
    .option("--with <declaration...>", "a state joins, declared as in a design: \"state UKR { population: 37000 }\" (with --member-of)")
    .option("--member-of <institution...>", "the institutions the --with states join")
    .option("--weight <BODY.WEIGHT.SEAT=VALUE...>", "one seat's value in a body's weight table")
    .option("--set <STATE.ATTRIBUTE=VALUE...>", "a state's numeric attribute, and every weight drawn from it")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--no-color", "never colour the output")
    .action(async (file: string, o) => {
      const { runWhatIf } = await import("./commands/whatif.js");
      setExit(await runWhatIf(file, { without: o.without, with: o.with, memberOf: o.memberOf, weight: o.weight, set: o.set, format: o.format, color: o.color }));
    });

  program
    .command("test")
    .description("run the scenarios and assertions of designs; ends with `N passed, N failed`")
    .argument("[paths...]", "files or folders", [])
    .addOption(new Option("--format <format>", "output format").choices(["pretty", "junit"]).default("pretty"))
    .option("-o, --output <file>", "write the JUnit XML to this file")
    .option("--no-color", "never colour the output")
    .action(async (paths: string[], o) => {
      const { runTestCommand } = await import("./commands/test.js");
      setExit(await runTestCommand(paths, { format: o.format, output: o.output, color: o.color }));
    });

  program
    .command("schema")
    .description("print a JSON Schema: `ruleset` (compiled designs), `votes` or `events` (eval inputs)")
    .argument("<name>", "ruleset | votes | events")
    .action(async (name: string) => {
      const { runSchema } = await import("./commands/schema.js");
      setExit(await runSchema(name));
    });

  program
    .command("explain")
    .description("explain a diagnostic code")
    .argument("[code]", "e.g. MLAT2001")
    .option("--all", "all codes")
    .addOption(new Option("--format <format>", "with --all").choices(["text", "markdown"]).default("text"))
    .action(async (code: string | undefined, o) => {
      const { runExplain } = await import("./commands/explain.js");
      setExit(await runExplain(code, { all: o.all, format: o.format }));
    });

  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = ExitCode.Ok;
  const program = buildProgram((c) => (exitCode = c));
  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return ExitCode.Ok;
      return ExitCode.UsageOrIo;
    }
    if (e instanceof DesignHasErrors) return e.exitCode;
    if (e instanceof CliError) {
      const { printCliError } = await import("./io.js");
      printCliError(e);
      return e.exitCode;
    }
    // No stack trace reaches the user: an internal error is reported as such, with a code.
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`mlat: error MLAT4001: internal error: ${message}\n`);
    if (process.env["MLAT_DEBUG"]) process.stderr.write(String(e instanceof Error ? e.stack : e) + "\n");
    return ExitCode.UsageOrIo;
  }
}

// A closed pipe (`mlat analyze … | head`) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
});

const code = await main(process.argv.slice(2));
process.exitCode = code;
