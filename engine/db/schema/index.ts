import type { TableDef } from "../columns.js";
import { documentTables } from "./documents.js";
import { ledgerTables } from "./ledgers.js";
import { masterTables } from "./master.js";
import { postedTables } from "./posted.js";
import { setupTables } from "./setup.js";

export const TABLES: readonly TableDef[] = [
  ...setupTables,
  ...masterTables,
  ...documentTables,
  ...postedTables,
  ...ledgerTables,
];

const byName = new Map(TABLES.map((t) => [t.name, t]));

export function tableDef(name: string): TableDef | undefined {
  return byName.get(name);
}

export { OPTIONS } from "./options.js";
