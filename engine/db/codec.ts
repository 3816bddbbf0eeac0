import { D, dec, type Dec } from "../kernel/decimal.js";
import { fail } from "../kernel/errors.js";
import { SCALE, type ColumnDef } from "./columns.js";

/** Values as the engine holds them in memory. */
export type Value = Dec | string | number | boolean | null;
export type Row = Record<string, Value>;
/** Values as they cross the sql.js boundary: scaled integers travel as bigint, never as floats. */
export type SqlValue = string | number | bigint | null | Uint8Array;

const POW = new Map<number, Dec>([2, 5].map((s) => [s, new D(10).pow(s)]));

/** Decimal → scaled integer, by string: refuses digits the column cannot hold instead of rounding them away. */
export function toScaled(value: Dec, scale: number, label: string): bigint {
  const scaled = value.times(POW.get(scale)!);
  if (!scaled.isInteger()) {
    return fail("input", `${label}: ${value.toFixed()} has more than ${scale} decimal places.`);
  }
  return BigInt(scaled.toFixed(0));
}

export function fromScaled(raw: SqlValue, scale: number): Dec {
  if (raw === null || raw === undefined) return dec(0);
  if (typeof raw === "bigint") return new D(raw.toString()).div(POW.get(scale)!);
  if (typeof raw === "number") {
    if (!Number.isSafeInteger(raw)) return fail("database", `Stored value ${raw} is not an exact integer.`);
    return new D(raw).div(POW.get(scale)!);
  }
  return new D(String(raw)).div(POW.get(scale)!);
}

export function encodeValue(col: ColumnDef, value: Value, table: string): SqlValue {
  const scale = SCALE[col.kind];
  if (scale !== undefined) {
    if (value === null) return 0n;
    return toScaled(dec(value as Dec), scale, `${table}.${col.name}`);
  }
  switch (col.kind) {
    case "bool":
      return value ? 1n : 0n;
    case "int":
      return value === null ? 0n : BigInt(value as number);
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
