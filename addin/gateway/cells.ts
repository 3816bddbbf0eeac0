/**
 * Cell values and A1 addresses as both workbook implementations see them. Rows and columns are
 * 0-based in code and turned into A1 text only at the edge (Office.js addresses, messages to users).
 */
export type CellValue = string | number | boolean | null;

export interface CellRef {
  row: number;
  col: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function a1(ref: CellRef): string {
  return `${columnLetters(ref.col)}${ref.row + 1}`;
}

/** `A1:C3` for a block starting at `top` with the given size. */
export function a1Range(top: CellRef, rows: number, cols: number): string {
  const end = { row: top.row + Math.max(rows, 1) - 1, col: top.col + Math.max(cols, 1) - 1 };
  return `${a1(top)}:${a1(end)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

export function parseA1(text: string): CellRef {
  const m = CELL.exec(text.trim());
  if (!m) throw new Error(`'${text}' is not a cell address.`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

export interface RangeRef {
  top: CellRef;
  rows: number;
  cols: number;
}

/** Accepts `B3` or `B3:D9`; Office.js may prefix the sheet (`Sheet1!B3:D9`), which is dropped. */
export function parseRange(text: string): RangeRef {
  const local = text.includes("!") ? text.slice(text.lastIndexOf("!") + 1) : text;
  const [from, to] = local.split(":");
  const a = parseA1(from!);
  const b = to ? parseA1(to) : a;
  const top = { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) };
  return { top, rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

/** Excel quotes sheet names with spaces or punctuation in references: `'Order SO1001'!C13`. */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}
