import { sql as initial } from "./0001-initial.js";

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/** Numbered, append-only list. A released migration is never edited; add the next number instead. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, description: "initial schema", sql: initial }];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
