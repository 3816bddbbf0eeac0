import { describe, expect, it } from "vitest";
import { expectOk, fixtureCompany } from "../../helpers/company.js";

/** Issue 6, item 2: no invalid date reaches a document or the append-only customer ledger. */
describe("payment terms that would leave the calendar", () => {
  it("a due date formula of 999999999D is refused at the payment terms code, and nothing is written", async () => {
    const engine = await fixtureCompany();
    expectOk(
      engine.dispatch({
        do: "upsert",
        with: {
          table: "paymentTerms",
          rows: [{ code: "FOREVER", dueDateCalculation: "999999999D", discountDateCalculation: "" }],
        },
      }),
    );
    expectOk(
      engine.dispatch({
        do: "upsert",
        with: { table: "customer", rows: [{ no: "C10000", paymentTermsCode: "FOREVER" }] },
      }),
    );
    const before = engine.export();
    const res = engine.dispatch({
      do: "createSalesDocument",
      with: { documentType: "Invoice", sellToCustomerNo: "C10000", documentDate: "2025-01-15" },
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.message).toContain("999999999D");
    expect(res.error.message).not.toMatch(/NaN/);
    expect(res.error.details.some((d) => d.field === "paymentTermsCode")).toBe(true);
    expect(engine.export()).toEqual(before);
  });

  it("a document dated in the year 99 gets its due date in the year 100, not in 2000", async () => {
    const engine = await fixtureCompany();
    const created = expectOk(
      engine.dispatch({
        do: "createSalesDocument",
        with: { documentType: "Invoice", sellToCustomerNo: "C10000", documentDate: "0099-12-25" },
      }),
    ) as { no: string };
    const header = expectOk(
      engine.dispatch({ do: "read", with: { table: "salesHeader", where: { no: created.no } } }),
    ) as { rows: { dueDate: string }[] };
    expect(header.rows[0]?.dueDate).toBe("0100-01-08");
  });
});
