import type { CellValue } from "./cells.js";

/**
 * Excel's limits that shape how we talk to it. Excel on the web refuses a request (or a response)
 * larger than about 5 MB; a cell holds at most 32,767 characters. We stay well under the request
 * limit so that JSON escaping and Office.js's own envelope never tip a request over it.
 */
export const EXCEL_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
export const EXCEL_CELL_TEXT_LIMIT = 32_767;
/** Our budget per request for cell payloads: a safety margin under the 5 MB limit. */
export const REQUEST_BUDGET_BYTES = 3 * 1024 * 1024;
/** A cap on rows per request even when they are small, so progress moves and no sync runs long. */
export const MAX_ROWS_PER_REQUEST = 4000;

/** Roughly what a cell costs in Office.js's JSON request: its text plus quotes and a comma. */
export function cellPayloadBytes(v: CellValue): number {
  if (v === null) return 5;
  if (typeof v === "string") return v.length * (/[^\x20-\x7e]/.test(v) ? 3 : 1) + 3;
  return String(v).length + 1;
}

export function rowPayloadBytes(row: readonly CellValue[]): number {
  let n = 2;
  for (const v of row) n += cellPayloadBytes(v);
  return n;
}

/** Splits rows into consecutive batches, each small enough for one request. */
export function planRowBatches(
  rows: readonly (readonly CellValue[])[],
  budget = REQUEST_BUDGET_BYTES,
  maxRows = MAX_ROWS_PER_REQUEST,
): { start: number; count: number }[] {
  const batches: { start: number; count: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const b = rowPayloadBytes(rows[i]!);
    if (i > start && (bytes + b > budget || i - start >= maxRows)) {
      batches.push({ start, count: i - start });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (rows.length > start) batches.push({ start, count: rows.length - start });
  return batches;
}

/** Batches for reading `total` rows of `cols` columns when their size is not known yet. */
export function planReadBatches(total: number, cols: number): { start: number; count: number }[] {
  // Assume generous cells (40 bytes) so that responses stay under the limit too.
  const perRow = Math.max(1, cols) * 40;
  const size = Math.max(1, Math.min(MAX_ROWS_PER_REQUEST, Math.floor(REQUEST_BUDGET_BYTES / perRow)));
  const out: { start: number; count: number }[] = [];
  for (let s = 0; s < total; s += size) out.push({ start: s, count: Math.min(size, total - s) });
  return out;
}

export class ExcelLimitError extends Error {
  constructor(
    readonly code: "RequestPayloadSizeLimitExceeded" | "CellTextTooLong",
    message: string,
  ) {
    super(message);
    this.name = "ExcelLimitError";
  }
}

export function checkCellText(values: readonly (readonly CellValue[])[]): void {
  for (const row of values)
    for (const v of row)
      if (typeof v === "string" && v.length > EXCEL_CELL_TEXT_LIMIT)
        throw new ExcelLimitError(
          "CellTextTooLong",
          `A cell can hold at most ${EXCEL_CELL_TEXT_LIMIT} characters; this value has ${v.length}.`,
        );
}
