import type { Database } from "../database.js";
import { sql as initial } from "./0001-initial.js";
import * as registerHash from "./0002-register-hash.js";

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Data the new schema needs that SQL alone cannot compute, written before `sqlAfter` locks it. */
  fill?: (db: Database) => void;
  sqlAfter?: string;
}

/** Numbered, append-only list. A released migration is never edited; add the next number instead. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: "initial schema", sql: initial },
  {
    version: 2,
    description: "G/L register hash chain; accounts used in reconciled roles",
    sql: registerHash.sql,
    fill: registerHash.fill,
    sqlAfter: registerHash.sqlAfter,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
