import { describe, expect, it } from "vitest";
import { Engine } from "../../../engine/api/index.js";
import type { Ctx } from "../../../engine/api/context.js";
import { dec } from "../../../engine/kernel/decimal.js";
import { LedgerpaneError } from "../../../engine/kernel/errors.js";
import { GlPoster } from "../../../engine/posting/glPoster.js";
import { fixtureCompany, sameBytes } from "../../helpers/company.js";

/** Design 2: "a ledger that cannot be unbalanced by construction": the G/L writer checks before it writes. */
function ctxOf(engine: Engine): Ctx {
  return { db: engine.db, repo: engine.repo, workDate: engine.workDate, warnings: [], warningDetails: [] };
}

const base = { postingDate: "2025-01-15", documentNo: "TEST-1" };

function glCount(engine: Engine): number {
  return Number(engine.db.all(`SELECT COUNT(*) FROM "glEntry"`)[0]![0]);
}

describe("GlPoster.commit", () => {
  it.each([
    [
      "one cent",
      [
        ["2310", "100.00"],
        ["6110", "-99.99"],
      ],
      "0.01",
    ],
    ["a missing side", [["2310", "1210.00"]], "1210.00"],
    [
      "three lines",
      [
        ["2310", "1210.00"],
        ["6110", "-1000.00"],
        ["5610", "-210.01"],
      ],
      "-0.01",
    ],
  ] as [string, [string, string][], string][])(
    "refuses an unbalanced transaction (%s) and writes nothing",
    async (_label, lines, off) => {
      const engine = await fixtureCompany();
      const glBefore = glCount(engine);
      const registers = Number(engine.db.all(`SELECT COUNT(*) FROM "glRegister"`)[0]![0]);
      const before = engine.export();
      let error: unknown;
      try {
        engine.db.transaction(() => {
          const poster = new GlPoster(ctxOf(engine), "TEST");
          for (const [account, amount] of lines)
            poster.addGl({ ...base, glAccountNo: account, amount: dec(amount) });
          poster.commit();
        });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(LedgerpaneError);
      expect((error as LedgerpaneError).message).toMatch(/does not balance/);
      expect((error as LedgerpaneError).message).toContain(off);
      expect(glCount(engine)).toBe(glBefore);
      expect(engine.db.all(`SELECT 1 FROM "glEntry" WHERE "documentNo" = 'TEST-1'`)).toEqual([]);
      expect(Number(engine.db.all(`SELECT COUNT(*) FROM "glRegister"`)[0]![0])).toBe(registers);
      expect(sameBytes(engine.export(), before)).toBe(true);
      engine.close();
    },
  );

  it("in an empty company, an unbalanced commit leaves no G/L entry at all", async () => {
    const engine = await Engine.create({ workDate: "2025-01-15" });
    expect(() =>
      engine.db.transaction(() => {
        const poster = new GlPoster(ctxOf(engine), "TEST");
        poster.addGl({ ...base, glAccountNo: "2310", amount: dec("10.00") });
        poster.addGl({ ...base, glAccountNo: "6110", amount: dec("-9.00") });
        poster.commit();
      }),
    ).toThrow(/does not balance/);
    expect(glCount(engine)).toBe(0);
    expect(Number(engine.db.all(`SELECT COUNT(*) FROM "glRegister"`)[0]![0])).toBe(0);
    engine.close();
  });

  it("writes a balanced transaction with one transaction No., debit/credit split and a register", async () => {
    const engine = await fixtureCompany();
    const first = Number(engine.db.all(`SELECT COALESCE(MAX("entryNo"), 0) FROM "glEntry"`)[0]![0]) + 1;
    engine.db.transaction(() => {
      const poster = new GlPoster(ctxOf(engine), "TEST");
      poster.addPair(base, "2310", "6110", dec("100.00"));
      poster.addGl({ ...base, glAccountNo: "5610", amount: dec("0") }); // zero lines are not written
      poster.commit();
    });
    const rows = engine.repo.select("glEntry", { documentNo: "TEST-1" });
    expect(
      rows.map((r) => [
        r.entryNo,
        r.glAccountNo,
        r.amount.toFixed(2),
        r.debitAmount.toFixed(2),
        r.creditAmount.toFixed(2),
      ]),
    ).toEqual([
      [first, "2310", "100.00", "100.00", "0.00"],
      [first + 1, "6110", "-100.00", "0.00", "100.00"],
    ]);
    expect(new Set(rows.map((r) => r.transactionNo)).size).toBe(1);
    const register = engine.repo.select("glRegister").at(-1)!;
    expect([register.fromEntryNo, register.toEntryNo]).toEqual([first, first + 1]);
    engine.close();
  });

  it("a balanced commit rolled back by a later failure in the same transaction leaves nothing", async () => {
    const engine = await fixtureCompany();
    const before = engine.export();
    expect(() =>
      engine.db.transaction(() => {
        const poster = new GlPoster(ctxOf(engine), "TEST");
        poster.addPair(base, "2310", "6110", dec("100.00"));
        poster.commit();
        throw new Error("a later writer failed");
      }),
    ).toThrow("a later writer failed");
    expect(sameBytes(engine.export(), before)).toBe(true);
    engine.close();
  });

  it("refuses a second commit of the same transaction", async () => {
    const engine = await fixtureCompany();
    expect(() =>
      engine.db.transaction(() => {
        const poster = new GlPoster(ctxOf(engine), "TEST");
        poster.addPair(base, "2310", "6110", dec("1.00"));
        poster.commit();
        poster.commit();
      }),
    ).toThrow(/committed twice/);
    expect(engine.db.all(`SELECT 1 FROM "glEntry" WHERE "documentNo" = 'TEST-1'`)).toEqual([]);
    engine.close();
  });
});
