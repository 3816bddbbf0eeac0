import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { createInProcessEngine } from "../../addin/engine-host/in-process.js";
import { a1, type CellValue } from "../../addin/gateway/cells.js";
import { MemoryGateway } from "../../addin/gateway/memory-gateway.js";
import { MemoryWorkbook, type MemoryWorkbookState } from "../../addin/gateway/memory-workbook.js";
import { LINE_COLUMNS, LINES_TOP_ROW } from "../../addin/sheets/layouts.js";
import { Session } from "../../addin/session/session.js";
import { answering } from "./session-helpers.js";

const col = (header: string) => LINE_COLUMNS.findIndex((c) => c.header === header);

async function newSession(state?: MemoryWorkbookState) {
  const workbook = new MemoryWorkbook(state);
  const gw = new MemoryGateway(workbook);
  const engine = await createInProcessEngine();
  const session = new Session(gw, engine, "standalone", { workDate: "2025-01-15" });
  answering(session, () => true);
  await session.start();
  return { workbook, gw, session };
}

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

function sumByAccount(rows: Record<string, CellValue>[], documentNo: string): Record<string, string> {
  const sums: Record<string, Decimal> = {};
  for (const r of rows.filter((x) => x["Document No."] === documentNo)) {
    const acc = String(r["G/L Account No."]);
    sums[acc] = (sums[acc] ?? new Decimal(0)).plus(new Decimal(String(r["Amount"])));
  }
  return Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v.toFixed(2)]));
}

describe("the pane's flow on the in-memory workbook", () => {
  it("creates a demo company, validates lines with a bad item, fixes it, posts, and reopens", async () => {
    const { workbook, session } = await newSession();
    expect(session.state.phase).toBe("no-company");
    await session.newCompany(true);
    expect(session.state.message?.kind).toBe("success");
    expect(session.state.phase).toBe("open");
    expect(workbook.sheet("Customers")).toBeDefined();
    expect(tableRows(workbook, "lpItems").map((r) => r["No."])).toEqual(["1000", "1001", "1002"]);

    await session.newDocument("Order", "C10000");
    const doc = session.state.current!;
    expect(doc).toEqual({ documentType: "Order", no: "SO1001" });
    const sheet = "Order SO1001";
    const first = LINES_TOP_ROW + 1;
    workbook.userSetCell(sheet, { row: first, col: col("No.") }, "1000");
    workbook.userSetCell(sheet, { row: first, col: col("Quantity") }, 10);
    workbook.userSetCell(sheet, { row: first + 1, col: col("No.") }, "1O02");
    workbook.userSetCell(sheet, { row: first + 1, col: col("Quantity") }, "5");
    workbook.userSetCell(sheet, { row: first + 2, col: col("No.") }, "1001");
    workbook.userSetCell(sheet, { row: first + 2, col: col("Quantity") }, "two");

    await session.validateDocument(doc);
    const errors = session.state.errors;
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ sheet, column: "No.", cell: { row: first + 1, col: col("No.") } });
    expect(errors[0]!.message).toMatch(/1O02/);
    expect(errors[1]).toMatchObject({ column: "Quantity", cell: { row: first + 2, col: col("Quantity") } });
    const s = workbook.requireSheet(sheet);
    expect(String(workbook.get(s, first + 1, col("Status")))).toMatch(/^✖ No\./);
    expect(workbook.get(s, first + 1, col("No."))).toBe("1O02");
    expect(workbook.get(s, first, col("Line Amount"))).toBe("1000.00");
    expect(workbook.style(s, { row: first + 1, col: col("No.") })?.fill).toBeDefined();

    await session.selectError(errors[0]!);
    expect(workbook.state.selection).toEqual({ sheet, cell: errors[0]!.cell });

    await session.postDocument(doc, "shipAndInvoice");
    expect(session.state.message?.text).toMatch(/nothing was posted/);
    expect(session.state.posted).toEqual([]);
    const openingEntries = tableRows(workbook, "lpGlEntries").length;

    workbook.userSetCell(sheet, { row: first + 1, col: col("No.") }, "1002");
    workbook.userDeleteRows(sheet, first + 2);
    await session.validateDocument(doc);
    expect(session.state.errors).toEqual([]);
    expect(workbook.get(s, first + 1, col("Line No."))).toBe(20000);

    await session.postDocument(doc, "shipAndInvoice");
    expect(session.state.message).toMatchObject({ kind: "success" });
    const invoiceNo = session.state.posted.find((p) => p.kind === "Invoice")!.no;
    expect(invoiceNo).toBe("103001");
    const gl = tableRows(workbook, "lpGlEntries");
    expect(gl.length).toBeGreaterThan(openingEntries);
    expect(sumByAccount(gl, invoiceNo)).toEqual({
      "6110": "-1077.75",
      "5610": "-210.00",
      "5611": "-7.78",
      "2310": "1295.53",
      "7190": "640.00",
      "2110": "-640.00",
    });
    expect(session.state.entries?.tables.glEntry?.length).toBe(
      gl.filter((r) => r["Document No."] === invoiceNo).length,
    );

    const again = await newSession(structuredClone(workbook.state));
    expect(again.session.state.phase).toBe("open");
    expect(again.session.state.posted.map((p) => p.no)).toContain(invoiceNo);
    expect(again.session.state.documents).toEqual([]);
    expect(a1({ row: first, col: col("No.") })).toBe(`C${first + 1}`);
  });

  it("refuses a sheet whose lines header row was deleted, and posts nothing", async () => {
    const { workbook, session } = await newSession();
    await session.newCompany(true);
    await session.newDocument("Invoice", "C20000");
    const doc = session.state.current!;
    const sheet = `Invoice ${doc.no}`;
    workbook.userSetCell(sheet, { row: LINES_TOP_ROW + 1, col: col("No.") }, "1000");
    workbook.userSetCell(sheet, { row: LINES_TOP_ROW + 1, col: col("Quantity") }, 1);
    workbook.userDeleteRows(sheet, LINES_TOP_ROW);
    await session.postDocument(doc, "shipAndInvoice");
    expect(session.state.errors[0]?.message).toMatch(/header row/);
    expect(session.state.posted).toEqual([]);
  });

  it("reports a block pasted over the header as missing columns", async () => {
    const { workbook, session } = await newSession();
    await session.newCompany(true);
    await session.newDocument("Order", "C10000");
    const doc = session.state.current!;
    workbook.userPaste("Order SO1001", { row: LINES_TOP_ROW, col: col("No.") }, [
      ["1000", "Bicycle", 3],
      ["1001", "Lamp", 2],
    ]);
    await session.validateDocument(doc);
    expect(session.state.errors.map((e) => e.column)).toEqual(["No.", "Description", "Quantity"]);
    expect(session.state.errors[0]!.message).toMatch(/missing from the header row/);
  });
});

