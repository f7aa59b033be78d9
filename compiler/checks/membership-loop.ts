// A membership requirement that loops: A requires membership of B, which requires A.
import type * as A from "../syntax/ast.js";
import type { Check } from "./check.js";

function requiredInstitutions(s: A.SetExpr, out: Set<string>): void {
  if (s.kind === "membersOf" && s.institution) out.add(s.institution.text);
  else if (s.kind === "setBinary") {
    requiredInstitutions(s.left, out);
    requiredInstitutions(s.right, out);
  } else if (s.kind === "setParen") requiredInstitutions(s.inner, out);
}

export const membershipLoop: Check = {
  name: "membership-loop",
  run: (ctx) => {
    const model = ctx.model;
    const edges = new Map<string, { targets: Set<string>; item: A.RequiresItem | undefined }>();
    for (const inst of model.institutions.values()) {
      const targets = new Set<string>();
      const item = inst.decl.items.find((i): i is A.RequiresItem => i.kind === "requires");
      for (const i of inst.decl.items) if (i.kind === "requires") requiredInstitutions(i.set, targets);
      edges.set(inst.name, { targets, item });
    }
    const reported = new Set<string>();
    for (const start of edges.keys()) {
      // Depth-first search for a path back to `start`.
      const path: string[] = [start];
      const seen = new Set<string>();
      const dfs = (node: string): string[] | undefined => {
        for (const next of edges.get(node)?.targets ?? []) {
          if (next === start) return [...path, start];
          if (seen.has(next) || !edges.has(next)) continue;
          seen.add(next);
          path.push(next);
          const found = dfs(next);
          if (found) return found;
          path.pop();
        }
        return undefined;
      };
      const cycle = dfs(start);
      if (!cycle) continue;
      const key = [...new Set(cycle)].sort().join(",");
      if (reported.has(key)) continue;
      reported.add(key);
      const inst = model.institutions.get(start)!;
      const span = edges.get(start)!.item?.span ?? inst.decl.name.span;
      const text = `\`${cycle[0]}\` ` + cycle.slice(1).map((c) => `requires membership of \`${c}\``).join(", which ");
      ctx.report("MembershipLoop", inst.file, span, [text]);
    }
  },
};
