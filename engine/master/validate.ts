import { asObject, parseRow } from "../api/input.js";
import type { Row, Value } from "../db/codec.js";
import type { TableDef } from "../db/columns.js";
import type { Repo } from "../db/repo.js";
import { tableDef } from "../db/schema/index.js";
import type { TableName } from "../db/schema/rows.generated.js";
import { D, formatDecimal } from "../kernel/decimal.js";
import { ErrorCollector } from "../kernel/errors.js";
import { fieldCaption } from "../setup/captions.js";
import { defaultRow } from "../setup/defaults.js";
import { BLANK_KEY_ALLOWED, TABLE_RULES, type RuleContext } from "./rules/index.js";

/** One input row of an upsert, parsed and merged over what is stored. */
export interface PreparedRow {
  /** Position in the input (0-based). */
  index: number;
  /** The fields given, as typed values. */
  given: Row;
  /** Key values in key order, as the repo takes them. */
  key: (string | number)[];
  /** The key for error details: `{ no: "C10000" }`; empty for singletons. */
  keyRecord: Record<string, string>;
  /** `customer C10000`, `generalPostingSetup ('', RETAIL)`, `generalLedgerSetup`. */
  label: string;
  /** The stored row before this upsert. */
  before: Row | undefined;
  /** What will be stored: defaults (new rows) or stored values, then earlier rows of this batch, then `given`. */
  merged: Row;
}

function keyText(value: Value): string {
  if (value instanceof D) return formatDecimal(value);
  return value === null ? "" : String(value);
}

function rowLabel(def: TableDef, keyRecord: Record<string, string>): string {
  if (def.singleton) return def.name;
  const shown = def.key.map((k) => (keyRecord[k] === "" ? "''" : (keyRecord[k] ?? "")));
  return shown.length === 1 ? `${def.name} ${shown[0]}` : `${def.name} (${shown.join(", ")})`;
}

/**
 * Parses every input row and merges it over the stored row (or the schema defaults), and over earlier
 * rows of the same batch with the same key. Problems with the input go to `errors`; rows whose key
 * cannot be read are left out.
 */
export function prepareRows(
  repo: Repo,
  def: TableDef,
  rawRows: readonly unknown[],
  errors: ErrorCollector,
): PreparedRow[] {
  const table = def.name;
  const prepared: PreparedRow[] = [];
  const latest = new Map<string, Row>();
  rawRows.forEach((raw, index) => {
    const obj = asObject(raw, `upsert ${table} row ${index + 1}`, "rows");
    const parseErrors = new ErrorCollector();
    const given = parseRow(table, obj, parseErrors);
    if (def.singleton) given.primaryKey = "";
    const missing = def.key.filter((k) => given[k] === undefined);
    const keyRecord: Record<string, string> = {};
    if (!def.singleton) for (const k of def.key) if (given[k] !== undefined) keyRecord[k] = keyText(given[k]);
    const label = missing.length === 0 ? rowLabel(def, keyRecord) : `${table} row ${index + 1}`;
    for (const { message, ...detail } of parseErrors.details)
      errors.add(`${label}: ${message}`, { ...detail, table, ...(def.singleton ? {} : { key: keyRecord }) });
    for (const k of missing) {
      if (parseErrors.details.some((d) => d.field === k)) continue;
      errors.add(`${label}: the key field '${k}' is missing.`, { table, field: k, key: keyRecord });
    }
    if (missing.length > 0) return;
    const key = def.key.map((k) => {
      const v = given[k]!;
      return v instanceof D ? formatDecimal(v) : (v as string | number);
    });
    const id = JSON.stringify(key);
    const before = repo.get(table as TableName, ...key) as Row | undefined;
    const base = latest.get(id) ?? before ?? (defaultRow(table as TableName) as unknown as Row);
    const merged: Row = { ...base, ...given };
    latest.set(id, merged);
    prepared.push({ index, given, key, keyRecord, label, before, merged });
  });
  return prepared;
}

/**
 * Checks every prepared row: key fields not blank (except where BLANK_KEY_ALLOWED says so), every
 * non-blank reference names an existing row (stored, or given in the same batch), then the table's own
 * rules. Problems go to `errors`, one detail per field, each with table, key and field.
 */
export function validateRows(
  repo: Repo,
  def: TableDef,
  rows: readonly PreparedRow[],
  errors: ErrorCollector,
): void {
  const table = def.name;
  const inBatch = new Set(rows.filter((r) => r.key.length === 1).map((r) => String(r.key[0])));
  const seen = new Map<string, boolean>();
  const exists = (refTable: string, value: string): boolean => {
    if (refTable === table && inBatch.has(value)) return true;
    const id = `${refTable}\u0000${value}`;
    let found = seen.get(id);
    if (found === undefined) {
      found = repo.get(refTable as TableName, value) !== undefined;
      seen.set(id, found);
    }
    return found;
  };
  const blankAllowed = new Set(BLANK_KEY_ALLOWED[table] ?? []);
  const rules = TABLE_RULES[table] ?? [];

  for (const r of rows) {
    const where = def.singleton ? { table } : { table, key: r.keyRecord };
    const report = (field: string, message: string) => errors.add(message, { ...where, field });

    if (!def.singleton) {
      for (const k of def.key) {
        const col = def.columns.find((c) => c.name === k)!;
        if ((col.kind === "code" || col.kind === "text") && r.merged[k] === "" && !blankAllowed.has(k))
          report(k, `${table} row ${r.index + 1}: ${fieldCaption(k)} must have a value.`);
      }
    }

    for (const col of def.columns) {
      if (!col.ref) continue;
      const value = r.merged[col.name];
      if (typeof value !== "string" || value === "") continue;
      const refDef = tableDef(col.ref);
      // References resolve against single-key tables only; composite-key targets are not checked.
      if (!refDef || refDef.key.length !== 1) continue;
      if (!exists(col.ref, value))
        report(col.name, `${r.label}: ${fieldCaption(col.name)} '${value}' does not exist.`);
    }

    const ctx: RuleContext = {
      table,
      row: r.merged,
      before: r.before,
      given: new Set(Object.keys(r.given)),
      repo,
      error: (field, message) => report(field, `${r.label}: ${message}`),
    };
    for (const rule of rules) rule(ctx);
  }
}
