import { isBlank, type CellRef, type CellValue } from "../gateway/cells.js";
import type { TableSnapshot } from "../gateway/gateway.js";
import { parseCell } from "./cell-values.js";
import type { SheetColumn } from "./layouts.js";

/** A problem tied to one cell, shown in the sheet's status column and in the pane's error list. */
export interface CellError {
  sheet: string;
  cell: CellRef;
  column: string;
  message: string;
  /** A warning (amber) informs and never blocks; an error (red, the default) must be fixed first. */
  severity?: "error" | "warning";
}

export const isBlocking = (e: CellError): boolean => e.severity !== "warning";

export interface FieldError {
  /** The engine field the error belongs to; null for the row as a whole. */
  field: string | null;
  message: string;
}

export interface ReadRow {
  /** Position in the table body (0-based). */
  index: number;
  /** The row's cells by field, as the user left them. */
  raw: Record<string, CellValue>;
  /** Parsed values by field; null for blank cells and for cells that did not parse. */
  values: Record<string, string | number | boolean | null>;
  errors: FieldError[];
}

export interface ReadTable {
  rows: ReadRow[];
  /** Problems with the table itself: nothing in it may be acted on. */
  fatal: CellError[];
}

const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Reads a table against the columns we expect. Columns are found by header text, so a user may
 * move or add columns; a missing header (a deleted or overwritten header row, a block pasted over
 * it) is fatal, because then no cell can be trusted to mean what its column says.
 */
export function readTableRows(
  snapshot: TableSnapshot | null,
  columns: SheetColumn[],
  where: { sheet: string; table: string; top: CellRef },
): ReadTable {
  if (!snapshot)
    return {
      rows: [],
      fatal: [
        {
          sheet: where.sheet,
          cell: where.top,
          column: "",
          message: `The table '${where.table}' is gone from this sheet (were its rows deleted?). Rebuild the sheet from the pane; the books are unchanged.`,
        },
      ],
    };
  if (!snapshot.headers)
    return {
      rows: [],
      fatal: [
        {
          sheet: snapshot.sheet,
          cell: snapshot.top,
          column: "",
          message: `The header row of the table '${snapshot.name}' was deleted, so its columns cannot be told apart. Rebuild the sheet from the pane; nothing was saved.`,
        },
      ],
    };
  const index = new Map<string, number>();
  snapshot.headers.forEach((h, i) => {
    if (!index.has(norm(h))) index.set(norm(h), i);
  });
  const fatal: CellError[] = [];
  const at = new Map<string, number>();
  for (const col of columns) {
    const i = index.get(norm(col.header));
    if (i === undefined) {
      fatal.push({
        sheet: snapshot.sheet,
        cell: snapshot.top,
        column: col.header,
        message: `The column '${col.header}' is missing from the header row of '${snapshot.name}' (was a block pasted over it?). Restore the header or rebuild the sheet; nothing was saved.`,
      });
    } else at.set(col.field, i);
  }
  if (fatal.length > 0) return { rows: [], fatal };

  const rows: ReadRow[] = snapshot.rows.map((cells, r) => {
    const raw: ReadRow["raw"] = {};
    const values: ReadRow["values"] = {};
    const errors: FieldError[] = [];
    for (const col of columns) {
      const cell = cells[at.get(col.field)!] ?? "";
      raw[col.field] = cell;
      if (col.role === "status" || col.role === "computed") continue;
      const parsed = parseCell(cell, col.kind, col.header);
      if (parsed.ok) values[col.field] = parsed.value;
      else {
        values[col.field] = null;
        errors.push({ field: col.field, message: parsed.message });
      }
    }
    return { index: r, raw, values, errors };
  });
  return { rows, fatal };
}

/** True when the user left nothing in the row's key and input cells. */
export function isBlankRow(row: ReadRow, columns: SheetColumn[]): boolean {
  return columns.every(
    (c) => c.role === "status" || c.role === "computed" || isBlank(row.raw[c.field] ?? null),
  );
}

/** The cell of a field in a table written with `columns` from `top` (the header row). */
export function cellOf(
  top: CellRef,
  columns: SheetColumn[],
  rowIndex: number,
  field: string | null,
): CellRef {
  let col = columns.findIndex((c) => c.field === field);
  if (col < 0) col = columns.findIndex((c) => c.role === "status");
  return { row: top.row + 1 + rowIndex, col: top.col + Math.max(col, 0) };
}

export function statusText(errors: FieldError[], columns: SheetColumn[], ok = ""): string {
  if (errors.length === 0) return ok;
  const caption = (f: string | null) => columns.find((c) => c.field === f)?.header;
  const parts = errors.map((e) => {
    const cap = caption(e.field);
    return cap && !e.message.startsWith(`${cap}:`) ? `${cap}: ${e.message}` : e.message;
  });
  return `✖ ${parts.join(" | ")}`.slice(0, 32_000);
}
