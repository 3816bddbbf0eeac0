import type { CellRef, CellValue } from "./cells.js";

/**
 * The one door to the workbook. Everything the add-in does to Excel goes through these calls, and
 * each call is one request to Excel (one `context.sync()` in the Office.js implementation), so the
 * in-memory implementation can count, size-check and interrupt them exactly where Excel would.
 * Long writes are split by the caller-visible methods themselves and report progress per request.
 */
export interface WorkbookGateway {
  readonly kind: "office" | "memory";

  listSheets(): Promise<string[]>;
  /** Creates the sheet when missing; returns whether it was created. */
  ensureSheet(name: string): Promise<boolean>;
  activateSheet(name: string): Promise<void>;
  deleteSheet(name: string): Promise<void>;

  readRange(sheet: string, top: CellRef, rows: number, cols: number): Promise<CellValue[][]>;
  writeRange(sheet: string, top: CellRef, values: CellValue[][], style?: BlockStyle): Promise<void>;
  clearRange(sheet: string, top: CellRef, rows: number, cols: number): Promise<void>;

  /** The table's header and body, or null when no table has that name. */
  readTable(name: string, progress?: Progress): Promise<TableSnapshot | null>;
  /** Replaces the table of that name (and its formats, validation and conditional format) with `spec`. */
  writeTable(spec: TableSpec, progress?: Progress): Promise<void>;
  /** The stamp last written with the table (`TableSpec.stamp`), or null when there is none. */
  readTableStamp(name: string): Promise<string | null>;

  /** Direct fills for single cells (error marks); `null` removes the fill. */
  setCellFills(sheet: string, fills: { cell: CellRef; color: string | null }[]): Promise<void>;
  selectCell(sheet: string, cell: CellRef): Promise<void>;

  /** Ids of the custom XML parts in a namespace, oldest first. */
  listXmlParts(namespace: string): Promise<string[]>;
  /** The part's XML, or null when the part no longer exists. */
  readXmlPart(id: string): Promise<string | null>;
  addXmlPart(xml: string): Promise<string>;
  replaceXmlPart(id: string, xml: string): Promise<void>;
  /**
   * Replaces the part only if `expected` accepts its current XML (null when it is gone), read in
   * the same batch: the closest Excel comes to a compare-and-swap. Returns whether it replaced.
   */
  replaceXmlPartIf(id: string, expected: (current: string | null) => boolean, xml: string): Promise<boolean>;
  deleteXmlParts(ids: string[]): Promise<void>;
}

/** Excel refuses writes to a protected sheet; we stop before the first change instead of midway. */
export class SheetProtectedError extends Error {
  constructor(readonly sheet: string) {
    super(
      `The sheet '${sheet}' is protected, so Ledgerpane cannot rewrite it; nothing on it was changed. ` +
        "Unprotect the sheet (Review › Unprotect Sheet) and try again.",
    );
    this.name = "SheetProtectedError";
  }
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/**
 * Whether Excel would take this value, written through Range.values into a cell that is not
 * text-formatted, as a formula: text starting with `=`, `+`, `-` or `@` that is not a number.
 */
export function becomesFormula(v: CellValue): boolean {
  return typeof v === "string" && /^[=+\-@]/.test(v) && !NUMBER_TEXT.test(v.trim());
}

/** What Excel shows for such text: we never write formulas, so any it makes is an error value. */
export const FORMULA_ERROR = "#NAME?";

export const TEXT_FORMAT = "@";

export type Progress = (done: number, total: number) => void;

export interface BlockStyle {
  bold?: boolean;
  fill?: string | null;
  /** Number formats cell by cell, shaped like the values (`@` keeps codes as text, `#,##0.00` amounts). */
  numberFormats?: (string | null)[][];
}

export interface TableColumn {
  header: string;
  numberFormat?: string;
  /** A list data-validation source such as `=INDIRECT("lpItems[No.]")`. */
  list?: string;
  /** Shown in a different colour: computed by the engine, edits are overwritten. */
  computed?: boolean;
}

export interface TableSpec {
  sheet: string;
  name: string;
  /** The header row's first cell. */
  top: CellRef;
  columns: TableColumn[];
  rows: CellValue[][];
  /**
   * Index of the status column: rows whose status starts with the error mark get a conditional
   * format, so the highlight follows the text even when the user sorts or edits.
   */
  statusColumn?: number;
  /**
   * Which books the sheet shows, written in the same request as the table's last cells so that an
   * undo in Excel (which reverts sheet writes but not the custom XML parts holding the books)
   * reverts it too. Kept in a cell, not a named item: Excel's undo does not revert names.
   */
  stamp?: string;
}

/**
 * Where a table's stamp sits: in its header row, one empty column to the right of the table, as
 * text hidden by the number format. Readers look a few cells further in case the table grew by
 * a column the user typed into.
 */
export const STAMP_PREFIX = "lp-books:";
export const STAMP_FORMAT = ";;;";
export const STAMP_GAP = 1;
export const STAMP_SEARCH = 4;

export const stampCell = (top: CellRef, columns: number): CellRef => ({
  row: top.row,
  col: top.col + columns + STAMP_GAP,
});

/** The stamp among the cells right of a table's header row, if any. */
export function findStamp(cells: CellValue[]): string | null {
  for (const v of cells)
    if (typeof v === "string" && v.startsWith(STAMP_PREFIX)) return v.slice(STAMP_PREFIX.length);
  return null;
}

export interface TableSnapshot {
  sheet: string;
  name: string;
  /** The header row's first cell (or the first body row's, when the header row is switched off). */
  top: CellRef;
  /** Null when the table has no header row any more. */
  headers: string[] | null;
  rows: CellValue[][];
}

/** The mark a status cell starts with when its row has an error; the conditional format keys on it. */
export const ERROR_MARK = "✖";
export const ERROR_FILL = "#F8D7DA";
/** Amber: a warning at its cell, distinct from an error's red. */
export const WARNING_FILL = "#FFF3CD";
export const ERROR_ROW_FILL = "#FDECEE";
