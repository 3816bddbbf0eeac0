import type { Ctx } from "../api/context.js";
import { asArray, asObject, onlyFields, parseRow, required, type JsonObject } from "../api/input.js";
import type { Value } from "../db/codec.js";
import { tableDef } from "../db/schema/index.js";
import type { TableName } from "../db/schema/rows.generated.js";
import { ErrorCollector, fail } from "../kernel/errors.js";

/** Tables `upsert` may write: set-up and master data, never documents or ledgers. */
export const UPSERT_TABLES = new Set<string>([
  "unitOfMeasure",
  "genBusinessPostingGroup",
  "genProductPostingGroup",
  "vatBusinessPostingGroup",
  "vatProductPostingGroup",
  "inventoryPostingGroup",
  "customerPostingGroup",
  "generalPostingSetup",
  "vatPostingSetup",
  "inventoryPostingSetup",
  "paymentTerms",
  "noSeries",
  "salesReceivablesSetup",
  "inventorySetup",
  "generalLedgerSetup",
  "location",
  "custInvoiceDisc",
  "glAccount",
  "customer",
  "item",
]);

/**
 * upsert merges: fields not given keep their value. Every row is checked before any is written, and
 * all problems are reported together with the table, key and field they belong to.
 */
export function upsert(ctx: Ctx, input: JsonObject): { count: number } {
  onlyFields(input, ["table", "rows"], "upsert");
  const table = String(required(input, "table", "upsert"));
  if (!UPSERT_TABLES.has(table)) {
    return fail("input", `upsert: '${table}' is not a set-up or master data table.`, { table });
  }
  const def = tableDef(table)!;
  const rows = asArray(required(input, "rows", "upsert"), "upsert: 'rows'");
  const errors = new ErrorCollector();
  const parsed: Record<string, Value>[] = [];
  rows.forEach((raw, i) => {
    const obj = asObject(raw, `upsert ${table} row ${i + 1}`);
    const row = parseRow(table, obj, errors, { where: { key: { row: String(i + 1) } } });
    if (def.singleton) row.primaryKey = "";
    for (const k of def.key) {
      if (row[k] === undefined) {
        if (def.singleton) continue;
        errors.add(`${table} row ${i + 1}: the key field '${k}' is missing.`, { table, field: k });
      }
    }
    parsed.push(row);
  });
  errors.throwIfAny("validation");
  for (const row of parsed) {
    const key = def.key.map((k) => row[k] as string | number);
    const existing = ctx.repo.get(table as TableName, ...key);
    if (existing) ctx.repo.update(table as TableName, key, row as never);
    else ctx.repo.insert(table as TableName, row as never);
  }
  return { count: parsed.length };
}