describe("more of the pane's flow", () => {
  it("marks pasted rows without a quantity, and posts nothing while they remain", async () => {
    const { workbook, session } = await newSession();
    await session.newCompany(true);
    await session.newDocument("Order", "C30000");
    const doc = session.state.current!;
    workbook.userPaste("Order SO1001", { row: LINES_TOP_ROW + 1, col: col("No.") }, [
      ["1000", "Bicycle"],
      ["1001", "Lamp"],
    ]);
    await session.postDocument(doc, "shipAndInvoice");
    expect(session.state.errors.map((e) => [e.column, e.cell.row])).toEqual([
      ["Quantity", LINES_TOP_ROW + 1],
      ["Quantity", LINES_TOP_ROW + 2],
    ]);
    expect(session.state.posted).toEqual([]);
  });

  it("ships part of an order, keeps the order's sheet in step, then invoices the rest", async () => {
    const { workbook, session } = await newSession();
    await session.newCompany(true);
    await session.newDocument("Order", "C10000");
    const doc = session.state.current!;
    const sheet = workbook.requireSheet("Order SO1001");
    const row = LINES_TOP_ROW + 1;
    workbook.userSetCell(sheet.name, { row, col: col("No.") }, "1000");
    workbook.userSetCell(sheet.name, { row, col: col("Quantity") }, 10);
    await session.validateDocument(doc);
    workbook.userSetCell(sheet.name, { row, col: col("Qty. to Ship") }, 4);
    await session.postDocument(doc, "ship");
    expect(session.state.message).toMatchObject({ kind: "success" });
    expect(String(workbook.get(sheet, row, col("Qty. Shipped")))).toBe("4");
    expect(String(workbook.get(sheet, row, col("Qty. to Ship")))).toBe("6");
    expect(session.state.documents.map((d) => d.no)).toEqual(["SO1001"]);

    await session.postDocument(doc, "invoice");
    expect(session.state.message).toMatchObject({ kind: "success" });
    expect(session.state.posted.filter((p) => p.kind === "Invoice")).toHaveLength(1);
  });

  it("refuses a sheet whose header field row was deleted, and rebuilds it on request", async () => {
    const { workbook, session } = await newSession();
    await session.newCompany(true);
    await session.newDocument("Invoice", "C10000");
    const doc = session.state.current!;
    const name = `Invoice ${doc.no}`;
    workbook.userDeleteRows(name, 6); // "Document Date"
    await session.validateDocument(doc);
    expect(session.state.errors[0]?.message).toMatch(/header row 'Document Date' is missing/);
    await session.rebuildDocument(doc);
    await session.validateDocument(doc);
    expect(session.state.errors).toEqual([]);
    expect(session.state.message).toMatchObject({ kind: "success" });
  });
});

