import { describe, expect, it } from "vitest";
import type { CellValue } from "../../addin/gateway/cells.js";
import { EXCEL_CELL_TEXT_LIMIT, ExcelLimitError } from "../../addin/gateway/excel-limits.js";
import { InjectedFailure, MemoryGateway } from "../../addin/gateway/memory-gateway.js";

const columns = ["No.", "Description", "Quantity"].map((header) => ({ header }));

describe("MemoryGateway: Excel's limits and failures", () => {
  it("refuses a cell over 32,767 characters, as Excel does", async () => {
    const gw = new MemoryGateway();
    await gw.ensureSheet("S");
    const long = "x".repeat(EXCEL_CELL_TEXT_LIMIT + 1);
    await expect(gw.writeRange("S", { row: 0, col: 0 }, [[long]])).rejects.toMatchObject({
      code: "CellTextTooLong",
    });
    await gw.writeRange("S", { row: 0, col: 0 }, [["x".repeat(EXCEL_CELL_TEXT_LIMIT)]]);
  });

  it("refuses a request over 5 MB whole, leaving the workbook as it was", async () => {
    const gw = new MemoryGateway();
    const huge = `<chunk xmlns="urn:x">${"A".repeat(6 * 1024 * 1024)}</chunk>`;
    await expect(gw.addXmlPart(huge)).rejects.toBeInstanceOf(ExcelLimitError);
    expect(gw.workbook.state.parts).toEqual([]);
  });

  it("writes and reads back a 10,000-row table in requests under the limit", async () => {
    const gw = new MemoryGateway();
    await gw.ensureSheet("Lines");
    const rows: CellValue[][] = Array.from({ length: 10_000 }, (_, i) => [
      `I${i}`,
      "d".repeat(500),
      String(i),
    ]);
    let batches = 0;
    await gw.writeTable(
      { sheet: "Lines", name: "lpLines", top: { row: 2, col: 1 }, columns, rows },
      () => batches++,
    );
    expect(batches).toBeGreaterThan(1);
    for (const r of gw.log.filter((l) => l.kind === "write")) expect(r.bytes).toBeLessThan(5 * 1024 * 1024);
    const read = await gw.readTable("lpLines");
    expect(read?.headers).toEqual(["No.", "Description", "Quantity"]);
    expect(read?.rows).toEqual(rows);
    expect(read?.top).toEqual({ row: 2, col: 1 });
  });

  it("fails the chosen write and every request after it, without applying the failed one", async () => {
    const gw = new MemoryGateway();
    await gw.ensureSheet("S");
    gw.failAtWrite(gw.writeCount + 1);
    await gw.writeRange("S", { row: 0, col: 0 }, [["first"]]);
    await expect(gw.writeRange("S", { row: 1, col: 0 }, [["second"]])).rejects.toBeInstanceOf(
      InjectedFailure,
    );
    await expect(gw.listSheets()).rejects.toBeInstanceOf(InjectedFailure);
    const again = new MemoryGateway(gw.workbook);
    expect(await again.readRange("S", { row: 0, col: 0 }, 2, 1)).toEqual([["first"], [""]]);
  });

  it("grows a table when the user types in the row under it, like Excel", async () => {
    const gw = new MemoryGateway();
    await gw.ensureSheet("S");
    await gw.writeTable({ sheet: "S", name: "t", top: { row: 0, col: 0 }, columns, rows: [] });
    expect((await gw.readTable("t"))?.rows).toEqual([["", "", ""]]);
    gw.workbook.userSetCell("S", { row: 2, col: 0 }, "1000");
    expect((await gw.readTable("t"))?.rows).toEqual([
      ["", "", ""],
      ["1000", "", ""],
    ]);
  });

  it("loses the header when the user deletes the header row", async () => {
    const gw = new MemoryGateway();
    await gw.ensureSheet("S");
    await gw.writeTable({ sheet: "S", name: "t", top: { row: 3, col: 0 }, columns, rows: [["A", "B", "1"]] });
    gw.workbook.userDeleteRows("S", 3);
    const read = await gw.readTable("t");
    expect(read?.headers).toBeNull();
    expect(read?.rows).toEqual([["A", "B", "1"]]);
    expect(read?.top).toEqual({ row: 3, col: 0 });
  });
});
