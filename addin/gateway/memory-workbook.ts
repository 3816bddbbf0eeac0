import type { CellRef, CellValue } from "./cells.js";
import { FORMULA_ERROR, TEXT_FORMAT, becomesFormula, type TableColumn } from "./gateway.js";

/**
 * A workbook held in memory: sheets of cells, Excel tables, custom XML parts. It is plain data so
 * the standalone page can keep it in the browser's storage and the tests can snapshot it. The
 * gateway over it (memory-gateway.ts) plays Excel's part; this file is the "file on disk".
 */
export interface CellStyle {
  bold?: boolean;
  fill?: string;
  numberFormat?: string;
}

export interface MemorySheet {
  name: string;
  cells: (CellValue | undefined)[][];
  styles: Record<string, CellStyle>;
}

export interface MemoryTable {
  name: string;
  sheet: string;
  /** Header row's first cell, or the first body row's when `showHeaders` is false. */
  top: CellRef;
  columns: TableColumn[];
  rowCount: number;
  showHeaders: boolean;
  statusColumn?: number;
}

export interface MemoryWorkbookState {
  format: 1;
  sheets: MemorySheet[];
  tables: MemoryTable[];
  parts: { id: string; xml: string }[];
  activeSheet: string | null;
  selection: { sheet: string; cell: CellRef } | null;
  nextPartId: number;
}

export type WorkbookChange = "addin" | "user" | "selection";

export function emptyWorkbookState(): MemoryWorkbookState {
  return {
    format: 1,
    sheets: [],
    tables: [],
    parts: [],
    activeSheet: null,
    selection: null,
    nextPartId: 1,
  };
}

const styleKey = (c: CellRef) => `${c.row}:${c.col}`;

export class MemoryWorkbook {
  private listeners = new Set<(change: WorkbookChange) => void>();

  constructor(public state: MemoryWorkbookState = emptyWorkbookState()) {}

