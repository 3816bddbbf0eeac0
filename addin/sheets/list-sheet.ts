import type { CellRef } from "../gateway/cells.js";
import { ERROR_FILL, type Progress, type WorkbookGateway } from "../gateway/gateway.js";
import { toCell } from "./cell-values.js";
import type { OutputRow } from "./document-sheet.js";
import type { SheetColumn } from "./layouts.js";
import { cellOf, statusText, type CellError } from "./table-reader.js";

/** The top-left cell of the one table on a list sheet (customers, items, ledgers). */
export const LIST_TOP: CellRef = { row: 0, col: 0 };

/** Writes a sheet that is one table (customers, items, a ledger) and returns where errors sit. */
export async function writeListSheet(
  gw: WorkbookGateway,
  layout: { sheet: string; table: string; columns: SheetColumn[] },
  rows: OutputRow[],
  progress?: Progress,
  stamp?: string,
): Promise<CellError[]> {
  await gw.ensureSheet(layout.sheet);
  const statusColumn = layout.columns.findIndex((c) => c.role === "status");
  await gw.writeTable(
    {
      sheet: layout.sheet,
      name: layout.table,
      top: LIST_TOP,
      columns: layout.columns.map((c) => ({
        header: c.header,
        ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
        ...(c.list ? { list: c.list } : {}),
        ...(c.role === "computed" || c.role === "status" ? { computed: true } : {}),
      })),
      rows: rows.map((r) =>
        layout.columns.map((c) =>
          c.role === "status"
            ? statusText(r.errors, layout.columns, r.note ?? "")
            : toCell(r.values[c.field]),
        ),
      ),
      ...(statusColumn >= 0 ? { statusColumn } : {}),
      ...(stamp !== undefined ? { stamp } : {}),
    },
    progress,
  );
  const errors: CellError[] = [];
  const fills: { cell: CellRef; color: string | null }[] = [];
  rows.forEach((r, i) => {
    for (const e of r.errors) {
      const cell = cellOf(LIST_TOP, layout.columns, i, e.field);
      errors.push({
        sheet: layout.sheet,
        cell,
        column: layout.columns.find((c) => c.field === e.field)?.header ?? "Status",
        message: e.message,
      });
      fills.push({ cell, color: ERROR_FILL });
    }
  });
  await gw.setCellFills(layout.sheet, fills);
  return errors;
}
