import { decodeValue, type Row, type SqlValue } from "../db/codec.js";
import { defaultValueSql, type ColumnDef } from "../db/columns.js";
import { tableDef } from "../db/schema/index.js";
import type { TableName, TableRows } from "../db/schema/rows.generated.js";
import { fail } from "../kernel/errors.js";

/** The value a column takes when a row is inserted without it, decoded exactly as a stored value would be. */
export function columnDefault(col: ColumnDef): Row[string] {
  const sql = defaultValueSql(col).trim();
  let raw: SqlValue;
  if (sql.toUpperCase() === "NULL") raw = null;
  else if (sql.startsWith("'")) raw = sql.slice(1, -1).replace(/''/g, "'");
  else raw = BigInt(sql);
  return decodeValue(col, raw);
}

const cache = new Map<string, Row>();

/**
 * A row of `table` made only of its schema defaults: what the database would hold after inserting a
 * row with nothing but its key. Built from the registry so it cannot drift from the DDL.
 */
export function defaultRow<T extends TableName>(table: T): TableRows[T] {
  let row = cache.get(table);
  if (!row) {
    const def = tableDef(table);
    if (!def) return fail("internal", `Unknown table '${table}'.`, { table });
    row = {};
    for (const col of def.columns) row[col.name] = columnDefault(col);
    cache.set(table, row);
  }
  // Values are immutable (strings, numbers, Decimal); a shallow copy keeps the cache safe.
  return { ...row } as unknown as TableRows[T];
}
