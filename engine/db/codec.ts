import { D, dec, type Dec } from "../kernel/decimal.js";
import { fail } from "../kernel/errors.js";
import { SCALE, type ColumnDef } from "./columns.js";

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
const INT64_MAX = 9223372036854775807n;

/**
 * Decimal → scaled integer, by string: refuses digits the column cannot hold instead of rounding them
 * away. Small values go as numbers, which sql.js binds as native integers without a string round trip.
 */
export function toScaled(value: Dec, scale: number, label: string): bigint | number {
  if (value.isZero()) return 0;
  if (value.decimalPlaces() > scale) {
    return fail("input", `${label}: ${value.toFixed()} has more than ${scale} decimal places.`);
  }
  const digits = value.toFixed(scale).replace(".", "");
  // Up to 15 digits a JS number holds the integer exactly; only longer ones need a bigint.
  if (digits.length <= 15) return Number(digits);
  const scaled = BigInt(digits);
  if (scaled > INT64_MAX || scaled < -INT64_MAX - 1n) {
    return fail("input", `${label}: ${value.toFixed()} is too large to store exactly.`);
  }
  return scaled;
}

export function fromScaled(raw: SqlValue, scale: number): Dec {
  if (raw === null || raw === undefined || raw === 0 || raw === 0n) return ZERO_DEC;
  if (typeof raw === "number") {
    if (!Number.isSafeInteger(raw)) return fail("database", `Stored value ${raw} is not an exact integer.`);
    // Exponent notation is parsed as a decimal string: exact, no division needed.
    return new D(`${raw}e-${scale}`);
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
