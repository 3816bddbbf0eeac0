import type { SqlJsStatic } from "sql.js";
import { LedgerpaneError } from "../kernel/errors.js";
import { Database } from "./database.js";
import { MIGRATIONS, type Migration } from "./migrations/index.js";
import { CHAINED_LEDGERS } from "./registerChain.js";
import { TABLES } from "./schema/index.js";
import { checkColumnTypes, checkSchema, describeSchemaProblems } from "./schemaCheck.js";

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
  // Bytes 18/19 are the file format's write and read versions (1 rollback journal, 2 WAL). A higher
  // write version makes SQLite open the file read-only: every command would fail on its first write.
  const [write, read] = [bytes[18]!, bytes[19]!];
  if (write < 1 || write > 2 || read < 1 || read > 2) {
    throw new LedgerpaneError(
      "database",
      `This database cannot be used: its SQLite header gives file format versions ${write} (write) and ${read} (read), where Ledgerpane writes 1 or 2, so it could ${read > 2 ? "not be read" : "only be read, never written"}. The file was changed by another program or damaged; use a backup copy.`,
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
    try {
      // Anything else that makes the file read-only shows here rather than in the user's first command.
      db.exec(`BEGIN IMMEDIATE; CREATE TABLE "ledgerpaneWriteProbe" ("x"); ROLLBACK;`);
    } catch (e) {
      throw new LedgerpaneError(
        "database",
        `This database cannot be written (${errorText(e)}); it was not opened.`,
      );
    }
    if (pragmaNumber(db, "auto_vacuum") !== 1) {
      // A file from before auto_vacuum (or from another writer) may hold free pages, which a failed
      // command would leave changed; VACUUM applies the connection's auto_vacuum=FULL and drops them.
      db.exec("VACUUM");
    }
    if (migrations === MIGRATIONS) checkOpenedSchema(db, version);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof LedgerpaneError) throw e;
    throw new LedgerpaneError("database", `These bytes are not a Ledgerpane database (${errorText(e)}).`);
  }
}

/**
 * The schema must be the registry's: a file that carries our marks but not our tables (another program's,
 * or edited) is refused, naming what differs; dropped or altered append-only triggers are recreated and
 * reported in `db.openNotices`; a value stored with the wrong type is refused.
 */
function checkOpenedSchema(db: Database, version: number): void {
  const schema = db.transaction(() => checkSchema(db, { repair: true }));
  if (schema.problems.length > 0) {
    throw new LedgerpaneError(
      "database",
      `This file carries Ledgerpane's marks (schema version ${version}) but its tables are not Ledgerpane's: ${describeSchemaProblems(schema.problems)}. It was not opened; use a backup copy.`,
    );
  }
  // The ledgers are most of a company's rows; the register chain hashes each value with its type
  // (SQLite's quote()), so Engine.create's verification finds a mistyped ledger value, and Verify
  // books names it. Scanning them here too would add ~1.2 s on a 10,000-invoice company.
  const types = checkColumnTypes(
    db,
    TABLES.filter((t) => !CHAINED_LEDGERS.some((l) => l.table === t.name)),
  );
  if (types.length > 0) {
    throw new LedgerpaneError(
      "database",
      `This database holds values Ledgerpane did not write: ${describeSchemaProblems(types)}. It was not opened; use a backup copy.`,
    );
  }
  db.openNotices.push(
    ...schema.repaired.map(
      (r) => `The database had been changed outside Ledgerpane: ${r}, so ledgers are append-only again.`,
    ),
  );
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
