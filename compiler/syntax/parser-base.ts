// The machinery under the grammar: a Chevrotain EmbeddedActionsParser whose rules build AST nodes
// directly (no CST), while keeping what a CST parser gives for free after error recovery.
//
// Each rule works on a frame: the span of the real tokens and nodes it has consumed so far, plus
// the parts it has collected. The node is made from the frame when the rule ends. When a
// recognition error passes through a rule, the rule makes its node from the partial frame and
// hangs it on the error (`partial`); the calling rule picks it up as if the subrule had returned,
// and the rule where Chevrotain re-synchronises returns its own partial node. This is exactly
// Chevrotain's `partialCstResult`, so recovery keeps everything parsed before the mistake.
import { EmbeddedActionsParser, isRecognitionException, type IToken, type TokenType } from "chevrotain";
import type { Span } from "../text/span.js";
import * as T from "./tokens.js";

export interface Frame {
  start: number;
  end: number;
  /** Where the rule began: the end of the last real token before it (for missing parts). */
  at: number;
  /** A span object with exactly this extent, when one exists (a token's or a child's): shared. */
  s?: Span | undefined;
}

/** A rule of the grammar: Chevrotain's wrapped function returning an AST node. */
export type Rule<R> = (() => R) & { ruleName: string };

interface WithPartial {
  partial?: unknown;
  partialStart?: number;
  partialEnd?: number;
}

/** A real token (not invented by error recovery). */
export function isReal(t: IToken | undefined | null): t is IToken {
  return t !== undefined && t !== null && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
}

/**
 * The token's span, made once per token: a name and the node that is only that name share it.
 * The AST is immutable, so sharing span objects is safe, and it halves what a large design keeps.
 */
export function tokenSpan(t: IToken): Span {
  const cached = (t as { span?: Span }).span;
  if (cached) return cached;
  return ((t as { span?: Span }).span = { start: t.startOffset, end: t.startOffset + t.image.length });
}

/** The frame's span; a rule that consumed nothing real sits where it began. */
export function frameSpan(f: Frame): Span {
  if (!Number.isFinite(f.start)) return { start: f.at, end: f.at };
  const s = f.s;
  if (s && s.start === f.start && s.end === f.end) return s;
  return (f.s = { start: f.start, end: f.end });
}



export function unquote(image: string): string {
  const body = image.endsWith('"') && image.length >= 2 ? image.slice(1, -1) : image.slice(1);
  return body.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c));
}

declare const MLAT_BUNDLED: boolean;

export abstract class ParserBase extends EmbeddedActionsParser {
  private readonly frames: Frame[] = [];
  /** The extent of the rule that returned last (what a CST node's location would be). */
  private lastStart = NaN;
  private lastEnd = NaN;
  private lastSpan: Span | undefined;

  constructor() {
    // The grammar's validations (ambiguities, left recursion) run in the tests and from source; the
    // bundles skip them (MLAT_BUNDLED, defined by scripts/build.mjs) because they cost tens of
    // milliseconds at every start and cannot fail for a grammar the tests have passed.
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, skipValidations: typeof MLAT_BUNDLED === "boolean" && MLAT_BUNDLED });
  }

  /**
   * Defines a rule: `body` fills a frame, `make` turns it into the node (also when the rule is
   * cut short by a syntax error, from whatever the frame holds by then).
   */
  protected def<F extends Frame, R>(name: string, init: () => F, body: (f: F) => void, make: (f: F) => R): Rule<R> {
    return this.RULE(
      name,
      () => {
        const f = init();
        if (this.RECORDING_PHASE) {
          body(f);
          return undefined as R;
        }
        const prev = this.LA(0);
        f.at = isReal(prev) ? prev.startOffset + prev.image.length : 0;
        this.frames.push(f);
        try {
          body(f);
        } catch (e) {
          if (isRecognitionException(e as Error)) {
            const w = e as WithPartial;
            w.partial = make(f);
            // Also the extent of the value Chevrotain returns when it re-synchronises right here.
            w.partialStart = this.lastStart = f.start;
            w.partialEnd = this.lastEnd = f.end;
            this.lastSpan = f.s;
          }
          throw e;
        } finally {
          this.frames.pop();
        }
        const node = make(f);
        this.lastStart = f.start;
        this.lastEnd = f.end;
        this.lastSpan = f.s;
        return node;
      },
      { recoveryValueFunc: (e: unknown) => (e as WithPartial | undefined)?.partial as R },
    ) as unknown as Rule<R>;
  }

  /** Extends the current frame; `span`, when given, is an existing object with that extent. */
  private extendBy(start: number, end: number, span: Span | undefined): void {
    const f = this.frames[this.frames.length - 1];
    if (!f || !Number.isFinite(start)) return;
    const empty = !Number.isFinite(f.start);
    if (!(f.start <= start)) f.start = start;
    if (!(f.end >= end)) f.end = end;
    if (empty) f.s = span;
  }

  /** CONSUME with an explicit occurrence index; real tokens extend the frame's span. */
  protected tok(idx: number, type: TokenType): IToken {
    const t = this.consume(idx, type);
    if (!this.RECORDING_PHASE && isReal(t)) this.extendBy(t.startOffset, t.startOffset + t.image.length, tokenSpan(t));
    return t;
  }

  /**
   * SUBRULE with an explicit occurrence index. The result (or the partial node a syntax error
   * left) is handed to `take` and extends the frame's span.
   */
  protected sub<R>(idx: number, rule: Rule<R>, take: (node: R) => void): void {
    let node: R;
    try {
      node = this.subrule(idx, rule as never) as R;
    } catch (e) {
      const w = e as WithPartial;
      if (!this.RECORDING_PHASE && isRecognitionException(e as Error) && w.partial !== undefined) {
        this.extendBy(w.partialStart ?? NaN, w.partialEnd ?? NaN, undefined);
        take(w.partial as R);
        w.partial = undefined;
      }
      throw e;
    }
    if (this.RECORDING_PHASE || node === undefined) return;
    this.extendBy(this.lastStart, this.lastEnd, this.lastSpan);
    take(node);
  }

  /** The next token's type, for decisions inside actions. */
  protected peek(): TokenType {
    return this.LA(1).tokenType;
  }
}
