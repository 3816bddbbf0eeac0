import { describe, expect, it } from "vitest";
import type { CellValue } from "../../addin/gateway/cells.js";
import type { MemoryWorkbook } from "../../addin/gateway/memory-workbook.js";
import { answering, orderOf10 } from "./session-helpers.js";

function column(workbook: MemoryWorkbook, table: string, header: string): CellValue[] {
  const t = workbook.table(table)!;
  const sheet = workbook.requireSheet(t.sheet);
  const j = t.columns.findIndex((c) => c.header === header);
  expect(j).toBeGreaterThanOrEqual(0);
  return Array.from({ length: t.rowCount }, (_, r) => workbook.get(sheet, t.top.row + 1 + r, t.top.col + j));
}

describe("names beside numbers", () => {
  it("the G/L entries sheet and the preview show the account name beside its number", async () => {
    const { session, workbook, doc } = await orderOf10();
    await session.previewPosting(doc, "shipAndInvoice");
    const preview = session.state.entries!.tables["glEntry"]!;
    expect(preview.map((r) => [r["glAccountNo"], r["glAccountName"]])).toContainEqual([
      "7190",
      "Cost of Goods Sold",
    ]);
    expect(preview.every((r) => typeof r["glAccountName"] === "string" && r["glAccountName"] !== "")).toBe(
      true,
    );

    answering(session, () => true);
    await session.postDocument(doc, "shipAndInvoice");
    const nos = column(workbook, "lpGlEntries", "G/L Account No.");
    const names = column(workbook, "lpGlEntries", "G/L Account Name");
    expect(names[nos.indexOf("2310")]).toBe("Customers, Domestic");
    expect(names[nos.indexOf("6110")]).toBe("Sales, Retail");
    const customers = column(workbook, "lpCustLedgerEntries", "Customer No.");
    expect(customers.length).toBeGreaterThan(0);
    const customerNames = column(workbook, "lpCustLedgerEntries", "Customer Name");
    customers.forEach((no, i) => expect([no, customerNames[i]]).toEqual(["C10000", "Adatum Corporation"]));
    const items = column(workbook, "lpItemLedgerEntries", "Item No.");
    const descriptions = column(workbook, "lpItemLedgerEntries", "Item Description");
    expect(items.length).toBeGreaterThan(0);
    expect(descriptions[items.indexOf("1000")]).toBe("Bicycle");
  });
});
