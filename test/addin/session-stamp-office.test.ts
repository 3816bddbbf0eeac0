import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../addin/gateway/cells.js";
import { STAMP_FORMAT, STAMP_PREFIX } from "../../addin/gateway/gateway.js";
import { OfficeGateway } from "../../addin/gateway/office-gateway.js";

/**
 * The Office.js side of the sheet stamp (issue 6, item 12), against office-addin-mock: the stamp
 * goes out in the table's last request, hidden by its number format, and is read back from the
 * cells right of the table's header row.
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
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return {
    gw: new OfficeGateway(((batch: (c: unknown) => Promise<unknown>) => batch(ctx)) as never),
    counter,
  };
}

describe("OfficeGateway sheet stamp", () => {
  it("writes the stamp right of the header row in the table's last request", async () => {
    const writes: { row: number; col: number; values: CellValue[][]; format: unknown; sync: number }[] = [];
    const syncs = { count: () => 0 };
    const range = (row: number, col: number) => {
      const r = {
        format: { fill: {}, font: {} },
        dataValidation: {},
        conditionalFormats: { add: () => ({ custom: { rule: {}, format: { fill: {}, font: {} } } }) },
        numberFormat: null as unknown,
        set values(v: CellValue[][]) {
          writes.push({ row, col, values: v, format: r.numberFormat, sync: syncs.count() });
        },
      };
      return r;
    };
    const table = {
      columns: { getItemAt: () => ({ getDataBodyRange: () => range(-1, -1) }) },
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
            getRangeByIndexes: (row: number, col: number) => range(row, col),
            tables: { add: () => table },
          },
          getItem(this: { sheet: unknown }) {
            return this.sheet;
          },
        },
      },
    });
    syncs.count = () => counter.syncs;
    await gw.writeTable({
      sheet: "Customers",
      name: "lpCustomers",
      top: { row: 0, col: 0 },
      columns: [{ header: "No." }, { header: "Name" }, { header: "Status" }],
      rows: [["C10000", "Adatum", ""]],
      stamp: "abc123",
    });
    const stamp = writes.find((w) => w.values[0]?.[0] === `${STAMP_PREFIX}abc123`);
    expect(stamp).toMatchObject({ row: 0, col: 4, format: [[STAMP_FORMAT]] });
    // Queued after the previous sync, so it goes out with the last one (the table's own request).
    expect(stamp!.sync).toBe(counter.syncs - 1);
  });

  it("reads the stamp from the cells right of the table's header row, and null without a table", async () => {
    const asked: number[][] = [];
    const { gw } = gatewayOver({
      workbook: {
        tables: {
          present: {
            isNullObject: false,
            whole: { rowIndex: 13, columnIndex: 0, columnCount: 15 },
            getRange(this: { whole: unknown }) {
              return this.whole;
            },
            worksheet: {
              right: { values: [["", `${STAMP_PREFIX}k9`, "", "", ""]] },
              getRangeByIndexes(this: { right: unknown }, ...args: number[]) {
                asked.push(args);
                return this.right;
              },
            },
          },
          absent: { isNullObject: true },
          getItemOrNullObject(this: { present: unknown; absent: unknown }, name: string) {
            return name === "lpLines" ? this.present : this.absent;
          },
        },
      },
    });
    expect(await gw.readTableStamp("lpLines")).toBe("k9");
    expect(asked).toEqual([[13, 15, 1, 5]]);
    expect(await gw.readTableStamp("lpGone")).toBeNull();
  });
});
