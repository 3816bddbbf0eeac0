import { describe, expect, it } from "vitest";
import { expectOk, fixtureCompany } from "../../helpers/company.js";

/** Issue 7, item 9: master data saved without what a sale needs says so (never refused). */
describe("customers and items that cannot be used yet", () => {
  it("an item without posting groups or unit of measure is saved with a warning naming what is missing", async () => {
    const engine = await fixtureCompany();
    const res = expectOk(
      engine.dispatch({
        do: "upsert",
        with: { table: "item", rows: [{ no: "2000", description: "Saddle", type: "Inventory" }] },
      }),
    ) as { count: number; warnings: string[]; warningDetails: { field?: string; key?: unknown }[] };
    expect(res.count).toBe(1);
    expect(res.warnings).toEqual([
      "Item 2000 cannot be sold yet: Base Unit of Measure, Gen. Prod. Posting Group, VAT Prod. Posting Group, Inventory Posting Group have no value.",
    ]);
    expect(res.warningDetails[0]).toMatchObject({ field: "baseUnitOfMeasure", key: { no: "2000" } });
  });

  it("a customer without posting groups is saved with a warning; a complete one without", async () => {
    const engine = await fixtureCompany();
    const bare = expectOk(
      engine.dispatch({ do: "upsert", with: { table: "customer", rows: [{ no: "C40000", name: "Bare" }] } }),
    ) as { warnings: string[] };
    expect(bare.warnings[0]).toMatch(/^Customer C40000 cannot be invoiced yet: Customer Posting Group/);
    const full = expectOk(
      engine.dispatch({
        do: "upsert",
        with: { table: "customer", rows: [{ no: "C10000", name: "Renamed" }] },
      }),
    ) as { warnings: string[] };
    expect(full.warnings).toEqual([]);
  });

  it("accepts a percentage typed with its sign: Line Discount % of '5%' is 5", async () => {
    const engine = await fixtureCompany();
    const created = expectOk(
      engine.dispatch({
        do: "createSalesDocument",
        with: {
          documentType: "Invoice",
          sellToCustomerNo: "C10000",
          lines: [{ type: "Item", no: "1000", quantity: 1, unitPrice: "100", lineDiscountPct: "5%" }],
        },
      }),
    ) as { no: string };
    const lines = expectOk(
      engine.dispatch({ do: "read", with: { table: "salesLine", where: { documentNo: created.no } } }),
    ) as { rows: { lineDiscountPct: string; lineAmount: string }[] };
    expect(lines.rows[0]).toMatchObject({ lineDiscountPct: "5", lineAmount: "95.00" });
  });
});
