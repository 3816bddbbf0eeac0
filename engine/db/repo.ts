import { fail } from "../kernel/errors.js";
import { shortText } from "../kernel/text.js";
import { decodeValue, encodeValue, type Row, type SqlValue, type Value } from "./codec.js";
import type { ColumnDef, TableDef } from "./columns.js";
import type { Database } from "./database.js";
import { tableDef } from "./schema/index.js";
import { masterTables } from "./schema/master.js";
import { setupTables } from "./schema/setup.js";
import type { TableName, TableRows } from "./schema/rows.generated.js";

export type Where<T extends TableName> = Partial<TableRows[T]>;

interface Compiled {
  def: TableDef;
  cols: Map<string, ColumnDef>;
  selectAll: string;
  keyWhere: string;
  orderBy: string;
  decodeRow: (raw: SqlValue[]) => Row;
  /** Each column's default as it is bound (what an omitted column gets from the DDL). */
  defaults: SqlValue[];
  /** INSERT text per set of non-default columns. */
  inserts: Map<string, string>;
}

/**
 * A row decoder compiled once per table: an object literal with the registry's column names, so every
 * decoded row has one hidden class (rows built key by key fall into V8's slow dictionary mode).
 */
function compileDecoder(def: TableDef): (raw: SqlValue[]) => Row {
  const body = `return {${def.columns.map((c, i) => `${JSON.stringify(c.name)}: dv(cols[${i}], r[${i}] ?? null)`).join(", ")}};`;
  const build = new Function("r", "cols", "dv", body) as (
    r: SqlValue[],
    cols: readonly ColumnDef[],
    dv: typeof decodeValue,
  ) => Row;
  return (raw) => build(raw, def.columns, decodeValue);
}

/**
 * Typed access to the registry's tables. All SQL text is built once per table (and per filter
 * shape), so sql.js can keep every statement prepared.
 */
/** Set-up and master tables: read many times per posting, written rarely. */
const CACHEABLE = new Set<string>([...setupTables, ...masterTables].map((t) => t.name));
const MISSING = Symbol("missing");

/**
 * Text columns are compared with CAST(? AS TEXT): sql.js's SQLite spends ~10 µs more per run on a
 * statement with ORDER BY or GROUP BY and a plain text parameter (measured; the plan is the same),
 * which was a third of a posting's SQL time.
 */
const TEXT_KINDS = new Set<string>(["code", "text", "option", "date", "dateFormula"]);

export class Repo {
  private readonly compiled = new Map<string, Compiled>();
  /**
   * Set-up and master rows read by key, kept across commands: every write through the repo drops its
   * table, and the engine clears everything after a rollback. Code that writes these tables with raw
   * SQL must call `clearCache()`.
   */
  private readonly cache = new Map<string, Map<string, unknown>>();

  constructor(readonly db: Database) {}

  /** Forget cached rows: after any rollback, and after raw SQL writes to set-up or master tables. */
  clearCache(): void {
    this.cache.clear();
  }

  private invalidate(table: string): void {
    if (CACHEABLE.has(table)) this.cache.delete(table);
  }

  def(table: string): Compiled {
    let c = this.compiled.get(table);
    if (c) return c;
    const def = tableDef(table);
    if (!def) return fail("input", `Unknown table '${shortText(table)}'.`, { table: shortText(table) });
    const names = def.columns.map((col) => `"${col.name}"`);
    c = {
      def,
      cols: new Map(def.columns.map((col) => [col.name, col])),
      selectAll: `SELECT ${names.join(", ")} FROM "${def.name}"`,
      keyWhere: def.key.map((k) => `"${k}" = ?`).join(" AND "),
      orderBy: def.key.map((k) => `"${k}"`).join(", "),
      decodeRow: compileDecoder(def),
      defaults: def.columns.map(defaultParam),
      inserts: new Map(),
    };
    this.compiled.set(table, c);
    return c;
  }

  decode<T extends TableName>(table: T, raw: SqlValue[]): TableRows[T] {
    return this.def(table).decodeRow(raw) as unknown as TableRows[T];
  }

  private encodeWhere(c: Compiled, where: Record<string, unknown>): { sql: string; params: SqlValue[] } {
    const parts: string[] = [];
    const params: SqlValue[] = [];
    for (const [name, value] of Object.entries(where)) {
      if (value === undefined) continue;
      const col = c.cols.get(name);
      if (!col)
        return fail("input", `Table '${c.def.name}' has no field '${name}'.`, {
          table: c.def.name,
          field: name,
        });
      if (value === null && col.kind === "date") {
        parts.push(`"${name}" IS NULL`);
        continue;
      }
      parts.push(`"${name}" = ${TEXT_KINDS.has(col.kind) ? "CAST(? AS TEXT)" : "?"}`);
      params.push(encodeValue(col, value as Value, c.def.name));
    }
    return { sql: parts.length ? ` WHERE ${parts.join(" AND ")}` : "", params };
  }

