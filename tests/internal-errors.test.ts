// A bug inside the compiler is reported as MLAT4001 with a non-zero exit, never thrown at the user.
import { describe, expect, it } from "vitest";
import { check } from "../compiler/index.js";

describe("internal errors", () => {
  it("a failing source host becomes an MLAT4001 diagnostic instead of an exception", () => {
    const host = {
      readFile(): string {
        throw new Error("disk on fire");
      },
    };
    const r = check({ host: host, entries: ["x.mlat"] });
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([["MLAT4001", "internal error: disk on fire"]]);
  });
});
