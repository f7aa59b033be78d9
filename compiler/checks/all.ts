// THE table of checks, in the order they run after binding (OPA's compiler stages). Each check
// is one file; to add one, write it and list it here (see ARCHITECTURE.md).
import type { Check } from "./check.js";
import { tooFewMembers } from "./too-few-members.js";
import { emptyGroup } from "./empty-group.js";
import { bodyWithoutSeats } from "./body-without-seats.js";
import { electedSeatsExceedPool } from "./elected-seats-exceed-pool.js";
import { negativeWeight } from "./negative-weight.js";
import { baseWithAbsoluteNumber } from "./base-with-absolute-number.js";
import { thresholdAboveTotal } from "./threshold-above-total.js";
import { vetoNamesNoSeat } from "./veto-names-no-seat.js";
import { particularisticPrinciple } from "./particularistic-principle.js";
import { membershipLoop } from "./membership-loop.js";
import { normConflict } from "./norm-conflict.js";
import { ruleNeverPasses } from "./rule-never-passes.js";
import { ruleAlwaysPasses } from "./rule-always-passes.js";
import { nonMonotoneRule } from "./non-monotone-rule.js";
import { scaleTooFine } from "./scale-too-fine.js";
import { bilateralDiscrimination } from "./bilateral-discrimination.js";

/** Checks of the bound model: membership, seats, weights, thresholds, vetoes, principles. */
export const modelChecks: readonly Check[] = [
  tooFewMembers,
  emptyGroup,
  bodyWithoutSeats,
  electedSeatsExceedPool,
  negativeWeight,
  baseWithAbsoluteNumber,
  thresholdAboveTotal,
  vetoNamesNoSeat,
  particularisticPrinciple,
  membershipLoop,
  normConflict,
];

/** Checks that run the lowered rule set through the engine. */
export const engineChecks: readonly Check[] = [ruleNeverPasses, ruleAlwaysPasses, nonMonotoneRule, scaleTooFine, bilateralDiscrimination];

export const allChecks: readonly Check[] = [...modelChecks, ...engineChecks];
