import { D } from "../kernel/decimal.js";
import type { ColumnDef } from "../db/columns.js";
import { SCALE } from "../db/columns.js";
import type { Value } from "../db/codec.js";

/** Decimals leave the engine as strings: amounts with their two places, others without trailing zeros. */
export function toJsonValue(value: unknown, col?: ColumnDef): unknown {
  if (value instanceof D) {
    if (col && SCALE[col.kind] === 2) return value.toFixed(2);
    return value.toFixed();
  }
  if (Array.isArray(value)) return value.map((v) => toJsonValue(v));
  if (isReadResult(value)) return value.rows.map((row) => rowToJson(row, value.columns));
  if (value && typeof value === "object" && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v);
    return out;
  }
  return value;
}

export function rowToJson(row: Record<string, Value>, cols: readonly ColumnDef[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const byName = new Map(cols.map((c) => [c.name, c]));
  for (const [k, v] of Object.entries(row))
    out[k] = toJsonValue(v, byName.get(k) ?? { name: k, kind: "amount" });
  return out;
}

function isReadResult(v: unknown): v is { columns: ColumnDef[]; rows: Record<string, Value>[] } {
  return (
    !!v &&
    typeof v === "object" &&
    Array.isArray((v as { columns?: unknown }).columns) &&
    Array.isArray((v as { rows?: unknown }).rows)
  );
}
