/**
 * Column kinds and how each is stored. Amounts are INTEGER minor units (scale 2); unit amounts,
 * quantities and percentages are INTEGER at scale 5, so SQL sums stay exact.
 */
export type ColumnKind =
  | "code" // Code[20]: upper-cased text
  | "text"
  | "amount" // scale 2
  | "unitAmount" // scale 5 (unit price, unit cost)
  | "qty" // scale 5
  | "pct" // scale 5
  | "date" // ISO text or NULL
  | "bool" // 0/1
  | "int" // whole numbers: line and entry numbers
  | "option" // BC option caption, stored as text
  | "dateFormula"; // text in CalcDate syntax

export const SCALE: Partial<Record<ColumnKind, number>> = {
  amount: 2,
  unitAmount: 5,
  qty: 5,
  pct: 5,
};

export interface ColumnDef {
  name: string;
  kind: ColumnKind;
  options?: readonly string[];
  /** Master data columns that must name an existing row of another table. */
  ref?: string;
  /** SQL literal used when a row is inserted without this column. */
  default?: string;
}

export interface TableDef {
  name: string;
  /** Primary key columns in key order (also the default order of reads). */
  key: readonly string[];
  columns: readonly ColumnDef[];
  /** Append-only: rows are never deleted and only `mutable` columns may change. */
  appendOnly?: { mutable: readonly string[] };
  /** Singleton set-up tables (one row, key `primaryKey` = ""). */
  singleton?: boolean;
  /** Indexes beyond the primary key, as column lists. */
  indexes?: readonly (readonly string[])[];
}

export function sqlType(kind: ColumnKind): string {
  switch (kind) {
    case "amount":
    case "unitAmount":
    case "qty":
    case "pct":
    case "bool":
    case "int":
      return "INTEGER";
    default:
      return "TEXT";
  }
}

export function defaultValueSql(col: ColumnDef): string {
  if (col.default !== undefined) return col.default;
  if (col.kind === "option") return `'${(col.options?.[0] ?? " ").replace(/'/g, "''")}'`;
  switch (col.kind) {
    case "date":
      return "NULL";
    case "code":
    case "text":
    case "dateFormula":
      return "''";
    default:
      return "0";
  }
}
