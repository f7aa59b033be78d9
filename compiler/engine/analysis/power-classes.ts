// Power classes — the values of the states' `power` attribute among the seated states (great,
// middle, small) — and what each can do: block everything, pass something alone, pass something
// without another class (the Lilliputian questions).
import type { BodyJson, RuleSet } from "../../ruleset/types.js";
import type { Game } from "./game.js";

export interface PowerClassResult {
  readonly class: string;
  readonly seats: readonly string[];
  /** No coalition without any of these seats wins. */
  readonly canBlock: boolean;
  /** Some coalition of these seats alone wins. */
  readonly canPassAlone: boolean;
  /** For each other class: some coalition with none of that class's seats wins. */
  readonly canPassWithout: Readonly<Record<string, boolean>>;
}

/** `countWinning(allowed)`: winning coalitions made only of allowed seats. */
export function powerClasses(ruleset: RuleSet, body: BodyJson, game: Game, countWinning: (allowed: boolean[]) => bigint): PowerClassResult[] {
  const power = new Map<string, string>();
  for (const s of ruleset.states) {
    const a = s.attributes["power"];
    if (a && (a.type === "name" || a.type === "string")) power.set(s.id, a.value);
  }
  const classOf = body.seats.map((s) => (s.state ? power.get(s.state) : undefined));
  const classes = [...new Set(classOf.filter((c): c is string => c !== undefined))];
  if (classes.length === 0) return [];
  return classes.map((c) => {
    const inClass = classOf.map((x) => x === c);
    const canPassWithout: Record<string, boolean> = {};
    for (const other of classes) if (other !== c) canPassWithout[other] = countWinning(classOf.map((x) => x !== other)) > 0n;
    return {
      class: c,
      seats: game.players.filter((_, i) => inClass[i]),
      canBlock: countWinning(inClass.map((x) => !x)) === 0n,
      canPassAlone: countWinning(inClass) > 0n,
      canPassWithout,
    };
  });
}
