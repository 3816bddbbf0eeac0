import { describe, expect, it } from "vitest";
import { tableDef } from "../../../engine/db/schema/index.js";
import { defaultRow } from "../../../engine/setup/defaults.js";
import { getGlSetup, getInventorySetup, getSalesSetup } from "../../../engine/setup/setupTables.js";
import { expectOk, fixtureEngine, newEngine, upsert } from "../master/helpers.js";

describe("set-up singletons", () => {
  it("return schema defaults when nothing was upserted", async () => {
    const engine = await newEngine();
    const gl = getGlSetup(engine.repo);
    expect(gl.primaryKey).toBe("");
    expect(gl.amountRoundingPrecision.toFixed()).toBe("0.01");
    expect(gl.unitAmountRoundingPrecision.toFixed()).toBe("0.00001");
    expect(gl.invoiceRoundingPrecision.toFixed()).toBe("0.01");
    expect(gl.vatRoundingType).toBe("Nearest");
    expect(gl.allowPostingFrom).toBeNull();
    expect(gl.allowPostingTo).toBeNull();
    const sales = getSalesSetup(engine.repo);
    expect(sales.discountPosting).toBe("No Discounts");
    expect(sales.creditWarnings).toBe("Both Warnings");
    expect(sales.orderNos).toBe("");
    expect(sales.calcInvDiscount).toBe(false);
    const inv = getInventorySetup(engine.repo);
    expect(inv.automaticCostAdjustment).toBe("Never");
    expect(inv.outboundWhseHandlingTime).toBe("");
  });

  it.each(["salesReceivablesSetup", "inventorySetup", "generalLedgerSetup"] as const)(
    "%s defaults equal what the database stores for an inserted empty row",
    async (table) => {
      const engine = await newEngine();
      engine.db.transaction(() => engine.repo.insert(table, { primaryKey: "" }));
      const stored = engine.repo.get(table, "")!;
      const defaults = defaultRow(table);
      expect(Object.keys(defaults)).toEqual(tableDef(table)!.columns.map((c) => c.name));
      for (const [field, value] of Object.entries(stored))
        expect([field, String(defaults[field as keyof typeof defaults])]).toEqual([field, String(value)]);
    },
  );

  it("defaultRow hands out copies", () => {
    const a = defaultRow("generalLedgerSetup");
    a.lcyCode = "EUR";
    expect(defaultRow("generalLedgerSetup").lcyCode).toBe("");
  });

  it("return the upserted row once there is one", async () => {
    const engine = await fixtureEngine();
    expect(getSalesSetup(engine.repo).orderNos).toBe("S-ORD");
    expect(getSalesSetup(engine.repo).creditWarnings).toBe("No Warning");
    expect(getInventorySetup(engine.repo).automaticCostPosting).toBe(true);
    expectOk(upsert(engine, "generalLedgerSetup", [{ allowPostingFrom: "2025-01-01" }]));
    expect(getGlSetup(engine.repo).allowPostingFrom).toBe("2025-01-01");
    expect(getGlSetup(engine.repo).amountRoundingPrecision.toFixed()).toBe("0.01");
  });
});
