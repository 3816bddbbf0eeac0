import Decimal from "decimal.js";
import { isBlank, type CellValue } from "../gateway/cells.js";

/**
 * Turning cells into command input and engine output into cells. Amounts and quantities stay text
 * from end to end: a number read from Excel is passed on as its shortest decimal text (what the
 * user typed), and compared with the engine's value as decimals, never as floats.
 */
export type FieldKind = "code" | "text" | "decimal" | "int" | "date" | "bool" | "option";

export type Parsed = { ok: true; value: string | number | boolean | null } | { ok: false; message: string };

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Excel stores dates as days since 1899-12-30; integer arithmetic on the serial, no time zones. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Date.UTC(1899, 11, 30) + serial * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function numberText(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const s = String(n);
  return /e/i.test(s) ? new Decimal(s).toFixed() : s;
}

/** Reads one cell as the given kind. Blank cells are `null` (the caller decides what blank means). */
export function parseCell(value: CellValue, kind: FieldKind, caption: string): Parsed {
  if (isBlank(value)) return { ok: true, value: null };
  switch (kind) {
    case "decimal":
    case "int": {
      const text =
        typeof value === "number" ? numberText(value) : typeof value === "string" ? value.trim() : null;
      if (text === null || !DECIMAL.test(text))
        return { ok: false, message: `${caption}: '${String(value)}' is not a number.` };
      if (kind === "int" && !/^[+-]?\d+$/.test(text))
        return { ok: false, message: `${caption}: '${text}' is not a whole number.` };
      return { ok: true, value: kind === "int" ? Number(text) : text };
    }
    case "date": {
      if (typeof value === "number") {
        const iso = excelSerialToIso(value);
        return iso ? { ok: true, value: iso } : { ok: false, message: `${caption}: ${value} is not a date.` };
      }
      const text = String(value).trim();
      if (ISO_DATE.test(text)) return { ok: true, value: text };
      return { ok: false, message: `${caption}: '${text}' is not a date (write it as YYYY-MM-DD).` };
    }
    case "bool": {
      if (typeof value === "boolean") return { ok: true, value };
      const text = String(value).trim().toLowerCase();
      if (["yes", "true", "1"].includes(text)) return { ok: true, value: true };
      if (["no", "false", "0"].includes(text)) return { ok: true, value: false };
      return { ok: false, message: `${caption}: '${String(value)}' is not Yes or No.` };
    }
    case "code":
      return {
        ok: true,
        value: (typeof value === "number" ? (numberText(value) ?? "") : String(value).trim()).toUpperCase(),
      };
    default:
      return { ok: true, value: typeof value === "number" ? (numberText(value) ?? "") : String(value) };
  }
}

/** Whether a cell's parsed value says the same as the engine's stored value. */
export function sameValue(kind: FieldKind, cell: string | number | boolean | null, engine: unknown): boolean {
  const blankEngine = engine === null || engine === undefined || engine === "";
  if (cell === null || cell === "") {
    if (kind === "decimal" || kind === "int") return blankEngine || isZero(engine);
    if (kind === "bool") return blankEngine || engine === false;
    return blankEngine || (kind === "option" && engine === " ");
  }
  if (blankEngine) return false;
  switch (kind) {
    case "decimal":
    case "int":
      try {
        return new Decimal(String(cell)).eq(new Decimal(String(engine)));
      } catch {
        return false;
      }
    case "code":
      return String(cell).toUpperCase() === String(engine).toUpperCase();
    default:
      return String(cell) === String(engine);
  }
}

function isZero(v: unknown): boolean {
  try {
    return new Decimal(String(v)).isZero();
  } catch {
    return false;
  }
}

/** An engine value as a cell: decimal text stays text, blanks become empty cells. */
export function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return JSON.stringify(v);
}
