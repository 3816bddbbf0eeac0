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

const factories = new Map<string, () => Row>();

/**
 * A row of `table` made only of its schema defaults: what the database would hold after inserting a
 * row with nothing but its key. Built from the registry so it cannot drift from the DDL.
 */
export function defaultRow<T extends TableName>(table: T): TableRows[T] {
  let make = factories.get(table);
  if (!make) {
    const def = tableDef(table);
    if (!def) return fail("internal", `Unknown table '${table}'.`, { table });
    const defaults: Row = {};
    for (const col of def.columns) defaults[col.name] = columnDefault(col);
    // Posting builds dozens of rows of up to ~80 fields for each invoice. Spreading a template that wide
    // costs ~20 µs in V8 (it falls off the fast clone path); an object literal compiled once per table
    // from the registry's own column names costs well under 1 µs and gives every row one hidden class.
    // Values are immutable (strings, numbers, booleans, null, Decimal), so sharing them is safe.
    const body = `return {${def.columns.map((c) => `${JSON.stringify(c.name)}: d[${JSON.stringify(c.name)}]`).join(", ")}};`;
    const literal = new Function("d", body) as (d: Row) => Row;
    make = () => literal(defaults);
    factories.set(table, make);
  }
  return make() as unknown as TableRows[T];
}
