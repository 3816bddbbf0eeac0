import { isBlank, type CellRef, type CellValue } from "../gateway/cells.js";
import {
  ERROR_FILL,
  WARNING_FILL,
  type Progress,
  type TableColumn,
  type WorkbookGateway,
} from "../gateway/gateway.js";
import { parseCell, toCell } from "./cell-values.js";
import {
  HEADER_FIELDS,
  HEADER_FIRST_ROW,
  LINE_COLUMNS,
  LINES_TOP_ROW,
  documentSheetName,
  documentTableName,
  documentTitle,
  type DocumentRef,
  type SheetColumn,
} from "./layouts.js";
import {
  cellOf,
  readTableRows,
  statusText,
  type CellError,
  type FieldError,
  type ReadTable,
} from "./table-reader.js";

export interface HeaderRead {
  values: Record<string, string | number | boolean | null>;
  /** The header cells as the user left them, so a refused value can be written back as typed. */
  raw: Record<string, CellValue>;
  errors: FieldError[];
}

export interface DocumentSheetRead {
  sheet: string;
  header: HeaderRead;
  lines: ReadTable;
  /** Problems with the sheet's shape: nothing on it may be acted on. */
  fatal: CellError[];
  /** The stamp of the books the sheet was last written from (null: none, or no table). */
  stamp: string | null;
}

const LABEL_COL = 0;
const VALUE_COL = 1;
const headerCell = (i: number): CellRef => ({ row: HEADER_FIRST_ROW + i, col: VALUE_COL });
const norm = (s: CellValue) =>
  String(s ?? "")
    .trim()
    .toLowerCase();

export async function readDocumentSheet(
  gw: WorkbookGateway,
  doc: DocumentRef,
  progress?: Progress,
): Promise<DocumentSheetRead> {
  const sheet = documentSheetName(doc);
  const table = documentTableName(doc);
  const empty: ReadTable = { rows: [], fatal: [] };
  const sheets = (await gw.listSheets()).map((s) => s.toLowerCase());
  if (!sheets.includes(sheet.toLowerCase()))
    return {
      sheet,
      header: { values: {}, raw: {}, errors: [] },
      lines: empty,
      stamp: null,
      fatal: [
        {
          sheet,
          cell: { row: 0, col: 0 },
          column: "",
          message: `The sheet '${sheet}' is missing (renamed or deleted?). Open the document from the pane to rebuild it.`,
        },
      ],
    };
  const snapshot = await gw.readTable(table, progress);
  const linesTop = snapshot?.top ?? { row: LINES_TOP_ROW, col: 0 };
  const lines = readTableRows(snapshot, LINE_COLUMNS, { sheet, table, top: linesTop });
  const stamp = snapshot ? await gw.readTableStamp(table) : null;

  // Header fields are found by their captions above the table, so a deleted row is noticed.
  const above = Math.max(1, Math.min(linesTop.row, 60));
  const block = await gw.readRange(sheet, { row: 0, col: 0 }, above, 2);
  const rowOf = new Map<string, number>();
  block.forEach((r, i) => {
    const label = norm(r[LABEL_COL] ?? "");
    if (label && !rowOf.has(label)) rowOf.set(label, i);
  });
  const fatal: CellError[] = [...lines.fatal];
  const values: HeaderRead["values"] = {};
  const raw: HeaderRead["raw"] = {};
  const errors: FieldError[] = [];
  HEADER_FIELDS.forEach((f, i) => {
    const row = rowOf.get(f.label.toLowerCase());
    if (row === undefined) {
      fatal.push({
        sheet,
        cell: { row: HEADER_FIRST_ROW + i, col: LABEL_COL },
        column: f.label,
        message: `The header row '${f.label}' is missing above the lines (was a row deleted?). Rebuild the sheet from the pane; nothing was saved.`,
      });
      return;
    }
    if (f.role !== "input" && f.role !== "key") return;
    raw[f.field] = block[row]![VALUE_COL] ?? "";
    const parsed = parseCell(raw[f.field] ?? "", f.kind, f.label);
    if (parsed.ok) values[f.field] = parsed.value;
    else errors.push({ field: f.field, message: parsed.message });
  });
  if (fatal.length === 0) {
    const type = String(values.documentType ?? "");
    const no = String(values.no ?? "");
    if (type.toLowerCase() !== doc.documentType.toLowerCase() || no.toUpperCase() !== doc.no.toUpperCase())
      fatal.push({
        sheet,
        cell: headerCell(1),
        column: "No.",
        message: `This sheet belongs to ${doc.documentType} ${doc.no}; its Document Type and No. cannot be changed. Put them back or rebuild the sheet.`,
      });
  }
  return { sheet, header: { values, raw, errors }, lines, fatal, stamp };
}

export interface OutputRow {
  values: Record<string, unknown>;
  errors: FieldError[];
  /** The engine's warnings for this line (stock-out at the Quantity cell): shown amber, never blocking. */
  warnings?: FieldError[];
  /** Status text for rows without errors ("Posted", a warning). */
  note?: string;
}

