// Where comments go when a file is reformatted: each comment belongs to a statement (a top-level
// declaration, an item of an institution, body, scenario or arrangement) as a leading comment
// (the lines before it) or a trailing one (on the same line, after it); comments before a closing
// brace stay there. A comment inside a statement makes that statement print verbatim.
import type { IToken } from "chevrotain";
import type { Span } from "../text/span.js";

export interface Placed {
  readonly leading: IToken[];
  readonly trailing: IToken | undefined;
  /** Blank line(s) before this statement (or before its leading comments) in the source. */
  readonly blankBefore: boolean;
  /** A comment lies inside the statement. */
  readonly interior: boolean;
}

export class CommentPool {
  private readonly used = new Set<IToken>();

  constructor(private readonly comments: readonly IToken[], private readonly text: string) {}

  /** Places the comments for a run of statements inside [from, to). Returns the placement per statement and the dangling rest. */
  place(statements: readonly Span[], from: number, to: number): { placed: Placed[]; dangling: IToken[] } {
    const placed: Placed[] = [];
    let cursor = from;
    for (const s of statements) {
      const leading = this.take(cursor, s.start);
      const firstStart = leading[0]?.startOffset ?? s.start;
      const blankBefore = placed.length > 0 && /\n[ \t\r]*\n/.test(this.text.slice(cursor, firstStart));
      const interior = this.comments.some((c) => !this.used.has(c) && c.startOffset >= s.start && c.startOffset < s.end);
      let end = s.end;
      const trailing = this.comments.find((c) => !this.used.has(c) && c.startOffset >= s.end && c.startOffset < to && !this.text.slice(s.end, c.startOffset).includes("\n"));
      if (trailing) {
        this.used.add(trailing);
        end = trailing.startOffset + trailing.image.length;
      }
      placed.push({ leading, trailing, blankBefore, interior });
      cursor = end;
    }
    return { placed, dangling: this.take(cursor, to) };
  }

  /** Marks the comments inside a span as printed (a verbatim statement carries them). */
  consume(span: Span): void {
    for (const c of this.comments) if (c.startOffset >= span.start && c.startOffset < span.end) this.used.add(c);
  }

  private take(from: number, to: number): IToken[] {
    const out = this.comments.filter((c) => !this.used.has(c) && c.startOffset >= from && c.startOffset < to);
    for (const c of out) this.used.add(c);
    return out;
  }

  unused(): IToken[] {
    return this.comments.filter((c) => !this.used.has(c));
  }
}
