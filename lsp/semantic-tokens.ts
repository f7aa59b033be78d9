// Semantic tokens in the protocol's relative encoding, by vscode-languageserver's
// SemanticTokensBuilder. The only work here is the protocol's rule that a token may not span
// lines: a multi-line token (a block comment) is split at line ends.
import { SemanticTokensBuilder } from "vscode-languageserver";
import type { LineIndex, SemanticToken } from "../compiler/index.js";

export function encodeSemanticTokens(tokens: readonly SemanticToken[], index: LineIndex): { data: number[] } {
  const builder = new SemanticTokensBuilder();
  for (const t of tokens) {
    const end = t.start + t.length;
    let start = t.start;
    while (start < end) {
      const pos = index.position(start);
      const next = index.offset({ line: pos.line + 1, character: 0 });
      const lineEnd = Math.min(end, next - 1 >= start ? next : end);
      const length = Math.max(0, lineEnd - start);
      if (length > 0) builder.push(pos.line, pos.character, length, t.type, t.modifiers);
      if (lineEnd <= start) break;
      start = lineEnd;
    }
  }
  return builder.build();
}
