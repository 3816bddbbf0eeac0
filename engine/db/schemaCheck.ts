import { defaultValueSql, sqlType, type TableDef } from "./columns.js";
import type { Database } from "./database.js";
import { appendOnlyTriggerSql, indexSql } from "./ddl.js";
import { TABLES } from "./schema/index.js";

export interface SchemaCheck {
  /** What differs from the registry and cannot be put right: the file must not be used. */
  problems: string[];
  /** Append-only triggers and indexes that were missing or altered and were recreated. */
  repaired: string[];
}

/** At most this many differences are named; the rest are counted. */
const SHOW = 8;

function listed(items: readonly string[]): string {
  const named = items.slice(0, SHOW).join("; ");
  return items.length > SHOW ? `${named}; … (${items.length} in all)` : named;
}

function expectedTriggers(defs: readonly TableDef[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const def of defs) {
    for (const sql of appendOnlyTriggerSql(def)) out.set(/^CREATE TRIGGER "([^"]+)"/.exec(sql)![1]!, sql);
  }
  return out;
}

function expectedIndexes(
  defs: readonly TableDef[],
): Map<string, { table: string; columns: string[]; sql: string }> {
  const out = new Map<string, { table: string; columns: string[]; sql: string }>();
  for (const def of defs) {
    const sqls = indexSql(def);
    (def.indexes ?? []).forEach((columns, i) => {
      out.set(`${def.name}_${columns.join("_")}`, { table: def.name, columns: [...columns], sql: sqls[i]! });
    });
  }
  return out;
}

function columnDifferences(db: Database, def: TableDef): string[] {
  const info = db.all(`PRAGMA table_info("${def.name}")`).map((r) => ({
    name: String(r[1]),
    type: String(r[2]).toUpperCase(),
    notNull: Number(r[3]) !== 0,
    dflt: r[4] === null ? "NULL" : String(r[4]),
    pk: Number(r[5]),
  }));
  const out: string[] = [];
  const byName = new Map(info.map((c) => [c.name, c]));
  for (const col of def.columns) {
    const c = byName.get(col.name);
    if (!c) {
      out.push(`column ${def.name}.${col.name} is missing`);
      continue;
    }
    const type = sqlType(col.kind);
    if (c.type !== type) out.push(`column ${def.name}.${col.name} is ${c.type || "untyped"}, not ${type}`);
    if (c.notNull !== (col.kind !== "date"))
      out.push(`column ${def.name}.${col.name} ${c.notNull ? "refuses" : "allows"} empty (NULL) values`);
    if (c.dflt !== defaultValueSql(col))
      out.push(`column ${def.name}.${col.name} defaults to ${c.dflt}, not ${defaultValueSql(col)}`);
  }
  const known = new Set(def.columns.map((c) => c.name));
  for (const c of info) if (!known.has(c.name)) out.push(`column ${def.name}.${c.name} is not Ledgerpane's`);
  const key = info
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  if (key.join(",") !== def.key.join(","))
    out.push(`table ${def.name} is keyed by (${key.join(", ")}), not (${def.key.join(", ")})`);
  return out;
}

/**
 * Compares the file's schema with the table registry (tables, columns with their types, defaults and
 * keys, indexes, append-only triggers). Missing or altered append-only triggers and missing indexes
 * are recreated, inside the caller's transaction; everything else that differs is a problem: a table
 * or column too many or too few, a trigger or view that is not Ledgerpane's (it could change what a
 * posting writes).
 */
