import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../addin/gateway/cells.js";
import type { MemoryWorkbook } from "../../addin/gateway/memory-workbook.js";
import { answering, orderOf10 } from "./session-helpers.js";

function tableRows(workbook: MemoryWorkbook, table: string): Record<string, CellValue>[] {
  const t = workbook.table(table)!;
  const sheet = workbook.requireSheet(t.sheet);
  const headers = t.columns.map((c) => c.header);
  const out: Record<string, CellValue>[] = [];
  for (let r = 0; r < t.rowCount; r++) {
    const row: Record<string, CellValue> = {};
    headers.forEach((h, j) => (row[h] = workbook.get(sheet, t.top.row + 1 + r, t.top.col + j)));
    out.push(row);
  }
  return out;
}

const money = (v: CellValue | undefined) => new Decimal(String(v ?? "0")).toFixed(2);

describe("Chart of Accounts and Trial Balance sheets", () => {
  it("are written after a posting, with names and a total line whose debit equals credit", async () => {
    const { session, workbook, doc } = await orderOf10();
    answering(session, () => true);
    await session.postDocument(doc, "shipAndInvoice");

    const tb = tableRows(workbook, "lpTrialBalance");
    const total = tb[tb.length - 1]!;
    expect(total["Name"]).toBe("Total 2025-01-01 to 2025-01-15");
    expect(money(total["Debit Amount"])).toBe(money(total["Credit Amount"]));
    const debitSum = tb.slice(0, -1).reduce((s, r) => s.plus(money(r["Debit Amount"])), new Decimal(0));
    expect(debitSum.toFixed(2)).toBe(money(total["Debit Amount"]));
    const moved = tb
      .slice(0, -1)
      .filter((r) => money(r["Debit Amount"]) !== "0.00" || money(r["Credit Amount"]) !== "0.00")
      .map((r) => [
        r["No."],
        r["Name"],
        money(r["Debit Amount"]),
        money(r["Credit Amount"]),
        money(r["Closing Balance"]),
      ]);
    // The demo company's opening stock (2,600.00) and the order: 10 × 100.00 + 21% VAT, cost 600.00.
    expect(moved).toEqual([
      ["2110", "Inventory, Resale", "2600.00", "600.00", "2000.00"],
      ["2310", "Customers, Domestic", "1210.00", "0.00", "1210.00"],
      ["5610", "Sales VAT 21%", "0.00", "210.00", "-210.00"],
      ["6110", "Sales, Retail", "0.00", "1000.00", "-1000.00"],
      ["7170", "Direct Cost Applied, Retail", "0.00", "1200.00", "-1200.00"],
      ["7180", "Inventory Adjustment, Retail", "0.00", "1400.00", "-1400.00"],
      ["7190", "Cost of Goods Sold", "600.00", "0.00", "600.00"],
    ]);
    expect(money(total["Debit Amount"])).toBe("4410.00");

    const coa = tableRows(workbook, "lpChartOfAccounts");
    expect(coa.find((r) => r["No."] === "2310")).toMatchObject({
      Name: "Customers, Domestic",
      "Account Type": "Posting",
      "Net Change": "1210.00",
      Balance: "1210.00",
    });
    expect(coa[coa.length - 1]!["Name"]).toBe("Total");
    expect(money(coa[coa.length - 1]!["Balance"])).toBe("0.00");
  });
});
