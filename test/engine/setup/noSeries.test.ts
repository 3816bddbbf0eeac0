import { describe, expect, it } from "vitest";
import type { Engine } from "../../../engine/api/index.js";
import { LedgerpaneError } from "../../../engine/kernel/errors.js";
import {
  getNextNo,
  isDefaultNoAllowed,
  isManualNoAllowed,
  peekNextNo,
} from "../../../engine/setup/noSeries.js";
import { compareNos, incrementNo } from "../../../engine/setup/noText.js";
import { expectOk, expectUnchanged, newEngine, upsert } from "../master/helpers.js";

async function withSeries(row: Record<string, unknown>): Promise<Engine> {
  const engine = await newEngine();
  expectOk(upsert(engine, "noSeries", [{ code: "T", ...row }]));
  return engine;
}

function next(engine: Engine, date: string | null = "2025-01-15", warnings?: string[]): string {
  return engine.db.transaction(() => getNextNo(engine.repo, "T", date, warnings));
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof LedgerpaneError) return e.message;
    throw e;
  }
  return "no error";
}

describe("number texts", () => {
  it.each([
    ["SO1001", 1, "SO1002"],
    ["IJ00009", 1, "IJ00010"],
    ["S-INV100001", 1, "S-INV100002"],
    ["102001", 10, "102011"],
    ["A9", 1, "A10"],
    ["X099-A", 1, "X100-A"],
  ] as const)("incrementNo(%s, %i) = %s", (no, by, expected) => {
    expect(incrementNo(no, by)).toBe(expected);
  });

  it("compares numeric parts of the same prefix numerically", () => {
    expect(compareNos("SO10000", "SO9999")).toBeGreaterThan(0);
    expect(compareNos("SO1001", "SO1001")).toBe(0);
    expect(compareNos("SO0999", "SO1000")).toBeLessThan(0);
  });
});

describe("getNextNo", () => {
  it("first use returns Starting No., then counts on, keeping padding and length", async () => {
    const engine = await withSeries({ startingNo: "IJ00008" });
    expect([next(engine), next(engine), next(engine)]).toEqual(["IJ00008", "IJ00009", "IJ00010"]);
    const row = engine.repo.get("noSeries", "T")!;
    expect(row.lastNoUsed).toBe("IJ00010");
    expect(row.lastDateUsed).toBe("2025-01-15");
  });

  it("uses Increment-by No.", async () => {
    const engine = await withSeries({ startingNo: "SO1001", incrementByNo: 10 });
    expect([next(engine), next(engine)]).toEqual(["SO1001", "SO1011"]);
  });

  it("continues from Last No. Used", async () => {
    const engine = await withSeries({ startingNo: "SO1001", lastNoUsed: "SO1041" });
    expect(next(engine)).toBe("SO1042");
  });

  it("a null usage date keeps Last Date Used", async () => {
    const engine = await withSeries({ startingNo: "SO1001", lastDateUsed: "2025-01-10" });
    expect(next(engine, null)).toBe("SO1001");
    expect(engine.repo.get("noSeries", "T")!.lastDateUsed).toBe("2025-01-10");
  });

  it("refuses to pass the Ending No., leaving the series as it was", async () => {
    const engine = await withSeries({ startingNo: "SO1001", endingNo: "SO1002" });
    expect([next(engine), next(engine)]).toEqual(["SO1001", "SO1002"]);
    expectUnchanged(engine, () =>
      expect(errorOf(() => next(engine))).toBe(
        "You cannot assign new numbers from the number series T on 2025-01-15. The series ends at SO1002.",
      ),
    );
    expect(errorOf(() => peekNextNo(engine.repo, "T", null))).toBe(
      "You cannot assign new numbers from the number series T. The series ends at SO1002.",
    );
  });

  it("warns from the Warning No. on", async () => {
    const engine = await withSeries({ startingNo: "SO1001", warningNo: "SO1002", endingNo: "SO1003" });
    const warnings: string[] = [];
    next(engine, "2025-01-15", warnings);
    expect(warnings).toEqual([]);
    next(engine, "2025-01-15", warnings);
    next(engine, "2025-01-15", warnings);
    expect(warnings).toEqual([
      "The number series T has reached its warning number SO1002: SO1002 was assigned; the series ends at SO1003.",
      "The number series T has reached its warning number SO1002: SO1003 was assigned; the series ends at SO1003.",
    ]);
  });

  it("Date Order refuses a date before the last one used; without it any date is fine", async () => {
    const ordered = await withSeries({ startingNo: "SO1001", dateOrder: true });
    next(ordered, "2025-01-20");
    expect(next(ordered, "2025-01-20")).toBe("SO1002");
    expectUnchanged(ordered, () =>
      expect(errorOf(() => next(ordered, "2025-01-19"))).toBe(
        "You cannot assign new numbers from the number series T on a date before 2025-01-20.",
      ),
    );
    const free = await withSeries({ startingNo: "SO1001" });
    next(free, "2025-01-20");
    expect(next(free, "2025-01-19")).toBe("SO1002");
  });

  it("unknown and blank series codes", async () => {
    const engine = await newEngine();
    expect(errorOf(() => engine.db.transaction(() => getNextNo(engine.repo, "NOPE", null)))).toBe(
      "The No. Series 'NOPE' does not exist.",
    );
    expect(errorOf(() => engine.db.transaction(() => getNextNo(engine.repo, "", null)))).toBe(
      "You must specify a number series.",
    );
  });

  it("allocates only inside a transaction, and a rolled-back transaction gives the number back", async () => {
    const engine = await withSeries({ startingNo: "SO1001" });
    expect(errorOf(() => getNextNo(engine.repo, "T", null))).toBe(
      "Numbers can only be allocated inside the command's transaction.",
    );
    expect(() =>
      engine.db.transaction(() => {
        getNextNo(engine.repo, "T", null);
        throw new Error("posting failed");
      }),
    ).toThrow("posting failed");
    expect(next(engine)).toBe("SO1001");
  });

  it("peekNextNo does not allocate", async () => {
    const engine = await withSeries({ startingNo: "SO1001" });
    expectUnchanged(engine, () => expect(peekNextNo(engine.repo, "T", "2025-01-15")).toBe("SO1001"));
    next(engine);
    expect(peekNextNo(engine.repo, "T")).toBe("SO1002");
  });

  it("Manual Nos. and Default Nos.", async () => {
    const engine = await newEngine();
    expectOk(
      upsert(engine, "noSeries", [
        { code: "M", startingNo: "M1" },
        { code: "A", startingNo: "A1", manualNos: false, defaultNos: false },
      ]),
    );
    expect(isManualNoAllowed(engine.repo, "M")).toBe(true);
    expect(isManualNoAllowed(engine.repo, "A")).toBe(false);
    expect(isManualNoAllowed(engine.repo, "")).toBe(true);
    expect(isDefaultNoAllowed(engine.repo, "M")).toBe(true);
    expect(isDefaultNoAllowed(engine.repo, "A")).toBe(false);
    expect(errorOf(() => isManualNoAllowed(engine.repo, "X"))).toBe("The No. Series 'X' does not exist.");
  });
});
