import { describe, expect, it } from "vitest";
import { createInProcessEngine } from "../../addin/engine-host/in-process.js";
import { MemoryGateway } from "../../addin/gateway/memory-gateway.js";
import { readRows } from "../../addin/session/engine-calls.js";
import { Session } from "../../addin/session/session.js";
import { answering, cellAt, lineCell, orderOf10 } from "./session-helpers.js";

/**
 * Issue 6, item 12: Excel's undo reverts the add-in's sheet writes but not the books. Each sheet is
 * stamped with the books it shows; a sheet whose stamp does not match is rewritten, never diffed.
 */
describe("sheets stamped with the books they show", () => {
  it("rewrites an order sheet that an undo put back to before a posting, and sends none of it", async () => {
    const { workbook, gw, session, engine, doc, sheet } = await orderOf10();
    answering(session, () => true);
    workbook.userSetCell(sheet, lineCell(0, "Qty. to Ship"), 4);
    await session.validateDocument(doc);
    const beforePost = structuredClone(workbook.state);

    await session.postDocument(doc, "ship");
    expect(String(cellAt(workbook, sheet, lineCell(0, "Qty. Shipped")))).toBe("4");

    // Ctrl+Z in Excel: the order's sheet (cells, table and stamp) goes back; the books do not.
    const i = workbook.state.sheets.findIndex((s) => s.name === sheet);
    workbook.state.sheets[i] = structuredClone(beforePost.sheets.find((s) => s.name === sheet)!);
    workbook.state.tables = workbook.state.tables.map((t) =>
      t.sheet === sheet ? structuredClone(beforePost.tables.find((b) => b.name === t.name)!) : t,
    );
    expect(String(cellAt(workbook, sheet, lineCell(0, "Qty. Shipped")))).toBe("0");

    const writesBefore = gw.log.length;
    await session.validateDocument(doc);
    expect(session.state.message?.text).toMatch(/rewritten from the books/);
    expect(session.state.message?.text).toMatch(/nothing on it was sent/i);
    expect(String(cellAt(workbook, sheet, lineCell(0, "Qty. Shipped")))).toBe("4");
    expect(String(cellAt(workbook, sheet, lineCell(0, "Qty. to Ship")))).toBe("6");
    const [line] = await readRows(engine, "salesLine", { documentNo: doc.no });
    expect(String(line!.qtyToShip)).toBe("6");
    expect(gw.log.length).toBeGreaterThan(writesBefore);

    // Now the sheet matches the books again: edits are taken as edits.
    workbook.userSetCell(sheet, lineCell(0, "Qty. to Ship"), 2);
    await session.validateDocument(doc);
    const [after] = await readRows(engine, "salesLine", { documentNo: doc.no });
    expect(String(after!.qtyToShip)).toBe("2");
  });

  it("does not treat another order's save as a change to this order's sheet", async () => {
    const { workbook, session, engine, doc, sheet } = await orderOf10();
    await session.newDocument("Order", "C20000");
    const other = session.state.current!;
    workbook.userSetCell(`Order ${other.no}`, lineCell(0, "No."), "1001");
    workbook.userSetCell(`Order ${other.no}`, lineCell(0, "Quantity"), 1);
    await session.validateDocument(other);
    workbook.userSetCell(sheet, lineCell(0, "Quantity"), 3);
    await session.validateDocument(doc);
    const [line] = await readRows(engine, "salesLine", { documentNo: doc.no });
    expect(String(line!.quantity)).toBe("3");
  });

  it("rewrites a Customers sheet put back by an undo instead of saving its old rows", async () => {
    const { workbook, session, engine } = await orderOf10();
    const colOf = (h: string) => workbook.table("lpCustomers")!.columns.findIndex((c) => c.header === h);
    const before = structuredClone(workbook.state);
    workbook.userSetCell("Customers", { row: 1, col: colOf("Name") }, "Adatum Renamed");
    await session.saveMaster("customers");
    expect((await readRows(engine, "customer", { no: "C10000" }))[0]!.name).toBe("Adatum Renamed");
    await session.refreshSheets();
    // Undo back past the rewrite and the rename: the sheet shows the old name and the old stamp.
    const i = workbook.state.sheets.findIndex((s) => s.name === "Customers");
    workbook.state.sheets[i] = structuredClone(before.sheets.find((s) => s.name === "Customers")!);
    await session.saveMaster("customers");
    expect(session.state.message?.text).toMatch(/rewritten from the books/);
    expect((await readRows(engine, "customer", { no: "C10000" }))[0]!.name).toBe("Adatum Renamed");
  });
});

