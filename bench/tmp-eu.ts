import { compile, allRules } from "../compiler/index.js";
import { NodeSourceHost } from "../compiler/node/index.js";
import { buildGame } from "../compiler/engine/analysis/game.js";
import { decisionDiagram } from "../compiler/engine/analysis/zdd.js";
for (const f of ["examples/eu-council-lisbon.mlat", "examples/eu-council-nice.mlat", "examples/imf.mlat", "examples/un.mlat"]) {
  const rs = compile({ host: new NodeSourceHost(), entries: [f] }).ruleset!;
  for (const { body, rule } of allRules(rs)) {
    const game = buildGame(body, rule);
    const t0 = performance.now();
    const c = decisionDiagram.count(game, { shapley: true });
    const t1 = performance.now();
    const m = decisionDiagram.minimalWinning(game);
    const t2 = performance.now();
    console.log(rule.id, game.players.length, "tooLarge" in c ? c.tooLarge : `counts ${(t1 - t0).toFixed(0)} ms`, typeof m === "bigint" ? `mwc ${m} ${(t2 - t1).toFixed(0)} ms` : m.tooLarge);
  }
}
