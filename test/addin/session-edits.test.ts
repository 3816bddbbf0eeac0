import { describe, expect, it } from "vitest";
import { readRows } from "../../addin/session/engine-calls.js";
import { ERROR_FILL } from "../../addin/gateway/gateway.js";
import { answering, cellAt, headerCell, lineCell, orderOf10 } from "./session-helpers.js";

/** Issue 6, item 11: what the user typed stays in the cell until it is accepted or undone. */
describe("what the user typed stays until it is accepted", () => {
  it("keeps a quantity refused on a released order through Reopen, and then posts the typed quantity", async () => {
    const { workbook, session, engine, doc, sheet } = await orderOf10();
    answering(session, () => true);
    await session.setDocumentStatus(doc, "release");
    expect(session.state.message?.text).toMatch(/Released/i);

    workbook.userSetCell(sheet, lineCell(0, "Quantity"), 4);
    await session.validateDocument(doc);
    expect(session.state.errors.map((e) => e.column)).toEqual(["Quantity"]);
    expect(cellAt(workbook, sheet, lineCell(0, "Quantity"))).toBe(4);

    await session.setDocumentStatus(doc, "reopen");
    expect(session.state.message?.text).toMatch(/is Open\. What was typed on the sheet is now saved/);
    expect(String(cellAt(workbook, sheet, lineCell(0, "Quantity")))).toBe("4");
    const [line] = await readRows(engine, "salesLine", { documentNo: doc.no });
    expect(String(line!.quantity)).toBe("4");

    await session.postDocument(doc, "ship");
    const shipped = await readRows(engine, "salesShipmentLine");
    expect(shipped.map((l) => String(l.quantity))).toEqual(["4"]);
  });

  it("keeps a typed quantity when Release is clicked before Validate", async () => {
    const { workbook, session, engine, doc, sheet } = await orderOf10();
    workbook.userSetCell(sheet, lineCell(0, "Quantity"), 6);
    await session.setDocumentStatus(doc, "release");
    const [line] = await readRows(engine, "salesLine", { documentNo: doc.no });
    expect(String(line!.quantity)).toBe("6");
    expect(String(cellAt(workbook, sheet, lineCell(0, "Quantity")))).toBe("6");
  });

  it("keeps a refused customer and a bad date in their cells, marked, and applies the External Document No.", async () => {
    const { workbook, session, engine, doc, sheet } = await orderOf10();
    workbook.userSetCell(sheet, headerCell("Sell-to Customer No."), "C99999");
    workbook.userSetCell(sheet, headerCell("Document Date"), "2025-13-45");
    workbook.userSetCell(sheet, headerCell("External Document No."), "PO-778");
    await session.validateDocument(doc);

    expect(cellAt(workbook, sheet, headerCell("Sell-to Customer No."))).toBe("C99999");
    expect(cellAt(workbook, sheet, headerCell("Document Date"))).toBe("2025-13-45");
    expect(cellAt(workbook, sheet, headerCell("External Document No."))).toBe("PO-778");
    const s = workbook.requireSheet(sheet);
    expect(workbook.style(s, headerCell("Sell-to Customer No."))?.fill).toBe(ERROR_FILL);
    expect(workbook.style(s, headerCell("Document Date"))?.fill).toBe(ERROR_FILL);
    expect(session.state.errors.map((e) => e.column).sort()).toEqual([
      "Document Date",
      "Sell-to Customer No.",
    ]);
    const [header] = await readRows(engine, "salesHeader", { documentType: "Order", no: doc.no });
    expect(header!.externalDocumentNo).toBe("PO-778");
    expect(header!.sellToCustomerNo).toBe("C10000");

    await session.postDocument(doc, "shipAndInvoice");
    expect(session.state.posted).toEqual([]);
    expect(cellAt(workbook, sheet, headerCell("Sell-to Customer No."))).toBe("C99999");
  });
});
