import type { ColumnDef } from "../db/columns.js";
import { decodeValue, encodeValue, type Value } from "../db/codec.js";
import type { Repo } from "../db/repo.js";
import type { IsoDate } from "../kernel/dates.js";
import { ErrorCollector, fail } from "../kernel/errors.js";
import { parseField, collectError } from "../api/input.js";
import { COMPUTED } from "./computed.js";

export interface ReadRequest {
  table: string;
  where?: Record<string, unknown>;
  limit?: number;
  /** Only rows whose first key column is at least this (entries made since a known point). */
  fromKey?: number;
}

export interface ReadResult {
  columns: ColumnDef[];
  rows: Record<string, Value>[];
}

/**
 * Reads any table, stored and computed fields alike, filtered by equality on any of them. The
 * filter values are parsed like command input, so "1210.00" matches an amount of 1210.
 */
export function readTable(repo: Repo, workDate: IsoDate, req: ReadRequest): ReadResult {
  const c = repo.def(req.table);
  const computed = COMPUTED[req.table] ?? [];
  const columns: ColumnDef[] = [...c.def.columns, ...computed.map((f) => ({ name: f.name, kind: f.kind }))];
  const byName = new Map(columns.map((col) => [col.name, col]));
  const dateLiteral = `'${workDate.replace(/'/g, "")}'`;
  const select = [
    ...c.def.columns.map((col) => `t."${col.name}"`),
    ...computed.map((f) => `${f.sql.replace(/:workDate/g, dateLiteral)} AS "${f.name}"`),
  ];
  const errors = new ErrorCollector();
  const conds: string[] = [];
  const params: ReturnType<typeof encodeValue>[] = [];
  for (const [field, raw] of Object.entries(req.where ?? {})) {
    const col = byName.get(field);
    if (!col) {
      errors.add(`Table '${req.table}' has no field '${field}'.`, { table: req.table, field });
      continue;
    }
    try {
      const value = parseField(col, raw, `${req.table}.${field}`);
      if (value === null) conds.push(`"${field}" IS NULL`);
      else {
        // Computed fields are expressions without column affinity: compare integers as integers.
        const isInteger =
          col.kind !== "text" &&
          col.kind !== "code" &&
          col.kind !== "option" &&
          col.kind !== "date" &&
          col.kind !== "dateFormula";
        conds.push(isInteger ? `"${field}" = CAST(? AS INTEGER)` : `"${field}" = ?`);
        params.push(encodeValue(col, value, req.table));
      }
    } catch (e) {
      collectError(errors, e, { table: req.table, field });
    }
  }
  errors.throwIfAny("input");
  if (req.fromKey !== undefined) {
    conds.push(`"${c.def.key[0]}" >= ?`);
    params.push(BigInt(req.fromKey));
  }
  const order = c.def.key.map((k) => `"${k}"`).join(", ");
  let sql = `SELECT * FROM (SELECT ${select.join(", ")} FROM "${req.table}" t)`;
  if (conds.length) sql += ` WHERE ${conds.join(" AND ")}`;
  sql += ` ORDER BY ${order}`;
  if (req.limit !== undefined) {
    if (!Number.isSafeInteger(req.limit) || req.limit < 0)
      fail("input", "read: 'limit' must be a whole number ≥ 0.");
    sql += ` LIMIT ${req.limit}`;
  }
  const rows = repo.db.all(sql, params).map((raw) => {
    const row: Record<string, Value> = {};
    columns.forEach((col, i) => {
      row[col.name] = decodeValue(col, raw[i] ?? null);
    });
    return row;
  });
  return { columns, rows };
}
