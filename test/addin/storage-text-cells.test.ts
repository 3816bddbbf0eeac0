import { describe, expect, it } from "vitest";
import { MemoryGateway } from "../../addin/gateway/memory-gateway.js";
import {
  CUSTOMERS,
  HEADER_FIELDS,
  HEADER_FIRST_ROW,
  ITEMS,
  LINE_COLUMNS,
  LEDGERS,
} from "../../addin/sheets/layouts.js";
import { writeListSheet } from "../../addin/sheets/list-sheet.js";
import { writeDocumentSheet } from "../../addin/sheets/document-sheet.js";

/**
 * Excel's Range.values (and typing) takes text starting with `=`, `+`, `-` or `@` as a formula
 * unless the cell is text-formatted; the in-memory workbook plays the same rule. Names,
 * addresses, descriptions and external document numbers must come back exactly as written or typed.
 */
const TRICKY = ["-20% promo", "=HYPERLINK(1)", "+44 20 7946 0000", "@home"];

describe("text that looks like a formula stays text", () => {
  it("the in-memory workbook plays Excel's rule: formula-like text in a General cell becomes a formula", async () => {
    const gw = new MemoryGateway();
    await gw.ensureSheet("S");
    const s = gw.workbook.requireSheet("S");
    ["-20% promo", "-20", "-1,000.50", "=x", "@home", "+5"].forEach((v, col) =>
      gw.workbook.userSetCell("S", { row: 0, col }, v),
    );
    gw.workbook.setStyle(s, { row: 1, col: 0 }, { numberFormat: "@" });
    gw.workbook.userSetCell("S", { row: 1, col: 0 }, "-20% promo");
    expect(await gw.readRange("S", { row: 0, col: 0 }, 2, 6)).toEqual([
      ["#NAME?", "-20", "-1,000.50", "#NAME?", "#NAME?", "+5"],
      ["-20% promo", "", "", "", "", ""],
    ]);
  });

  it("the gateways write formula-like text into a text-formatted cell, wherever it goes", async () => {
    const gw = new MemoryGateway();
    await gw.ensureSheet("S");
    await gw.writeRange("S", { row: 0, col: 0 }, [["-20% promo", "-20"]]);
    await gw.writeRange("S", { row: 1, col: 0 }, [["=x", "-20"]], {
      numberFormats: [["#,##0.00", "#,##0.00"]],
    });
    expect(await gw.readRange("S", { row: 0, col: 0 }, 2, 2)).toEqual([
      ["-20% promo", "-20"],
      ["=x", "-20"],
    ]);
    const s = gw.workbook.requireSheet("S");
    expect(gw.workbook.formatAt(s, { row: 1, col: 0 })).toBe("@");
    expect(gw.workbook.formatAt(s, { row: 1, col: 1 })).toBe("#,##0.00");
  });

  it("keeps customer names, addresses and cities, item descriptions and ledger descriptions as written", async () => {
    const gw = new MemoryGateway();
    const customers = TRICKY.map((t, i) => ({
      values: { no: `C${i}`, name: t, address: t, city: t },
      errors: [],
    }));
    await writeListSheet(gw, CUSTOMERS, customers);
    const c = (await gw.readTable(CUSTOMERS.table))!;
    const col = (layout: { columns: { field: string }[] }, f: string) =>
      layout.columns.findIndex((x) => x.field === f);
    for (const [i, t] of TRICKY.entries())
      for (const f of ["name", "address", "city"]) expect(c.rows[i]![col(CUSTOMERS, f)], f).toBe(t);

    await writeListSheet(
      gw,
      ITEMS,
      TRICKY.map((t, i) => ({ values: { no: `I${i}`, description: t }, errors: [] })),
    );
    const items = (await gw.readTable(ITEMS.table))!;
    expect(items.rows.map((r) => r[col(ITEMS, "description")])).toEqual(TRICKY);

    const gl = LEDGERS[0]!;
    await writeListSheet(
      gw,
      gl,
      TRICKY.map((t, i) => ({ values: { entryNo: i + 1, description: t, amount: "-20.00" }, errors: [] })),
    );
    const entries = (await gw.readTable(gl.table))!;
    expect(entries.rows.map((r) => r[col(gl, "description")])).toEqual(TRICKY);
    // Amounts are still numbers to Excel, not text.
    expect(entries.rows[0]![col(gl, "amount")]).toBe("-20.00");
  });

  it("keeps a document's external document no. and line descriptions, and what the user types there", async () => {
    const gw = new MemoryGateway();
    const doc = { documentType: "Order", no: "SO1001" };
    await writeDocumentSheet(gw, {
      doc,
      header: {
        documentType: "Order",
        no: "SO1001",
        externalDocumentNo: "-PO 7",
        sellToCustomerName: "=Adatum",
      },
      headerErrors: [],
      rows: TRICKY.map((t, i) => ({ values: { lineNo: (i + 1) * 10000, description: t }, errors: [] })),
    });
    const sheet = "Order SO1001";
    const headerValue = async (field: string) => {
      const i = HEADER_FIELDS.findIndex((f) => f.field === field);
      return (await gw.readRange(sheet, { row: HEADER_FIRST_ROW + i, col: 1 }, 1, 1))[0]![0];
    };
    expect(await headerValue("externalDocumentNo")).toBe("-PO 7");
    expect(await headerValue("sellToCustomerName")).toBe("=Adatum");
    const table = (await gw.readTable("lpLines_Order_SO1001"))!;
    const d = LINE_COLUMNS.findIndex((c) => c.field === "description");
    expect(table.rows.map((r) => r[d])).toEqual(TRICKY);

    // Typed by the user into the Description column, on the row under the table (it grows).
    const typedAt = { row: table.top.row + 1 + table.rows.length, col: table.top.col + d };
    gw.workbook.userSetCell(sheet, typedAt, "-5% for early payment");
    const extRow = HEADER_FIRST_ROW + HEADER_FIELDS.findIndex((f) => f.field === "externalDocumentNo");
    gw.workbook.userSetCell(sheet, { row: extRow, col: 1 }, "+PO-8");
    const again = (await gw.readTable("lpLines_Order_SO1001"))!;
    expect(again.rows.at(-1)![d]).toBe("-5% for early payment");
    expect(await headerValue("externalDocumentNo")).toBe("+PO-8");
  });
});