describe("two panes on one workbook", () => {
  it("refuses to overwrite a newer save and puts the books back to the workbook's copy", async () => {
    const workbook = new MemoryWorkbook();
    const first = new Session(new MemoryGateway(workbook), await createInProcessEngine(), "standalone", {
      workDate: "2025-01-15",
    });
    await first.start();
    await first.newCompany(true);
    const second = new Session(new MemoryGateway(workbook), await createInProcessEngine(), "standalone", {
      workDate: "2025-01-15",
    });
    await second.start();
    await second.newDocument("Invoice", "C20000");
    expect(second.state.message).toMatchObject({ kind: "success" });

    await first.newDocument("Order", "C10000");
    expect(first.state.message?.kind).toBe("error");
    expect(first.state.message?.text).toMatch(/saved again.*Nothing was overwritten.*undone/s);
    // The first pane now holds the workbook's copy: the second pane's invoice, not its own order.
    expect(first.state.documents.map((d) => d.documentType)).toEqual(["Invoice"]);
    const reopened = new Session(new MemoryGateway(workbook), await createInProcessEngine(), "standalone");
    await reopened.start();
    await reopened.refreshSheets();
    expect(reopened.state.documents.map((d) => d.documentType)).toEqual(["Invoice"]);
  });
});

describe("master data sheets", () => {
  it("saves edited and new customers, and marks a bad code at its cell while saving the rest", async () => {
    const { workbook, session } = await newSession();
    await session.newCompany(true);
    const sheet = workbook.requireSheet("Customers");
    const colOf = (h: string) => workbook.table("lpCustomers")!.columns.findIndex((c) => c.header === h);
    workbook.userSetCell("Customers", { row: 1, col: colOf("Name") }, "Adatum Corp.");
    workbook.userPaste("Customers", { row: 4, col: 0 }, [
      ["C40000", "New Customer", "", "", "DOMESTIC", "DOMESTIC", "DOMESTIC", "14D"],
      ["C50000", "Bad Group", "", "", "NOPE", "DOMESTIC", "DOMESTIC", "14D"],
    ]);
    await session.saveMaster("customers");
    expect(session.state.errors).toHaveLength(1);
    expect(session.state.errors[0]).toMatchObject({
      sheet: "Customers",
      column: "Customer Posting Group",
      cell: { row: 5, col: colOf("Customer Posting Group") },
    });
    expect(session.state.errors[0]!.message).toMatch(/NOPE/);
    expect(session.state.customers.map((c) => c.no)).toEqual(["C10000", "C20000", "C30000", "C40000"]);
    expect(session.state.customers[0]!.name).toBe("Adatum Corp.");
    expect(String(workbook.get(sheet, 5, colOf("Status")))).toMatch(/^✖/);
    expect(workbook.get(sheet, 5, colOf("Customer Posting Group"))).toBe("NOPE");
  });

  it("saves a customer without posting groups and says it cannot be invoiced yet", async () => {
    const { workbook, session } = await newSession();
    await session.newCompany(true);
    workbook.userPaste("Customers", { row: 4, col: 0 }, [["C40000", "Only a name"]]);
    await session.saveMaster("customers");
    expect(session.state.errors).toEqual([]);
    expect(session.state.customers.map((c) => c.no)).toContain("C40000");
    expect(session.state.message).toMatchObject({ kind: "warning" });
    expect(session.state.message?.text).toMatch(
      /Customer C40000 cannot be invoiced yet: Customer Posting Group/,
    );
  });
});
