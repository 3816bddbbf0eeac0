import type { Ctx } from "../api/context.js";
import { readinessWarnings } from "./readiness.js";
import { asArray, asTableName, onlyFields, required, type JsonObject } from "../api/input.js";
import type { Row } from "../db/codec.js";
import { tableDef } from "../db/schema/index.js";
import type { TableName } from "../db/schema/rows.generated.js";
import { ErrorCollector, fail } from "../kernel/errors.js";
import { prepareRows, validateRows, type PreparedRow } from "./validate.js";

/**
 * Tables `upsert` may write: set-up and master data, never documents or ledgers. Names that are not
 * (yet) in the table registry are refused as unknown tables until their definition lands.
 */
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
  // Master and set-up tables the scenario format names for later features.
  "vendor",
  "vendorPostingGroup",
  "purchasing",
  "purchasesPayablesSetup",
  "assemblyBom",
  "assemblySetup",
  "standardSalesCode",
  "standardSalesLine",
  "standardCustomerSalesCode",
  "returnReason",
  "dimension",
  "dimensionValue",
  "shipToAddress",
  "bankAccount",
  "bankAccountPostingGroup",
  "companyInformation",
  "userSetup",
  "workflow",
]);

/**
 * upsert merges: fields not given keep their value. Every row is parsed, merged and validated before
 * any is written, and all problems are reported together (code "validation") with the table, key and
 * field they belong to; a refused upsert writes nothing.
 */
export function upsert(
  ctx: Ctx,
  input: JsonObject,
): { count: number; warnings: string[]; warningDetails: Ctx["warningDetails"] } {
  onlyFields(input, ["table", "rows"], "upsert");
  const table = asTableName(required(input, "table", "upsert"), "upsert: 'table'");
  if (!UPSERT_TABLES.has(table)) {
    return fail("input", `upsert: '${table}' is not a set-up or master data table.`, { table });
  }
  const def = tableDef(table);
  if (!def) return fail("input", `upsert: unknown table '${table}'.`, { table });
  const rows = asArray(required(input, "rows", "upsert"), "upsert: 'rows'", "rows");
  const errors = new ErrorCollector();
  const prepared = prepareRows(ctx.repo, def, rows, errors);
  validateRows(ctx.repo, def, prepared, errors);
  errors.throwIfAny("validation");

  // One write per key: the last occurrence in the batch holds the merge of all of them.
  const final = new Map<string, PreparedRow>();
  for (const r of prepared) final.set(JSON.stringify(r.key), r);
  for (const r of final.values()) write(ctx, table as TableName, r);
  readinessWarnings(ctx, table, [...final.values()]);
  return { count: rows.length, warnings: ctx.warnings, warningDetails: ctx.warningDetails };
}

function write(ctx: Ctx, table: TableName, r: PreparedRow): void {
  const stored = ctx.repo.get(table, ...r.key);
  if (!stored) {
    ctx.repo.insert(table, r.merged as never);
    return;
  }
  const changes: Row = {};
  for (const [field, value] of Object.entries(r.merged)) {
    if (!valueEquals(value, (stored as unknown as Row)[field])) changes[field] = value;
  }
  ctx.repo.update(table, r.key, changes as never);
}

function valueEquals(a: Row[string], b: Row[string] | undefined): boolean {
  if (a !== null && typeof a === "object" && b !== null && typeof b === "object") return a.equals(b);
  return a === b;
}
