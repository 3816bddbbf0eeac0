import { beforeAll, describe, expect, it } from "vitest";
import type { SqlJsStatic } from "sql.js";
import type { Database } from "../../../engine/db/database.js";
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from "../../../engine/db/migrations/index.js";
import { APPLICATION_ID, createDatabase, openDatabase } from "../../../engine/db/open.js";
import { Repo } from "../../../engine/db/repo.js";
import { loadSqlJs } from "../../../engine/db/sqljs.js";
import { dec } from "../../../engine/kernel/decimal.js";
import { LedgerpaneError } from "../../../engine/kernel/errors.js";

let SQL: SqlJsStatic;
let ledgerpaneBytes: Uint8Array;

beforeAll(async () => {
  SQL = await loadSqlJs();
  const db = createDatabase(SQL);
  const repo = new Repo(db);
  db.transaction(() => repo.insert("customer", { no: "C10000", name: "Adatum Corporation" }));
  ledgerpaneBytes = db.export();
  db.close();
});

const pragma = (db: Database, name: string) => db.all(`PRAGMA ${name}`)[0]?.[0];

function openError(bytes: Uint8Array, migrations?: readonly Migration[]): LedgerpaneError {
  let error: unknown;
  try {
    const db = migrations ? openDatabase(SQL, bytes, migrations) : openDatabase(SQL, bytes);
    db.close();
  } catch (e) {
    error = e;
  }
  expect(error, "opening these bytes must fail").toBeInstanceOf(LedgerpaneError);
  return error as LedgerpaneError;
}

describe("createDatabase", () => {
  it("stamps application_id and the latest schema version", () => {
    const db = createDatabase(SQL);
    expect(Number(pragma(db, "application_id"))).toBe(APPLICATION_ID);
    expect(APPLICATION_ID).toBe(0x4c504e45);
    expect(Number(pragma(db, "user_version"))).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(pragma(db, "journal_mode")).toBe("memory");
    db.close();
  });
});

describe("openDatabase", () => {
  it("opens its own export with the data, the stamps, and the MEMORY journal", () => {
    const db = openDatabase(SQL, ledgerpaneBytes);
    expect(Number(pragma(db, "application_id"))).toBe(APPLICATION_ID);
    expect(Number(pragma(db, "user_version"))).toBe(LATEST_SCHEMA_VERSION);
    expect(pragma(db, "journal_mode")).toBe("memory");
    expect(new Repo(db).get("customer", "C10000")?.name).toBe("Adatum Corporation");
    // export() must leave the connection's journal where the engine wants it
    db.export();
    expect(pragma(db, "journal_mode")).toBe("memory");
    db.close();
  });

  it("refuses random bytes", () => {
    const bytes = new Uint8Array(8192);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    const e = openError(bytes);
    expect(e.code).toBe("database");
    expect(e.message).toMatch(/not a Ledgerpane database/);
  });

  it("refuses a text file", () => {
    const e = openError(new TextEncoder().encode("Customer;Amount\nC10000;1210.00\n"));
    expect(e.code).toBe("database");
    expect(e.message).toMatch(/not a Ledgerpane database/);
  });

  it("refuses empty bytes without calling them an SQLite database", () => {
    const e = openError(new Uint8Array(0));
    expect(e.code).toBe("database");
    expect(e.message).toMatch(/Ledgerpane/);
    expect(e.message).not.toMatch(/is an SQLite database/i);
  });

  it.each([
    ["the first 100 bytes", 100],
    ["the first page", 4096],
    ["half", 0.5],
    ["all but one page", -4096],
    ["all but one byte", -1],
  ])("refuses a Ledgerpane export truncated to %s, saying it is damaged", (_label, cut) => {
    const n = ledgerpaneBytes.length;
    const end = cut > 0 && cut < 1 ? Math.floor(n * cut) : cut < 0 ? n + cut : cut;
    const e = openError(ledgerpaneBytes.slice(0, end));
    expect(e.code).toBe("database");
    expect(e.message).toMatch(/damaged|malformed|truncated|incomplete/i);
  });

  it("refuses another program's SQLite database", () => {
    const foreign = new SQL.Database();
    foreign.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES (1, 'x');",
    );
    const e = openError(foreign.export());
    foreign.close();
    expect(e.code).toBe("database");
    expect(e.message).toBe("This is an SQLite database, but not a Ledgerpane database.");
  });

  it("refuses a database written by a newer Ledgerpane and says what to do", () => {
    const db = createDatabase(SQL);
    db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    const bytes = db.export();
    db.close();
    const e = openError(bytes);
    expect(e.code).toBe("database");
    expect(e.message).toContain(`schema version ${LATEST_SCHEMA_VERSION + 1}`);
    expect(e.message).toContain(`reads up to ${LATEST_SCHEMA_VERSION}`);
    expect(e.message).toMatch(/Update Ledgerpane/);
  });
});

describe("migrations", () => {
  const addColumn: Migration = {
    version: LATEST_SCHEMA_VERSION + 1,
    description: "customer: loyalty tier",
    sql: `ALTER TABLE "customer" ADD COLUMN "loyaltyTier" TEXT NOT NULL DEFAULT 'BRONZE';`,
  };

  it("brings an older database up to the latest version, keeping its data", () => {
    const db = openDatabase(SQL, ledgerpaneBytes, [...MIGRATIONS, addColumn]);
    expect(Number(pragma(db, "user_version"))).toBe(addColumn.version);
    expect(Number(pragma(db, "application_id"))).toBe(APPLICATION_ID);
    expect(db.all(`SELECT "no", "name", "loyaltyTier" FROM "customer"`)).toEqual([
      ["C10000", "Adatum Corporation", "BRONZE"],
    ]);
    expect(pragma(db, "journal_mode")).toBe("memory");
    // the migrated database exports and reopens at the new version
    const again = openDatabase(SQL, db.export(), [...MIGRATIONS, addColumn]);
    expect(Number(pragma(again, "user_version"))).toBe(addColumn.version);
    again.close();
    db.close();
  });

  it("runs only the migrations above the stored version", () => {
    // migration 1 would fail if it ran again (its tables exist), so reaching version 2 proves it was skipped
    const db = openDatabase(SQL, ledgerpaneBytes, [...MIGRATIONS, addColumn]);
    expect(Number(db.all(`SELECT COUNT(*) FROM "customer"`)[0]![0])).toBe(1);
    db.close();
  });

  it("a failing migration is reported as a failed upgrade, not as foreign bytes", () => {
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      description: "broken",
      sql: `ALTER TABLE "noSuchTable" ADD COLUMN "x" TEXT;`,
    };
    const e = openError(ledgerpaneBytes, [...MIGRATIONS, broken]);
    expect(e.code).toBe("database");
    expect(e.message).not.toMatch(/not a Ledgerpane database/);
    expect(e.message).toMatch(/migrat|upgrad|schema version/i);
  });

  it("amounts written before a migration keep their exact values after it", () => {
    const db = createDatabase(SQL);
    const repo = new Repo(db);
    db.transaction(() => repo.insert("customer", { no: "C1", creditLimitLcy: dec("999999999999.99") }));
    const migrated = openDatabase(SQL, db.export(), [...MIGRATIONS, addColumn]);
    expect(new Repo(migrated).get("customer", "C1")!.creditLimitLcy.toFixed(2)).toBe("999999999999.99");
    migrated.close();
    db.close();
  });
});
