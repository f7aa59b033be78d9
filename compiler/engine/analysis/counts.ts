// What every counting method produces for a game: exact counts, as BigInt.
import type { Game } from "./game.js";

export interface PlayerCounts {
  /** Coalitions S without the player where S ∪ {i} wins and S loses. */
  readonly swings: bigint;
  /** Coalitions S without the player where S ∪ {i} loses and S wins (non-monotone games only). */
  readonly negativeSwings: bigint;
  /** Winning coalitions without the player. */
  readonly winningWithout: bigint;
  /** Net swings by |S| (index = size of S), for Shapley–Shubik; null when not computed. */
  readonly swingsBySize: readonly bigint[] | null;
}

export type MethodName = "weighted majority" | "kinds of seats" | "decision diagram" | "generating function" | "meet in the middle" | "enumeration";

export interface GameCounts {
  readonly method: MethodName;
  readonly winning: bigint;
  /** Coalitions S such that both S and its complement win (0 for a proper game). */
  readonly bothWin: bigint;
  readonly players: readonly PlayerCounts[];
  /** Why Shapley–Shubik was not computed, when it was not. */
  readonly shapleyNote?: string;
  /** The number of minimal winning coalitions, when the method counts them (monotone games). */
  readonly minimalWinning?: bigint;
}

/**
 * Told of the work done (in cells or coalitions), so long counts can show progress and be
 * cancelled: `step` may throw AnalysisCancelled.
 */
export interface WorkMonitor {
  step(units: number): void;
}

export class AnalysisCancelled extends Error {
  constructor() {
    super("the analysis was cancelled");
  }
}

export interface CountingMethod {
  /** Counts everything, or explains why it cannot (too large for this method). */
  /** `minimal`: count the minimal winning coalitions too, where the method can in the same pass. */
  count(game: Game, options: { shapley: boolean; monitor?: WorkMonitor; minimal?: boolean }): GameCounts | { readonly tooLarge: string };
  /** Winning coalitions that contain every `forced` player and otherwise only `allowed` ones. */
  countWinning(game: Game, allowed: readonly boolean[], forced: readonly boolean[]): bigint | { readonly tooLarge: string };
}

export function binomial(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  k = Math.min(k, n - k);
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}