  select<T extends TableName>(table: T, where: Where<T> = {}, orderBy?: string): TableRows[T][] {
    const c = this.def(table);
    const w = this.encodeWhere(c, where as Record<string, unknown>);
    const sql = `${c.selectAll}${w.sql} ORDER BY ${orderBy ?? c.orderBy}`;
    return this.db.all(sql, w.params).map((r) => this.decode(table, r));
  }

  get<T extends TableName>(table: T, ...key: (string | number)[]): TableRows[T] | undefined {
    if (!CACHEABLE.has(table)) return this.fetch(table, key);
    let rows = this.cache.get(table);
    if (!rows) {
      rows = new Map();
      this.cache.set(table, rows);
    }
    const k = key.join("\u0001");
    const hit = rows.get(k);
    if (hit !== undefined) return hit === MISSING ? undefined : (hit as TableRows[T]);
    const row = this.fetch(table, key);
    rows.set(k, row ?? MISSING);
    return row;
  }

  private fetch<T extends TableName>(table: T, key: (string | number)[]): TableRows[T] | undefined {
    const c = this.def(table);
    const params = c.def.key.map((k, i) => encodeValue(c.cols.get(k)!, key[i] ?? "", table));
    const rows = this.db.all(`${c.selectAll} WHERE ${c.keyWhere}`, params);
    return rows[0] ? this.decode(table, rows[0]) : undefined;
  }

  exists<T extends TableName>(table: T, where: Where<T>): boolean {
    const c = this.def(table);
    const w = this.encodeWhere(c, where as Record<string, unknown>);
    return this.db.all(`SELECT 1 FROM "${c.def.name}"${w.sql} LIMIT 1`, w.params).length > 0;
  }

  count<T extends TableName>(table: T, where: Where<T> = {}): number {
    const c = this.def(table);
    const w = this.encodeWhere(c, where as Record<string, unknown>);
    return Number(this.db.all(`SELECT COUNT(*) FROM "${c.def.name}"${w.sql}`, w.params)[0]![0]);
  }

  /** Inserts a full row; columns not given take their schema defaults. */
  insert<T extends TableName>(table: T, row: Partial<TableRows[T]>): void {
    const c = this.def(table);
    const r = row as Record<string, Value | undefined>;
    // Columns holding their schema default are left to SQLite: most columns of a posted row are
    // defaults, and every bound text costs sql.js an allocation. Statements are cached per column set.
    const names: string[] = [];
    const params: SqlValue[] = [];
    let mask = "";
    c.def.columns.forEach((col, i) => {
      const v = r[col.name];
      if (v === undefined) {
        mask += "0";
        return;
      }
      const encoded = encodeValue(col, v, table);
      if (encoded === c.defaults[i]) {
        mask += "0";
        return;
      }
      mask += "1";
      names.push(`"${col.name}"`);
      params.push(encoded);
    });
    let sql = c.inserts.get(mask);
    if (!sql) {
      sql =
        names.length === 0
          ? `INSERT INTO "${table}" DEFAULT VALUES`
          : `INSERT INTO "${table}" (${names.join(", ")}) VALUES (${names.map(() => "?").join(", ")})`;
      c.inserts.set(mask, sql);
    }
    this.invalidate(table);
    this.db.run(sql, params);
  }

  update<T extends TableName>(table: T, key: (string | number)[], changes: Partial<TableRows[T]>): void {
    const c = this.def(table);
    const sets: string[] = [];
    const params: SqlValue[] = [];
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const col = c.cols.get(name);
      if (!col) return fail("input", `Table '${table}' has no field '${name}'.`, { table, field: name });
      sets.push(`"${name}" = ?`);
      params.push(encodeValue(col, value as Value, table));
    }
    if (sets.length === 0) return;
    c.def.key.forEach((k, i) => params.push(encodeValue(c.cols.get(k)!, key[i] ?? "", table)));
    this.invalidate(table);
    this.db.run(`UPDATE "${table}" SET ${sets.join(", ")} WHERE ${c.keyWhere}`, params);
  }

  delete<T extends TableName>(table: T, where: Where<T>): void {
    const c = this.def(table);
    const w = this.encodeWhere(c, where as Record<string, unknown>);
    this.invalidate(table);
    this.db.run(`DELETE FROM "${table}"${w.sql}`, w.params);
  }

  /** Next entry number of a ledger: entry numbers start at 1 and run on per table. */
  nextNo(table: TableName, column = "entryNo"): number {
    const r = this.db.all(`SELECT COALESCE(MAX("${column}"), 0) FROM "${table}"`);
    return Number(r[0]![0]) + 1;
  }
}

function defaultParam(col: ColumnDef): SqlValue {
  if (col.default !== undefined) {
    return col.default.startsWith("'") ? col.default.slice(1, -1) : Number(col.default);
  }
  switch (col.kind) {
    case "date":
      return null;
    case "code":
    case "text":
    case "dateFormula":
      return "";
    case "option":
      return col.options?.[0] ?? " ";
    default:
      return 0;
  }
}
