import { describe, expect, it } from "vitest";
import { Engine } from "../../../engine/api/index.js";
import { expectOk, fixtureCompany } from "../../helpers/company.js";

/** An invoice for C10000 with one line of item 1000; the response as dispatch gives it. */
const invoiceOf = (engine: Engine, quantity: number, unitPrice: string) =>
  engine.dispatch({
    do: "createSalesDocument",
    with: {
      documentType: "Invoice",
      sellToCustomerNo: "C10000",
      lines: [{ type: "Item", no: "1000", quantity, unitPrice }],
    },
  });

/** Issue 6, item 3: limits per column so that no sum can overflow, and sums that cannot throw. */
describe("amount and quantity limits", () => {
  it("refuses 1000 × 50,000,000,000,000 at the command boundary, naming the field (it used to break reads for good)", async () => {
    const engine = await fixtureCompany();
    const before = engine.export();
    const res = invoiceOf(engine, 1000, "50000000000000");
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(["input", "validation"]).toContain(res.error.code);
    expect(res.error.message).toContain("at most 999,999,999.99999");
    expect(res.error.details.some((d) => d.field === "unitPrice")).toBe(true);
    expect(engine.export()).toEqual(before);
    expectOk(engine.dispatch({ do: "read", with: { table: "customer" } }));
  });

  it("refuses a line whose computed amount passes the limit at the Quantity cell, not at a computed column", async () => {
    const engine = await fixtureCompany();
    const res = invoiceOf(engine, 100000, "999999999");
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.message).toMatch(
      /^Line Amount would be 99,999,999,900,000\.00: Ledgerpane stores amounts up to 999,999,999,999\.99\. Change the Quantity\.$/,
    );
    expect(res.error.details[0]).toMatchObject({ field: "quantity", lineNo: 10000 });
  });

  it("accepts the largest amount a column holds and computes it exactly", async () => {
    const engine = await fixtureCompany();
    const created = expectOk(invoiceOf(engine, 1000, "826446280.99173")) as { no: string };
    const line = expectOk(
      engine.dispatch({ do: "read", with: { table: "salesLine", where: { documentNo: created.no } } }),
    ) as { rows: { lineAmount: string; amountIncludingVat: string }[] };
    expect(line.rows[0]?.lineAmount).toBe("826446280991.73");
    // 21 % VAT brings it to the last cent a column holds.
    expect(line.rows[0]?.amountIncludingVat).toBe("999999999999.99");
  });
});

describe("ledger sums cannot overflow", () => {
  it("a G/L account whose entries sum past 2^63 scaled units still reads, exactly", async () => {
    const engine = await Engine.create({ workDate: "2025-01-15" });
    expectOk(
      engine.dispatch({
        do: "upsert",
        with: { table: "glAccount", rows: [{ no: "1000", name: "Big", accountType: "Posting" }] },
      }),
    );
    // 100,000 entries of the largest amount: 9.99·10^18 minor units, past SQLite's 9.22·10^18.
    const n = 100_000;
    engine.db.transaction(() => {
      engine.db.exec(
        `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < ${n})
         INSERT INTO "glEntry" ("entryNo", "glAccountNo", "amount") SELECT i, '1000', 99999999999999 FROM k`,
      );
    });
    const res = expectOk(
      engine.dispatch({ do: "read", with: { table: "glAccount", where: { no: "1000" } } }),
    ) as { rows: { balance: string; netChange: string }[] };
    expect(res.rows[0]?.balance).toBe("99999999999999000.00");
    // Verify books sums the same ledger: it reports (these rows belong to no register), never throws.
    const verified = expectOk(engine.dispatch({ do: "verifyBooks", with: {} })) as { ok: boolean };
    expect(verified.ok).toBe(false);
  });
});
