import { describe, expect, it } from "vitest";
import { commandsOf, Engine, LedgerpaneError } from "../../engine/api/index.js";
import { COMMANDS } from "../../engine/api/commands.js";
import { fixtureCompany, postS01Invoice } from "../helpers/company.js";

describe("typed facade", () => {
  it("covers every command the engine knows", async () => {
    const engine = await Engine.create({ workDate: "2025-01-15" });
    expect(Object.keys(commandsOf(engine)).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it("returns the dispatch result and throws the dispatch error", async () => {
    const engine = await Engine.create({ workDate: "2025-01-15" });
    const api = commandsOf(engine);
    expect(api.upsert({ table: "unitOfMeasure", rows: [{ code: "PCS" }] })).toEqual({
      count: 1,
      warnings: [],
      warningDetails: [],
    });
    expect(api.read({ table: "unitOfMeasure" }).rows).toEqual([{ code: "PCS", description: "" }]);
    expect(() => api.upsert({ table: "customer", rows: [{ no: "C1", creditLimitLcy: "abc" }] })).toThrow(
      LedgerpaneError,
    );
    try {
      api.upsert({ table: "customer", rows: [{ no: "C1", creditLimitLcy: "abc" }] });
    } catch (e) {
      expect((e as LedgerpaneError).details[0]).toMatchObject({ table: "customer", field: "creditLimitLcy" });
    }
  });
});

describe("read", () => {
  it("reads entries from a key on, for hosts that refresh ledgers incrementally", async () => {
    const engine = await fixtureCompany();
    const api = commandsOf(engine);
    const before = api.read({ table: "glEntry" }).rows.length;
    postS01Invoice(engine);
    const fresh = api.read({ table: "glEntry", fromKey: before + 1 }).rows;
    expect(fresh.map((r) => [r.glAccountNo, r.amount])).toEqual(
      expect.arrayContaining([
        ["6110", "-1000.00"],
        ["5610", "-210.00"],
        ["2310", "1210.00"],
      ]),
    );
    expect(fresh.every((r) => (r.entryNo as number) > before)).toBe(true);
    expect(() => api.read({ table: "glEntry", fromKey: -1 })).toThrow("whole number");
  });
});
