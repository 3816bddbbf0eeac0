import { describe, expect, it } from "vitest";
import { commandsOf, Engine, LedgerpaneError } from "../../engine/api/index.js";
import { COMMANDS } from "../../engine/api/commands.js";

describe("typed facade", () => {
  it("covers every command the engine knows", async () => {
    const engine = await Engine.create({ workDate: "2025-01-15" });
    expect(Object.keys(commandsOf(engine)).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it("returns the dispatch result and throws the dispatch error", async () => {
    const engine = await Engine.create({ workDate: "2025-01-15" });
    const api = commandsOf(engine);
    expect(api.upsert({ table: "unitOfMeasure", rows: [{ code: "PCS" }] })).toEqual({ count: 1 });
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
