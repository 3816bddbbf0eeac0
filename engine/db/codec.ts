import { D, dec, type Dec } from "../kernel/decimal.js";
import { fail } from "../kernel/errors.js";
import { SCALE, type ColumnDef } from "./columns.js";
import { parseExactSum } from "./exactSum.js";

/** Values as the engine holds them in memory. */
export type Value = Dec | string | number | boolean | null;
export type Row = Record<string, Value>;
/**
 * Values as they cross the sql.js boundary. Scaled integers are whole numbers of minor units: they
 * travel as `bigint`, or as a JS number only while they are safe integers (exact in a double, never
 * a fraction). No amount is ever a binary fraction.
 */
export type SqlValue = string | number | bigint | null | Uint8Array;

const ZERO_DEC = dec(0);

/**
 * Every stored decimal is below 10^14 in scaled units: 999,999,999,999.99 for amounts and
 * 999,999,999.99999 for prices, costs, quantities and percentages. That keeps each value a safe JS
 * integer and keeps every SQL sum far from 2^63 (see exactSum.ts). docs/reliability.md lists the limits.
 */
export const MAX_SCALED_DIGITS = 14;

/** The largest value a column of this scale holds, as text for messages ("999,999,999,999.99"). */
export function maxValueText(scale: number): string {
  const whole = "9".repeat(MAX_SCALED_DIGITS - scale).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${whole}.${"9".repeat(scale)}`;
}

/** Refuses a value too large for a column of this scale, with a message that names the field. */
export function checkMagnitude(value: Dec, scale: number, label: string): void {
  if (value.abs().toFixed(scale).replace(".", "").length <= MAX_SCALED_DIGITS) return;
  // Labels are "table.field": the detail names both so a host can mark the cell.
  const [table, field] = label.includes(".") ? label.split(".", 2) : [undefined, label];
  fail(
    "input",
    `${label}: ${value.toFixed().slice(0, 40)} is larger than Ledgerpane can store (at most ${maxValueText(scale)}).`,
    { ...(table ? { table } : {}), ...(field ? { field } : {}) },
  );
}

/**
 * Decimal → scaled integer, by string: refuses digits the column cannot hold instead of rounding them
 * away, and values past the limit above instead of letting a later sum overflow.
 */
export function toScaled(value: Dec, scale: number, label: string): number {
  if (value.isZero()) return 0;
  if (value.decimalPlaces() > scale) {
    return fail("input", `${label}: ${value.toFixed()} has more than ${scale} decimal places.`);
  }
  const digits = value.toFixed(scale).replace(".", "");
  if (digits.length - (digits[0] === "-" ? 1 : 0) > MAX_SCALED_DIGITS) checkMagnitude(value, scale, label);
  return Number(digits);
}

export function fromScaled(raw: SqlValue, scale: number): Dec {
  if (raw === null || raw === undefined || raw === 0 || raw === 0n) return ZERO_DEC;
  if (typeof raw === "number") {
    if (!Number.isSafeInteger(raw)) return fail("database", `Stored value ${raw} is not an exact integer.`);
    // Exponent notation is parsed as a decimal string: exact, no division needed.
    return new D(`${raw}e-${scale}`);
  }
  if (typeof raw === "string") {
    const total = /^-?\d+$/.test(raw) ? BigInt(raw) : parseExactSum(raw);
    if (total === null) return fail("database", `Stored value '${raw.slice(0, 40)}' is not a number.`);
    return new D(`${total.toString()}e-${scale}`);
  }
  return new D(`${raw.toString()}e-${scale}`);
}

export function encodeValue(col: ColumnDef, value: Value, table: string): SqlValue {
  const scale = SCALE[col.kind];
  if (scale !== undefined) {
    if (value === null) return 0;
    return toScaled(dec(value as Dec), scale, `${table}.${col.name}`);
  }
  switch (col.kind) {
    case "bool":
      return value ? 1 : 0;
    case "int":
      return value === null ? 0 : (value as number);
    case "date":
      return value === null || value === "" ? null : String(value);
    default:
      return value === null ? "" : String(value);
  }
}

export function decodeValue(col: ColumnDef, raw: SqlValue): Value {
  const scale = SCALE[col.kind];
  if (scale !== undefined) return fromScaled(raw, scale);
  switch (col.kind) {
    case "bool":
      return raw !== null && Number(raw) !== 0;
    case "int":
      return raw === null ? 0 : Number(raw);
    case "date":
      return raw === null || raw === "" ? null : String(raw);
    default:
      return raw === null ? "" : String(raw);
  }
}