describe("sheets from before stamps", () => {
  it("reads a sheet without a stamp as before, so an upgrade keeps what was typed", async () => {
    const { workbook, session, engine, doc, sheet } = await orderOf10();
    const t = workbook.table("lpLines_Order_SO1001")!;
    const s = workbook.requireSheet(sheet);
    for (let j = 0; j < 6; j++) workbook.set(s, t.top.row, t.top.col + t.columns.length + j, null);
    workbook.userSetCell(sheet, lineCell(0, "Quantity"), 7);
    await session.validateDocument(doc);
    const [line] = await readRows(engine, "salesLine", { documentNo: doc.no });
    expect(String(line!.quantity)).toBe("7");
    expect(session.state.message?.kind).toBe("success");
  });
});

describe("two panes on one workbook", () => {
  it("takes a sheet another pane wrote from newer books as current once it has caught up, and sends its edits", async () => {
    const { workbook, session, doc, sheet } = await orderOf10();
    const other = new Session(new MemoryGateway(workbook), await createInProcessEngine(), "standalone", {
      workDate: "2025-01-15",
    });
    await other.start();
    workbook.userSetCell(sheet, lineCell(0, "Quantity"), 8);
    await other.validateDocument(doc);
    expect(other.state.message?.kind).toBe("success");

    // The first pane's books are older than the sheet; it catches up instead of rewriting the sheet.
    workbook.userSetCell(sheet, lineCell(0, "Unit Price"), 90);
    await session.validateDocument(doc);
    expect(session.state.message?.kind).toBe("success");
    const [line] = await readRows(session.engine, "salesLine", { documentNo: doc.no });
    expect(String(line!.quantity)).toBe("8");
    expect(String(line!.unitPrice)).toBe("90");
    expect(String(cellAt(workbook, sheet, lineCell(0, "Quantity")))).toBe("8");
  });

  it("saves a Customers edit made on a sheet another pane wrote, after catching up", async () => {
    const { workbook, session } = await orderOf10();
    const other = new Session(new MemoryGateway(workbook), await createInProcessEngine(), "standalone");
    await other.start();
    const colOf = (h: string) => workbook.table("lpCustomers")!.columns.findIndex((c) => c.header === h);
    workbook.userSetCell("Customers", { row: 1, col: colOf("Name") }, "Adatum A");
    await other.saveMaster("customers");
    workbook.userSetCell("Customers", { row: 2, col: colOf("Name") }, "Trey B");
    await session.saveMaster("customers");
    expect(session.state.message?.kind).toBe("success");
    const names = (await readRows(session.engine, "customer")).map((c) => c.name);
    expect(names.slice(0, 2)).toEqual(["Adatum A", "Trey B"]);
  });
});

describe("Reopen on a sheet put back by an undo", () => {
  it("rewrites the sheet and reopens nothing", async () => {
    const { workbook, session, engine, doc, sheet } = await orderOf10();
    const before = structuredClone(workbook.state);
    await session.setDocumentStatus(doc, "release");
    workbook.userSetCell(sheet, lineCell(0, "Quantity"), 5);
    await session.validateDocument(doc); // refused: released
    // Undo back past the release's rewrite: an older stamp.
    const i = workbook.state.sheets.findIndex((s) => s.name === sheet);
    workbook.state.sheets[i] = structuredClone(before.sheets.find((s) => s.name === sheet)!);
    await session.setDocumentStatus(doc, "reopen");
    expect(session.state.message?.text).toMatch(/rewritten from the books/);
    const [header] = await readRows(engine, "salesHeader", { documentType: "Order", no: doc.no });
    expect(header!.status).toBe("Released");
  });
});