  subscribe(fn: (change: WorkbookChange) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  notify(change: WorkbookChange): void {
    for (const fn of this.listeners) fn(change);
  }

  sheet(name: string): MemorySheet | undefined {
    const lower = name.toLowerCase();
    return this.state.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  requireSheet(name: string): MemorySheet {
    const s = this.sheet(name);
    if (!s) throw new Error(`The worksheet '${name}' does not exist.`);
    return s;
  }

  addSheet(name: string): MemorySheet {
    const s: MemorySheet = { name, cells: [], styles: {} };
    this.state.sheets.push(s);
    this.state.activeSheet ??= name;
    return s;
  }

  removeSheet(name: string): void {
    const s = this.sheet(name);
    if (!s) return;
    this.state.sheets = this.state.sheets.filter((x) => x !== s);
    this.state.tables = this.state.tables.filter((t) => t.sheet !== s.name);
    if (this.state.activeSheet === s.name) this.state.activeSheet = this.state.sheets[0]?.name ?? null;
  }

  get(sheet: MemorySheet, row: number, col: number): CellValue {
    return sheet.cells[row]?.[col] ?? null;
  }

  set(sheet: MemorySheet, row: number, col: number, value: CellValue): void {
    const r = (sheet.cells[row] ??= []);
    r[col] = value === "" ? null : value;
  }

  /**
   * Puts a value into a cell as Excel's Range.values or typing does: text that starts like a
   * formula becomes one (here its error value) unless the cell is text-formatted.
   */
  enter(
    sheet: MemorySheet,
    row: number,
    col: number,
    value: CellValue,
    format = this.formatAt(sheet, { row, col }),
  ) {
    this.set(sheet, row, col, format !== TEXT_FORMAT && becomesFormula(value) ? FORMULA_ERROR : value);
  }

  /** The cell's number format: its own, or its table column's (Excel extends a column's format as the table grows). */
  formatAt(sheet: MemorySheet, cell: CellRef): string | undefined {
    const own = this.style(sheet, cell)?.numberFormat;
    if (own) return own;
    const t = this.tableAt(sheet.name, cell);
    return t && cell.row >= this.firstBodyRow(t) ? t.columns[cell.col - t.top.col]?.numberFormat : undefined;
  }

  style(sheet: MemorySheet, cell: CellRef): CellStyle | undefined {
    return sheet.styles[styleKey(cell)];
  }

  setStyle(sheet: MemorySheet, cell: CellRef, patch: CellStyle | null): void {
    const key = styleKey(cell);
    if (patch === null) {
      delete sheet.styles[key];
      return;
    }
    const next = { ...sheet.styles[key], ...patch };
    for (const k of Object.keys(next) as (keyof CellStyle)[]) if (next[k] === undefined) delete next[k];
    if (Object.keys(next).length === 0) delete sheet.styles[key];
    else sheet.styles[key] = next;
  }

  /** Rows and columns in use, counting tables even when their cells are empty. */
  usedSize(sheet: MemorySheet): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    sheet.cells.forEach((r, i) => {
      if (!r) return;
      let last = -1;
      r.forEach((v, j) => {
        if (v !== null && v !== undefined) last = j;
      });
      if (last >= 0) {
        rows = i + 1;
        cols = Math.max(cols, last + 1);
      }
    });
    for (const t of this.tablesOn(sheet.name)) {
      rows = Math.max(rows, t.top.row + (t.showHeaders ? 1 : 0) + t.rowCount);
      cols = Math.max(cols, t.top.col + t.columns.length);
    }
    return { rows, cols };
  }

  table(name: string): MemoryTable | undefined {
    const lower = name.toLowerCase();
    return this.state.tables.find((t) => t.name.toLowerCase() === lower);
  }

  tablesOn(sheet: string): MemoryTable[] {
    return this.state.tables.filter((t) => t.sheet === sheet);
  }

  /** The table whose body or header holds this cell. */
  tableAt(sheet: string, cell: CellRef): MemoryTable | undefined {
    return this.tablesOn(sheet).find((t) => {
      const bottom = t.top.row + (t.showHeaders ? 1 : 0) + t.rowCount - 1;
      return (
        cell.row >= t.top.row &&
        cell.row <= bottom &&
        cell.col >= t.top.col &&
        cell.col < t.top.col + t.columns.length
      );
    });
  }

  firstBodyRow(t: MemoryTable): number {
    return t.top.row + (t.showHeaders ? 1 : 0);
  }

  // ---- what a person does in the grid (never refused, never counted as an add-in request) ----

  /** Typing into a cell. Like Excel, typing in the row right under a table makes the table grow. */
  userSetCell(sheetName: string, cell: CellRef, value: CellValue): void {
    const sheet = this.requireSheet(sheetName);
    this.growTableFor(sheet.name, cell, 1);
    this.enter(sheet, cell.row, cell.col, value);
    this.notify("user");
  }

  /** Pasting a block: values land as they are, bypassing list validation, as in Excel. */
  userPaste(sheetName: string, top: CellRef, values: CellValue[][]): void {
    const sheet = this.requireSheet(sheetName);
    this.growTableFor(sheet.name, top, values.length);
    values.forEach((row, i) => row.forEach((v, j) => this.enter(sheet, top.row + i, top.col + j, v)));
    this.notify("user");
  }

  /** Deleting whole sheet rows: cells move up; a table losing its header row keeps only its body. */
  userDeleteRows(sheetName: string, row: number, count = 1): void {
    const sheet = this.requireSheet(sheetName);
    sheet.cells.splice(row, count);
    const styles: Record<string, CellStyle> = {};
    for (const [k, v] of Object.entries(sheet.styles)) {
      const [r, c] = k.split(":").map(Number) as [number, number];
      if (r < row) styles[k] = v;
      else if (r >= row + count) styles[`${r - count}:${c}`] = v;
    }
    sheet.styles = styles;
    for (const t of this.tablesOn(sheet.name)) {
      const body = this.firstBodyRow(t);
      const end = body + t.rowCount; // exclusive
      if (t.showHeaders && t.top.row >= row && t.top.row < row + count) t.showHeaders = false;
      const removedBody = Math.max(0, Math.min(end, row + count) - Math.max(body, row));
      t.rowCount -= removedBody;
      if (t.top.row >= row + count) t.top = { ...t.top, row: t.top.row - count };
      else if (t.top.row >= row) t.top = { ...t.top, row };
    }
    this.state.tables = this.state.tables.filter((t) => t.showHeaders || t.rowCount > 0);
    this.notify("user");
  }

  userSelect(sheet: string, cell: CellRef): void {
    this.state.activeSheet = this.requireSheet(sheet).name;
    this.state.selection = { sheet: this.state.activeSheet, cell };
    this.notify("selection");
  }

  userActivate(sheet: string): void {
    this.state.activeSheet = this.requireSheet(sheet).name;
    this.notify("selection");
  }

  private growTableFor(sheet: string, top: CellRef, rows: number): void {
    for (const t of this.tablesOn(sheet)) {
      const end = this.firstBodyRow(t) + t.rowCount;
      const inColumns = top.col >= t.top.col && top.col < t.top.col + t.columns.length;
      if (inColumns && top.row <= end && top.row + rows > end) t.rowCount += top.row + rows - end;
    }
  }
}
