import { describe, expect, it } from "vitest";
import type { Engine } from "../../../engine/api/index.js";
import { expectOk, fixtureCompany, postS01Invoice } from "../../helpers/company.js";

/** Design 2: every G/L transaction sums to exactly zero, checked on the stored integers. */
function unbalanced(engine: Engine): unknown[][] {
  return engine.db.all(
    `SELECT "transactionNo", SUM("amount") FROM "glEntry" GROUP BY "transactionNo" HAVING SUM("amount") <> 0`,
  );
}

describe("G/L transactions balance", () => {
  it("after the fixture's item journal and the S1 invoice", async () => {
    const engine = await fixtureCompany();
    postS01Invoice(engine);
    const transactions = engine.db.all(`SELECT DISTINCT "transactionNo" FROM "glEntry"`);
    expect(transactions.length).toBeGreaterThanOrEqual(2);
    expect(unbalanced(engine)).toEqual([]);
    // debit and credit columns agree with the signed amount on every row
    expect(
      engine.db.all(
        `SELECT "entryNo" FROM "glEntry" WHERE "debitAmount" - "creditAmount" <> "amount" OR "debitAmount" < 0 OR "creditAmount" < 0`,
      ),
    ).toEqual([]);
    // S1: the invoice's own transaction, 1210.00 debit against 1000.00 + 210.00 credit, plus COGS
    const [debit, credit] = engine.db
      .all(`SELECT SUM("debitAmount"), SUM("creditAmount") FROM "glEntry" WHERE "documentNo" = '103001'`)[0]!
      .map((v) => BigInt(v as number | bigint));
    expect(debit).toBe(credit);
    expect(debit).toBe(121000n + 60000n); // receivable 1210.00 + COGS 600.00, in minor units
    engine.close();
  });

  it("after several postings with two VAT rates, partial quantities and an invoice discount", async () => {
    const engine = await fixtureCompany();
    postS01Invoice(engine);
    expectOk(
      engine.dispatch({
        do: "upsert",
        with: { table: "salesReceivablesSetup", rows: [{ calcInvDiscount: true }] },
      }),
    );
    expectOk(
      engine.dispatch({
        do: "upsert",
        with: {
          table: "custInvoiceDisc",
          rows: [{ code: "C20000", currencyCode: "", minimumAmount: "0", discountPct: "5" }],
        },
      }),
    );
    for (const lines of [
      [
        { type: "Item", no: "1001", quantity: 3, unitPrice: "33.33" },
        { type: "Item", no: "1002", quantity: 7, unitPrice: "15.55" },
      ],
      [
        { type: "Item", no: "1001", quantity: 1, unitPrice: "0.01" },
        { type: "Item", no: "1002", quantity: 3, unitPrice: "0.03", lineDiscountPct: 33 },
        { type: "Item", no: "1001", quantity: 1.5, unitPrice: "19.99999" },
      ],
    ]) {
      const doc = expectOk(
        engine.dispatch({
          do: "createSalesDocument",
          with: { documentType: "Invoice", sellToCustomerNo: "C20000", postingDate: "2025-01-15", lines },
        }),
      ) as { no: string };
      expectOk(engine.dispatch({ do: "postSalesDocument", with: { documentType: "Invoice", no: doc.no } }));
    }
    expect(
      Number(engine.db.all(`SELECT COUNT(DISTINCT "transactionNo") FROM "glEntry"`)[0]![0]),
    ).toBeGreaterThanOrEqual(4);
    expect(unbalanced(engine)).toEqual([]);
    engine.close();
  });
});
