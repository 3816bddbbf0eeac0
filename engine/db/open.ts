import type { SqlJsStatic } from "sql.js";
import { LedgerpaneError } from "../kernel/errors.js";
import { Database } from "./database.js";
import { MIGRATIONS, type Migration } from "./migrations/index.js";

/** PRAGMA application_id of every Ledgerpane database ("LPNE"): tells our file from any other SQLite file. */
export const APPLICATION_ID = 0x4c504e45;

function pragmaNumber(db: Database, name: string): number {
  return Number(db.all(`PRAGMA ${name}`)[0]?.[0] ?? 0);
}

function migrate(db: Database, from: number, migrations: readonly Migration[]): void {
  db.transaction(() => {
    for (const m of migrations) {
      if (m.version <= from) continue;
      db.exec(m.sql);
      m.fill?.(db);
      if (m.sqlAfter) db.exec(m.sqlAfter);
      db.exec(`PRAGMA user_version = ${m.version}`);
    }
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
  });
}

export function createDatabase(SQL: SqlJsStatic, migrations: readonly Migration[] = MIGRATIONS): Database {
  const db = new Database(SQL, new SQL.Database());
  migrate(db, 0, migrations);
  return db;
}

/**
 * Opens bytes as a Ledgerpane database. Refuses, with a message a user can act on, bytes that are not
 * SQLite, SQLite files of other programs, damaged files, and files written by a newer Ledgerpane.
 * Older files are migrated in one transaction.
 */
export function openDatabase(
  SQL: SqlJsStatic,
  bytes: Uint8Array,
  migrations: readonly Migration[] = MIGRATIONS,
): Database {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  // Every SQLite file starts with this header; sql.js would open anything else as a new, empty database.
  const magic = "SQLite format 3\u0000";
  if (bytes.length < 100 || String.fromCharCode(...bytes.subarray(0, 16)) !== magic) {
    throw new LedgerpaneError(
      "database",
      "These bytes are not a Ledgerpane database: they are not an SQLite file at all.",
    );
  }
  let db: Database;
  try {
    db = new Database(SQL, new SQL.Database(bytes));
  } catch (e) {
    throw new LedgerpaneError("database", `These bytes are not a Ledgerpane database (${errorText(e)}).`);
  }
  try {
    const appId = pragmaNumber(db, "application_id");
    const version = pragmaNumber(db, "user_version");
    if (appId !== APPLICATION_ID) {
      throw new LedgerpaneError("database", "This is an SQLite database, but not a Ledgerpane database.");
    }
    if (version > latest) {
      throw new LedgerpaneError(
        "database",
        `This database was written by a newer Ledgerpane (schema version ${version}); this version reads up to ${latest}. Update Ledgerpane to open it.`,
      );
    }
    const check = db.all("PRAGMA quick_check")[0]?.[0];
    if (check !== "ok") throw new LedgerpaneError("database", `The database is damaged: ${String(check)}.`);
    if (version < latest) {
      try {
        migrate(db, version, migrations);
      } catch (e) {
        throw new LedgerpaneError(
          "database",
          `Upgrading this Ledgerpane database from schema version ${version} to ${latest} failed, so it was left as it was: ${errorText(e)}`,
        );
      }
    }
    if (pragmaNumber(db, "auto_vacuum") !== 1) {
      // A file from before auto_vacuum (or from another writer) may hold free pages, which a failed
      // command would leave changed; VACUUM applies the connection's auto_vacuum=FULL and drops them.
      db.exec("VACUUM");
    }
    return db;
  } catch (e) {
    db.close();
    if (e instanceof LedgerpaneError) throw e;
    throw new LedgerpaneError("database", `These bytes are not a Ledgerpane database (${errorText(e)}).`);
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
