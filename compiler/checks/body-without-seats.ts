// A body must seat someone: without seats no rule of it can be voted on.
import type { Check } from "./check.js";

export const bodyWithoutSeats: Check = {
  name: "body-without-seats",
  run: (ctx) => {
    for (const inst of ctx.model.institutions.values()) {
      for (const body of inst.bodies.values()) {
        if (body.seats.length > 0 || body.name === "" || body.decl.items.some((i) => i.kind === "seats")) continue;
        ctx.report("SeatCountInvalid", body.file, body.decl.name.span, ["at least one seat: add `seats: members`, a seat class or elected seats"]);
      }
    }
  },
};
