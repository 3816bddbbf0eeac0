import { describe, expect, it } from "vitest";
import type { Engine } from "../../../engine/api/index.js";
import { stockoutWarning } from "../../../engine/documents/availability.js";
import { expectOk, fixtureCompany } from "../../helpers/company.js";

/** Issue 7, item 3: BC's stock-out warning (Sales & Receivables Setup "Stockout Warning"), never blocking. */
async function withStockoutWarning(on = true): Promise<Engine> {
  const engine = await fixtureCompany();
  expectOk(
    engine.dispatch({
      do: "upsert",
      with: { table: "salesReceivablesSetup", rows: [{ stockoutWarning: on }] },
    }),
  );
  return engine;
}

function inventoryOf(engine: Engine, no: string): string {
  const r = expectOk(engine.dispatch({ do: "read", with: { table: "item", where: { no } } })) as {
    rows: { inventory: string }[];
  };
  return r.rows[0]!.inventory;
}

interface Warned {
  no: string;
  warnings: string[];
  warningDetails: { lineNo?: number; field?: string; documentNo?: string }[];
}

const order = (engine: Engine, quantity: number | string, shipmentDate = "2025-01-20") =>
  expectOk(
    engine.dispatch({
      do: "createSalesDocument",
      with: {
        documentType: "Order",
        sellToCustomerNo: "C10000",
        shipmentDate,
        lines: [{ type: "Item", no: "1000", quantity }],
      },
    }),
  ) as Warned;

describe("stock-out warning", () => {
  it("warns at the Quantity cell when a line asks for more than is on hand, and still creates the order", async () => {
    const engine = await withStockoutWarning();
    const onHand = inventoryOf(engine, "1000");
    const res = order(engine, 500);
    expect(Number(onHand)).toBeLessThan(500);
    expect(res.warnings).toContain(stockoutWarning("1000"));
    expect(res.warningDetails).toContainEqual(
      expect.objectContaining({ documentNo: res.no, lineNo: 10000, field: "quantity" }),
    );
  });

  it("says nothing while the quantity is available, or when the set-up says not to check", async () => {
    const engine = await withStockoutWarning();
    expect(order(engine, 1).warnings).not.toContain(stockoutWarning("1000"));
    const off = await withStockoutWarning(false);
    expect(order(off, 500).warnings).toEqual([]);
  });

  it("counts what earlier-shipping orders already need (BC's gross requirement), not later ones", async () => {
    const engine = await withStockoutWarning();
    const onHand = inventoryOf(engine, "1000");
    // An order for all but one unit ships on the 20th.
    const all = String(Number(onHand) - 1);
    expect(order(engine, all, "2025-01-20").warnings).toEqual([]);
    // Two more shipping on the 25th: only one is left by then.
    expect(order(engine, 2, "2025-01-25").warnings).toContain(stockoutWarning("1000"));
    // Two shipping on the 18th, before the big order: the stock is there on that date.
    expect(order(engine, 1, "2025-01-18").warnings).toEqual([]);
  });

  it("checks again when the quantity changes, not when Qty. to Ship does", async () => {
    const engine = await withStockoutWarning();
    const res = order(engine, 1);
    const more = expectOk(
      engine.dispatch({
        do: "updateSalesLine",
        with: { documentType: "Order", no: res.no, lineNo: 10000, quantity: 100000 },
      }),
    ) as Warned;
    expect(more.warningDetails).toContainEqual(expect.objectContaining({ lineNo: 10000, field: "quantity" }));
    const toShip = expectOk(
      engine.dispatch({
        do: "updateSalesLine",
        with: { documentType: "Order", no: res.no, lineNo: 10000, qtyToShip: 1 },
      }),
    ) as Warned;
    expect(toShip.warnings).toEqual([]);
  });
});
