import { describe, expect, it } from "vitest";
import type { TrialBalance } from "../../../engine/queries/trialBalance.js";
import { expectOk, fixtureCompany, postS01Invoice } from "../../helpers/company.js";

type Tb = TrialBalance;

/** Issue 7, item 2: a Trial Balance per account for a date range, and names beside account numbers. */
describe("trial balance", () => {
  it("shows S1's invoice per account with debit = credit, and nothing before it", async () => {
    const engine = await fixtureCompany();
    postS01Invoice(engine);
    const tb = expectOk(
      engine.dispatch({ do: "trialBalance", with: { from: "2025-01-15", to: "2025-01-15" } }),
    ) as Tb;
    expect(tb.totals.debit).toBe(tb.totals.credit);
    expect(tb.totals.netChange).toBe("0.00");
    const sales = tb.rows.find((r) => r.no === "6110")!;
    expect(sales).toMatchObject({
      name: "Sales, Retail",
      debit: "0.00",
      credit: "1000.00",
      netChange: "-1000.00",
    });
    // After the invoice date its amounts are the opening balance, and the whole book still sums to zero.
    const before = expectOk(
      engine.dispatch({ do: "trialBalance", with: { from: "2025-01-16", to: "2025-12-31" } }),
    ) as Tb;
    const salesLater = before.rows.find((r) => r.no === "6110")!;
    expect(salesLater).toMatchObject({
      opening: "-1000.00",
      debit: "0.00",
      credit: "0.00",
      closing: "-1000.00",
    });
    expect(before.totals.opening).toBe("0.00");
  });

  it("refuses a range that ends before it starts, naming the field", async () => {
    const engine = await fixtureCompany();
    const res = engine.dispatch({ do: "trialBalance", with: { from: "2025-02-01", to: "2025-01-01" } });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.details[0]?.field).toBe("from");
  });

  it("G/L entries carry their account's name", async () => {
    const engine = await fixtureCompany();
    postS01Invoice(engine);
    const entries = expectOk(
      engine.dispatch({ do: "read", with: { table: "glEntry", where: { glAccountNo: "6110" } } }),
    ) as { rows: { glAccountName: string }[] };
    expect(entries.rows.length).toBeGreaterThan(0);
    expect(entries.rows.every((r) => r.glAccountName === "Sales, Retail")).toBe(true);
  });
});