export interface DocumentSheetContent {
  doc: DocumentRef;
  header: Record<string, unknown>;
  headerErrors: FieldError[];
  rows: OutputRow[];
  /** Shown in the title row, e.g. "posted as invoice 103001". */
  banner?: string;
  /** The stamp of the books the content comes from (see books-stamp.ts). */
  stamp?: string;
}

const lineTableColumns = (cols: SheetColumn[]): TableColumn[] =>
  cols.map((c) => ({
    header: c.header,
    ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}),
    ...(c.list ? { list: c.list } : {}),
    ...(c.role === "computed" || c.role === "status" || c.role === "key" ? { computed: true } : {}),
  }));

/** Writes (or rewrites) the document's sheet and returns where each error now sits. */
export async function writeDocumentSheet(
  gw: WorkbookGateway,
  content: DocumentSheetContent,
  progress?: Progress,
): Promise<CellError[]> {
  const sheet = documentSheetName(content.doc);
  await gw.ensureSheet(sheet);
  const headerErrors = new Map<string, string[]>();
  for (const e of content.headerErrors) {
    const key = e.field ?? "check";
    headerErrors.set(key, [...(headerErrors.get(key) ?? []), e.message]);
  }
  const lineErrorCount = content.rows.reduce((n, r) => n + r.errors.length, 0);
  const check =
    content.headerErrors.length + lineErrorCount === 0
      ? "OK"
      : `✖ ${content.headerErrors.length + lineErrorCount} problem(s): ${
          lineErrorCount === 0
            ? "see the marked header cells and the pane"
            : content.headerErrors.length === 0
              ? "see the Status column and the pane"
              : "see the marked header cells, the Status column and the pane"
        }`;

  const title = `${documentTitle(content.doc)}${content.banner ? ` (${content.banner})` : ""}`;
  const block: CellValue[][] = [
    [title, "Enter lines in the table below, then Validate in the Ledgerpane pane."],
  ];
  const formats: (string | null)[][] = [[null, null]];
  for (const f of HEADER_FIELDS) {
    const value = f.field === "check" ? check : toCell(content.header[f.field]);
    block.push([f.label, value === " " ? "" : value]);
    formats.push([null, f.numberFormat ?? null]);
  }
  const top = { row: LINES_TOP_ROW, col: 0 };
  const statusCol = LINE_COLUMNS.findIndex((c) => c.role === "status");
  await gw.writeTable(
    {
      sheet,
      name: documentTableName(content.doc),
      top,
      columns: lineTableColumns(LINE_COLUMNS),
      rows: content.rows.map((r) =>
        LINE_COLUMNS.map((c) => {
          if (c.role === "status")
            return r.errors.length === 0 && r.warnings?.length
              ? statusText(r.warnings, LINE_COLUMNS).replace(/^✖/, "⚠")
              : statusText(r.errors, LINE_COLUMNS, r.note ?? "");
          const v = toCell(r.values[c.field]);
          return v === " " ? "" : v;
        }),
      ),
      statusColumn: statusCol,
      ...(content.stamp !== undefined ? { stamp: content.stamp } : {}),
    },
    progress,
  );
  // After the table: rewriting a table first clears its old place, which a moved table may share with the header block.
  await gw.writeRange(sheet, { row: 0, col: 0 }, block, { numberFormats: formats });
  await gw.writeRange(sheet, { row: 0, col: 0 }, [[title]], { bold: true });

  const errors: CellError[] = [];
  const fills: { cell: CellRef; color: string | null }[] = [];
  HEADER_FIELDS.forEach((f, i) => {
    const messages = headerErrors.get(f.field);
    fills.push({ cell: headerCell(i), color: messages ? ERROR_FILL : null });
    for (const message of messages ?? [])
      errors.push({ sheet, cell: headerCell(i), column: f.label, message });
  });
  content.rows.forEach((r, i) => {
    for (const e of r.errors) {
      const cell = cellOf(top, LINE_COLUMNS, i, e.field);
      const column = LINE_COLUMNS.find((c) => c.field === e.field)?.header ?? "Status";
      errors.push({ sheet, cell, column, message: e.message });
      fills.push({ cell, color: ERROR_FILL });
    }
    for (const w of r.errors.length === 0 ? (r.warnings ?? []) : []) {
      const cell = cellOf(top, LINE_COLUMNS, i, w.field);
      const column = LINE_COLUMNS.find((c) => c.field === w.field)?.header ?? "Status";
      errors.push({ sheet, cell, column, message: w.message, severity: "warning" });
      fills.push({ cell, color: WARNING_FILL });
    }
  });
  await gw.setCellFills(sheet, fills);
  return errors;
}

/** What an engine sales line looks like in the sheet. */
export function lineValues(line: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of LINE_COLUMNS) if (c.role !== "status") out[c.field] = line[c.field];
  return out;
}

export function isEmptyInput(values: Record<string, CellValue>): boolean {
  return LINE_COLUMNS.every((c) => c.role !== "input" || isBlank(values[c.field] ?? null));
}
