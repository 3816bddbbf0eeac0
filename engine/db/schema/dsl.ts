import type { ColumnDef, ColumnKind, TableDef } from "../columns.js";
import { OPTIONS, type OptionSet } from "./options.js";

const KINDS = new Set<ColumnKind>([
  "code",
  "text",
  "amount",
  "unitAmount",
  "qty",
  "pct",
  "date",
  "bool",
  "int",
  "option",
  "dateFormula",
]);

/**
 * Column lists are written as `name:kind` tokens to keep table definitions readable in one screen:
 * `name:option=SalesStatus`, `name:code>glAccount` (must name a G/L account), `name:bool!1` (default 1).
 */
export function columns(spec: string): ColumnDef[] {
  return spec
    .trim()
    .split(/\s+/)
    .map((token) => {
      const m = /^(\w+):(\w+)(?:=(\w+))?(?:>(\w+))?(?:!(.+))?$/.exec(token);
      if (!m) throw new Error(`Bad column token '${token}'`);
      const [, name, kind, optionSet, ref, def] = m;
      if (!KINDS.has(kind as ColumnKind)) throw new Error(`Bad column kind in '${token}'`);
      const col: ColumnDef = { name: name!, kind: kind as ColumnKind };
      if (kind === "option") {
        const values = OPTIONS[optionSet as OptionSet];
        if (!values) throw new Error(`Unknown option set in '${token}'`);
        col.options = values;
      }
      if (ref) col.ref = ref;
      if (def !== undefined) col.default = def;
      return col;
    });
}

export function table(
  name: string,
  key: string | readonly string[],
  spec: string,
  extra: Omit<TableDef, "name" | "key" | "columns"> = {},
): TableDef {
  const keyCols = typeof key === "string" ? key.split(",") : key;
  const cols = columns(spec);
  for (const k of keyCols) {
    if (!cols.some((c) => c.name === k)) throw new Error(`Key column ${name}.${k} is not defined`);
  }
  return { name, key: keyCols, columns: cols, ...extra };
}
