// Document formatting: one edit replacing the whole text with the formatter's output, or none
// when the text does not parse (the formatter never rewrites a broken file).
import type { LineIndex } from "../compiler/index.js";
import { format } from "../compiler/index.js";

export function formattingEdits(text: string, file: string, index: LineIndex, lineWidth?: number) {
  const r = format(text, file, lineWidth ? { lineWidth } : {});
  if (!r.ok || r.text === text) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: index.position(text.length) }, newText: r.text }];
}
