import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../addin/gateway/cells.js";
import { REQUEST_BUDGET_BYTES, rowPayloadBytes } from "../../addin/gateway/excel-limits.js";
import { OfficeGateway } from "../../addin/gateway/office-gateway.js";

/**
 * The Office.js gateway against office-addin-mock, which returns an error value for any property
 * read before it was loaded and synced: so these tests check the gateway's load/sync discipline
 * (and how many requests it makes), not Excel itself.
 */
type Ctx = { sync: () => Promise<void> };

function gatewayOver(data: Record<string, unknown>) {
  const mock = new OfficeMockObject({ context: data }) as unknown as { context: Ctx };
  const ctx = mock.context;
  const realSync = ctx.sync.bind(ctx);
  const counter = { syncs: 0 };
  ctx.sync = async () => {
    counter.syncs++;
    await realSync();
    // The mock settles nested properties over a few microtasks.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  const gw = new OfficeGateway(((batch: (c: unknown) => Promise<unknown>) => batch(ctx)) as never);
  return { gw, counter, ctx };
}

const NOT_LOADED = /Error, property was not loaded|Error, context\.sync\(\) was not called/;

describe("OfficeGateway (office-addin-mock)", () => {
  it("lists custom XML parts of a namespace after loading them", async () => {
    let asked = "";
    const { gw, counter } = gatewayOver({
      workbook: {
        customXmlParts: {
          found: { items: [{ id: "{P1}" }, { id: "{P2}" }] },
          getByNamespace(this: { found: unknown }, ns: string) {
            asked = ns;
            return this.found;
          },
        },
      },
    });
    expect(await gw.listXmlParts("urn:test")).toEqual(["{P1}", "{P2}"]);
    expect(asked).toBe("urn:test");
    expect(counter.syncs).toBe(1);
  });

  it("reads a part's XML, and answers null for a part that is gone", async () => {
    const { gw, counter } = gatewayOver({
      workbook: {
        customXmlParts: {
          present: { isNullObject: false, getXml: () => ({ value: "<chunk/>" }) },
          missing: { isNullObject: true },
          getItemOrNullObject(this: Record<string, unknown>, id: string) {
            return id === "{HERE}" ? this.present : this.missing;
          },
        },
      },
    });
    expect(await gw.readXmlPart("{HERE}")).toBe("<chunk/>");
    expect(counter.syncs).toBe(2);
    expect(await gw.readXmlPart("{GONE}")).toBeNull();
    expect(counter.syncs).toBe(3);
  });

  it("adds a part and reads its id only after the sync", async () => {
    const added: string[] = [];
    const { gw, counter } = gatewayOver({
      workbook: {
        customXmlParts: {
          newPart: { id: "{NEW}" },
          add(this: { newPart: unknown }, xml: string) {
            added.push(xml);
            return this.newPart;
          },
        },
      },
    });
    const id = await gw.addXmlPart("<chunk>AAAA</chunk>");
    expect(id).toBe("{NEW}");
    expect(id).not.toMatch(NOT_LOADED);
    expect(added).toEqual(["<chunk>AAAA</chunk>"]);
    expect(counter.syncs).toBe(1);
  });

  it("deletes only the parts that still exist, in one write request", async () => {
    const deleted: string[] = [];
    const part = (id: string, isNullObject: boolean) => ({ isNullObject, delete: () => deleted.push(id) });
    const { gw, counter } = gatewayOver({
      workbook: {
        customXmlParts: {
          a: part("{A}", false),
          b: part("{B}", true),
          c: part("{C}", false),
          getItemOrNullObject(this: Record<string, unknown>, id: string) {
            return this[id.replace(/[{}]/g, "").toLowerCase()];
          },
        },
      },
    });
    await gw.deleteXmlParts(["{A}", "{B}", "{C}"]);
    expect(deleted).toEqual(["{A}", "{C}"]);
    expect(counter.syncs).toBe(2);
  });

  it("creates a sheet only when it is missing", async () => {
    const addedSheets: string[] = [];
    const { gw } = gatewayOver({
      workbook: {
        worksheets: {
          existing: { isNullObject: false },
          absent: { isNullObject: true },
          getItemOrNullObject(this: Record<string, unknown>, name: string) {
            return name === "Customers" ? this.existing : this.absent;
          },
          add: (name: string) => addedSheets.push(name),
        },
      },
    });
    expect(await gw.ensureSheet("Customers")).toBe(false);
    expect(await gw.ensureSheet("Order SO1001")).toBe(true);
    expect(addedSheets).toEqual(["Order SO1001"]);
  });

  it("lists sheets by name after loading them", async () => {
    const { gw } = gatewayOver({
      workbook: { worksheets: { items: [{ name: "Customers" }, { name: "Items" }] } },
    });
    expect(await gw.listSheets()).toEqual(["Customers", "Items"]);
  });

  it("reads range values after loading them", async () => {
    const { gw } = gatewayOver({
      workbook: {
        worksheets: {
          sheet: {
            block: { values: [["No.", "SO1001"]] },
            getRangeByIndexes(this: { block: unknown }) {
              return this.block;
            },
          },
          getItem(this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    });
    expect(await gw.readRange("Order SO1001", { row: 2, col: 0 }, 1, 2)).toEqual([["No.", "SO1001"]]);
  });

  it("writes a large table in row batches, one sync each, every batch under the request budget", async () => {
    const writes: { row: number; rows: number; values: CellValue[][] }[] = [];
    const recorder = (row: number, rows: number) => {
      const r = {
        format: { fill: {}, font: {} },
        dataValidation: {},
        conditionalFormats: { add: () => ({ custom: { rule: {}, format: { fill: {}, font: {} } } }) },
        set values(v: CellValue[][]) {
          writes.push({ row, rows, values: v });
        },
        numberFormat: [] as string[][],
      };
      return r;
    };
    const table = {
      columns: { getItemAt: () => ({ getDataBodyRange: () => recorder(-1, 0) }) },
      name: "",
      style: "",
    };
    const { gw, counter } = gatewayOver({
      workbook: {
        tables: {
          absent: { isNullObject: true },
          getItemOrNullObject(this: { absent: unknown }) {
            return this.absent;
          },
        },
        worksheets: {
          sheet: {
            protection: { protected: false },
            getRangeByIndexes: (row: number, _c: number, rows: number) => recorder(row, rows),
            tables: { add: () => table },
          },
          getItem(this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    });
    const text = "x".repeat(60);
    const rows: CellValue[][] = Array.from({ length: 10_000 }, (_, i) => [
      i + 1,
      "1000",
      text,
      "10",
      "100.00",
      "",
    ]);
    let progressCalls = 0;
    await gw.writeTable(
      {
        sheet: "Order SO1001",
        name: "lpLines",
        top: { row: 13, col: 0 },
        columns: ["Line No.", "No.", "Description", "Quantity", "Unit Price", "Status"].map((header) => ({
          header,
        })),
        rows,
        statusColumn: 5,
      },
      () => progressCalls++,
    );
    const body = writes.filter((w) => w.row > 13);
    expect(body.reduce((n, w) => n + w.values.length, 0)).toBe(10_000);
    for (const w of body) {
      expect(w.values.length).toBe(w.rows);
      expect(w.values.reduce((n, r) => n + rowPayloadBytes(r), 0)).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES);
    }
    // existence check + header + one per batch + the table itself
    expect(counter.syncs).toBe(1 + 1 + body.length + 1);
    expect(progressCalls).toBe(body.length);
    expect(table.name).toBe("lpLines");
  });
});

describe("OfficeGateway batches and protected sheets", () => {
  it("runs every batch with delayForCellEdit, so a cell being edited delays it instead of failing it", async () => {
    const seen: unknown[] = [];
    const { ctx } = gatewayOver({ workbook: { worksheets: { items: [{ name: "Customers" }] } } });
    const g = globalThis as { Excel?: unknown };
    const before = g.Excel;
    g.Excel = {
      run: (options: unknown, batch: (c: unknown) => Promise<unknown>) => {
        seen.push(options);
        return batch(ctx);
      },
    };
    try {
      expect(await new OfficeGateway().listSheets()).toEqual(["Customers"]);
    } finally {
      g.Excel = before;
    }
    expect(seen).toEqual([{ delayForCellEdit: true }]);
  });

  it("stops writeTable before changing anything when the sheet is protected", async () => {
    const calls: string[] = [];
    const range = {
      conditionalFormats: { clearAll: () => calls.push("clearFormats") },
      dataValidation: { clear: () => calls.push("clearValidation") },
      clear: () => calls.push("clear"),
      set values(_v: unknown) {
        calls.push("values");
      },
      numberFormat: [] as string[][],
    };
    const { gw, counter } = gatewayOver({
      workbook: {
        tables: {
          old: { isNullObject: false, convertToRange: () => calls.push("convert"), getRange: () => range },
          getItemOrNullObject(this: { old: unknown }) {
            return this.old;
          },
        },
        worksheets: {
          sheet: {
            protection: { protected: true },
            getRangeByIndexes: () => range,
            tables: { add: () => calls.push("addTable") },
          },
          getItem(this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    });
    await expect(
      gw.writeTable({
        sheet: "Customers",
        name: "lpCustomers",
        top: { row: 0, col: 0 },
        columns: [{ header: "No." }],
        rows: [["C1"]],
      }),
    ).rejects.toThrow(/Customers.*protected/);
    expect(calls).toEqual([]);
    expect(counter.syncs).toBe(1);
  });
});

describe("OfficeGateway compare-and-replace of a custom XML part", () => {
  function over(current: string | null) {
    const written: string[] = [];
    let runs = 0;
    const part = {
      isNullObject: current === null,
      getXml: () => ({ value: current }),
      setXml: (x: string) => written.push(x),
    };
    const { ctx, counter } = gatewayOver({
      workbook: {
        customXmlParts: {
          part,
          getItemOrNullObject(this: { part: unknown }) {
            return this.part;
          },
        },
      },
    });
    const gw = new OfficeGateway(((batch: (c: unknown) => Promise<unknown>) => {
      runs++;
      return batch(ctx);
    }) as never);
    return { gw, written, counter, runs: () => runs };
  }

  it("reads the part and replaces it in one Excel.run when it is still what the caller expects", async () => {
    const { gw, written, counter, runs } = over("<m generation='1'/>");
    expect(await gw.replaceXmlPartIf("{M}", (x) => x === "<m generation='1'/>", "<m generation='2'/>")).toBe(
      true,
    );
    expect(written).toEqual(["<m generation='2'/>"]);
    expect(runs()).toBe(1);
    expect(counter.syncs).toBe(3);
  });

  it("writes nothing when the part changed or is gone", async () => {
    const changed = over("<m generation='5'/>");
    expect(await changed.gw.replaceXmlPartIf("{M}", (x) => x === "<m generation='1'/>", "<new/>")).toBe(
      false,
    );
    expect(changed.written).toEqual([]);
    const gone = over(null);
    expect(await gone.gw.replaceXmlPartIf("{M}", () => true, "<new/>")).toBe(false);
    expect(gone.written).toEqual([]);
  });
});

describe("OfficeGateway writes formula-like text as text", () => {
  function recordingSheet() {
    const formats: { at: string; numberFormat: unknown }[] = [];
    const values: unknown[] = [];
    const range = (at: string) => ({
      format: { fill: {}, font: {} },
      dataValidation: {},
      conditionalFormats: { add: () => ({ custom: { rule: {}, format: { fill: {}, font: {} } } }) },
      set numberFormat(v: unknown) {
        formats.push({ at, numberFormat: v });
      },
      set values(v: unknown) {
        values.push(v);
      },
    });
    const table = {
      columns: { getItemAt: () => ({ getDataBodyRange: () => range("body") }) },
      name: "",
      style: "",
    };
    const { gw } = gatewayOver({
      workbook: {
        tables: {
          absent: { isNullObject: true },
          getItemOrNullObject(this: { absent: unknown }) {
            return this.absent;
          },
        },
        worksheets: {
          sheet: {
            protection: { protected: false },
            getRangeByIndexes: (row: number, col: number, rows: number, cols: number) =>
              range(`${row},${col},${rows},${cols}`),
            tables: { add: () => table },
          },
          getItem(this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    });
    return { gw, formats, values };
  }

  it("gives a table cell the text format when its text would be taken for a formula", async () => {
    const { gw, formats } = recordingSheet();
    await gw.writeTable({
      sheet: "Items",
      name: "lpItems",
      top: { row: 0, col: 0 },
      columns: [
        { header: "No.", numberFormat: "@" },
        { header: "Description" },
        { header: "Unit Price", numberFormat: "#,##0.00" },
      ],
      rows: [
        ["1000", "-20% promo", "-5.00"],
        ["1001", "Bicycle", "=1+1"],
      ],
    });
    const body = formats.find((f) => f.at === "1,0,2,3")!;
    expect(body.numberFormat).toEqual([
      ["@", "@", "#,##0.00"],
      ["@", "General", "@"],
    ]);
  });

  it("gives a written cell the text format when its text would be taken for a formula", async () => {
    const { gw, formats } = recordingSheet();
    await gw.writeRange("Order SO1001", { row: 3, col: 1 }, [["-PO 7", "-7", "plain"]]);
    expect(formats).toEqual([{ at: "3,1,1,1", numberFormat: [["@"]] }]);
    formats.length = 0;
    await gw.writeRange("Order SO1001", { row: 3, col: 1 }, [["+PO", "-7"]], {
      numberFormats: [[null, "#,##0"]],
    });
    expect(formats).toEqual([{ at: "3,1,1,2", numberFormat: [["@", "#,##0"]] }]);
  });
});