export function checkSchema(
  db: Database,
  { repair, defs = TABLES }: { repair: boolean; defs?: readonly TableDef[] },
): SchemaCheck {
  const problems: string[] = [];
  const repaired: string[] = [];
  // Without repair (Verify books reads only), what open would recreate is reported as a problem.
  const fix = (what: string, sql: string): void => {
    if (repair) {
      db.exec(sql);
      repaired.push(`${what} and was restored`);
    } else problems.push(what);
  };
  const objects = db
    .all(`SELECT "type", "name", "tbl_name", "sql" FROM sqlite_master WHERE "name" NOT LIKE 'sqlite_%'`)
    .map((r) => ({
      type: String(r[0]),
      name: String(r[1]),
      table: String(r[2]),
      sql: r[3] === null ? null : String(r[3]),
    }));
  const tables = new Set(objects.filter((o) => o.type === "table").map((o) => o.name));
  for (const def of defs) {
    if (!tables.has(def.name)) problems.push(`table ${def.name} is missing`);
    else problems.push(...columnDifferences(db, def));
  }
  const known = new Set(defs.map((d) => d.name));
  for (const t of tables) if (!known.has(t)) problems.push(`table ${t} is not Ledgerpane's`);
  for (const o of objects.filter((x) => x.type === "view"))
    problems.push(`view ${o.name} is not Ledgerpane's`);

  const triggers = expectedTriggers(defs);
  for (const o of objects.filter((x) => x.type === "trigger")) {
    const sql = triggers.get(o.name);
    if (sql === undefined) problems.push(`trigger ${o.name} on ${o.table} is not Ledgerpane's`);
    else if (o.sql?.trim().replace(/;$/, "") !== sql.trim().replace(/;$/, "") && tables.has(o.table)) {
      fix(`trigger ${o.name} was altered`, `DROP TRIGGER "${o.name}"; ${sql}`);
    }
  }
  const present = new Set(objects.filter((x) => x.type === "trigger").map((o) => o.name));
  for (const [name, sql] of triggers) {
    const table = name.replace(/_append_only_(delete|update)$/, "");
    if (present.has(name) || !tables.has(table)) continue;
    fix(`trigger ${name} was missing`, sql);
  }

  const indexes = expectedIndexes(defs);
  const presentIndexes = new Set<string>();
  for (const o of objects.filter((x) => x.type === "index")) {
    presentIndexes.add(o.name);
    const want = indexes.get(o.name);
    if (!want) {
      // Primary keys' own indexes have no SQL and are named sqlite_autoindex_…, excluded above.
      problems.push(`index ${o.name} on ${o.table} is not Ledgerpane's`);
      continue;
    }
    const cols = db.all(`PRAGMA index_info("${o.name}")`).map((r) => String(r[2]));
    if (o.table !== want.table || cols.join(",") !== want.columns.join(",")) {
      fix(`index ${o.name} was altered`, `DROP INDEX "${o.name}"; ${want.sql}`);
    }
  }
  for (const [name, want] of indexes) {
    if (presentIndexes.has(name) || !tables.has(want.table)) continue;
    fix(`index ${name} was missing`, want.sql);
  }
  return { problems, repaired };
}

/**
 * Every stored value has its column's type: INTEGER columns (amounts, quantities, numbers, flags)
 * hold integers, TEXT columns text (dates may be NULL). An amount stored as text or as a float would
 * otherwise be summed as 0 or inexactly. One scan per table; names the first offending row per table.
 */
export function checkColumnTypes(db: Database, defs: readonly TableDef[] = TABLES): string[] {
  const out: string[] = [];
  for (const def of defs) {
    const tests = def.columns.map((c) => {
      const type = sqlType(c.kind) === "INTEGER" ? "integer" : "text";
      return c.kind === "date"
        ? `typeof("${c.name}") NOT IN ('text', 'null')`
        : `typeof("${c.name}") <> '${type}'`;
    });
    const keys = def.key.map((k) => `"${k}"`).join(", ");
    const bad = db.all(
      `SELECT ${keys}, ${tests.map((t) => `(${t})`).join(", ")} FROM "${def.name}" WHERE ${tests.join(" OR ")} LIMIT 1`,
    )[0];
    if (!bad) continue;
    const flags = bad.slice(def.key.length);
    const cols = def.columns.filter((_, i) => Number(flags[i]) !== 0).map((c) => c.name);
    const key = def.key.map((k, i) => `${k} ${String(bad[i])}`).join(", ");
    out.push(
      `${def.name} ${key}: ${cols.join(", ")} ${cols.length === 1 ? "holds a value" : "hold values"} of the wrong type`,
    );
  }
  return out;
}

export function describeSchemaProblems(problems: readonly string[]): string {
  return listed(problems);
}
