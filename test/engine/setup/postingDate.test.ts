import { describe, expect, it } from "vitest";
import { LedgerpaneError } from "../../../engine/kernel/errors.js";
import { assertPostingDate, checkPostingDate } from "../../../engine/setup/postingDate.js";
import { expectOk, newEngine, upsert } from "../master/helpers.js";

const NOT_ALLOWED = "Posting Date is not within your range of allowed posting dates.";

const cases: { from: string | null; to: string | null; date: string | null; expected: string | null }[] = [
  { from: null, to: null, date: "2025-01-15", expected: null },
  { from: null, to: null, date: null, expected: "Posting Date must have a value." },
  { from: "2025-01-01", to: null, date: "2025-01-01", expected: null },
  { from: "2025-01-01", to: null, date: "2024-12-31", expected: NOT_ALLOWED },
  { from: null, to: "2025-01-31", date: "2025-01-31", expected: null },
  { from: null, to: "2025-01-31", date: "2025-02-01", expected: NOT_ALLOWED },
  { from: "2025-01-01", to: "2025-01-31", date: "2025-01-15", expected: null },
  { from: "2025-01-01", to: "2025-01-31", date: "2025-03-01", expected: NOT_ALLOWED },
  { from: "2025-02-01", to: "2025-02-01", date: "2025-01-15", expected: NOT_ALLOWED },
];

describe("checkPostingDate (spec 7.8)", () => {
  it("allows any date when no General Ledger Setup exists", async () => {
    const engine = await newEngine();
    expect(checkPostingDate(engine.repo, "1999-12-31")).toBeNull();
  });

  it.each(cases)("from $from to $to, date $date → $expected", async ({ from, to, date, expected }) => {
    const engine = await newEngine();
    expectOk(upsert(engine, "generalLedgerSetup", [{ allowPostingFrom: from, allowPostingTo: to }]));
    expect(checkPostingDate(engine.repo, date)).toBe(expected);
  });

  it("assertPostingDate throws a posting error carrying the caller's detail", async () => {
    const engine = await newEngine();
    expectOk(upsert(engine, "generalLedgerSetup", [{ allowPostingFrom: "2025-02-01" }]));
    expect(() => assertPostingDate(engine.repo, "2025-02-01")).not.toThrow();
    try {
      assertPostingDate(engine.repo, "2025-01-15", { table: "salesHeader", documentNo: "SI1001" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LedgerpaneError);
      const err = e as LedgerpaneError;
      expect(err.code).toBe("posting");
      expect(err.details).toEqual([
        { message: NOT_ALLOWED, field: "postingDate", table: "salesHeader", documentNo: "SI1001" },
      ]);
    }
  });
});
