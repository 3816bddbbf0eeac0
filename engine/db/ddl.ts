import { defaultValueSql, sqlType, type TableDef } from "./columns.js";

/** DDL for a table as the registry describes it; used to write migrations and to check for drift. */
export function createTableSql(def: TableDef): string {
  const cols = def.columns.map((c) => {
    const notNull = c.kind === "date" ? "" : " NOT NULL";
    return `  "${c.name}" ${sqlType(c.kind)}${notNull} DEFAULT ${defaultValueSql(c)}`;
  });
  cols.push(`  PRIMARY KEY (${def.key.map((k) => `"${k}"`).join(", ")})`);
  return `CREATE TABLE "${def.name}" (\n${cols.join(",\n")}\n);`;
}

export function indexSql(def: TableDef): string[] {
  return (def.indexes ?? []).map(
    (cols) =>
      `CREATE INDEX "${def.name}_${cols.join("_")}" ON "${def.name}" (${cols.map((c) => `"${c}"`).join(", ")});`,
  );
}

/** Ledgers and posted documents are append-only; the database itself refuses deletes and edits. */
export function appendOnlyTriggerSql(def: TableDef): string[] {
  if (!def.appendOnly) return [];
  const mutable = new Set(def.appendOnly.mutable);
  const frozen = def.columns.map((c) => c.name).filter((n) => !mutable.has(n));
  return [
    `CREATE TRIGGER "${def.name}_append_only_delete" BEFORE DELETE ON "${def.name}" BEGIN SELECT RAISE(ABORT, '${def.name} is append-only: rows cannot be deleted'); END;`,
    `CREATE TRIGGER "${def.name}_append_only_update" BEFORE UPDATE OF ${frozen.map((c) => `"${c}"`).join(", ")} ON "${def.name}" BEGIN SELECT RAISE(ABORT, '${def.name} is append-only: posted values cannot change'); END;`,
  ];
}

export function fullSchemaSql(defs: readonly TableDef[]): string {
  return defs.flatMap((d) => [createTableSql(d), ...indexSql(d), ...appendOnlyTriggerSql(d)]).join("\n");
}
