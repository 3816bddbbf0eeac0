import { beforeAll, describe, expect, it } from "vitest";
import type { SqlJsStatic } from "sql.js";
import { Engine } from "../../../engine/api/index.js";
import { LATEST_SCHEMA_VERSION } from "../../../engine/db/migrations/index.js";
import { APPLICATION_ID } from "../../../engine/db/open.js";
import { loadSqlJs } from "../../../engine/db/sqljs.js";
import { LedgerpaneError } from "../../../engine/kernel/errors.js";
import { FIXTURE_WORK_DATE, fixtureCompany, postS01Invoice } from "../../helpers/company.js";

/**
 * Issue 6, item 6: open compares the file with the registry and refuses, naming what differs, a file
 * that carries our marks but not our schema; it recreates dropped append-only triggers and says so;
 * it refuses values stored with the wrong type and header bytes that would make the file read-only.
 */
let SQL: SqlJsStatic;
let company: Uint8Array;

beforeAll(async () => {
  SQL = await loadSqlJs();
  const engine = await fixtureCompany();
  postS01Invoice(engine);
  company = engine.export();
  engine.close();
});

/** The company's bytes after raw SQL, as another program or a hand edit would leave them. */
function edited(sql: string, bytes: Uint8Array = company): Uint8Array {
  const raw = new SQL.Database(bytes);
  raw.exec(sql);
  const out = raw.export();
  raw.close();
  return out;
}

async function openError(bytes: Uint8Array): Promise<LedgerpaneError> {
  let error: unknown;
  try {
    (await Engine.create({ bytes, workDate: FIXTURE_WORK_DATE })).close();
  } catch (e) {
    error = e;
  }
  expect(error, "opening must fail").toBeInstanceOf(LedgerpaneError);
  return error as LedgerpaneError;
}

describe("open checks the schema against the registry", () => {
  it("refuses another program's file that carries our application id and schema version", async () => {
    const raw = new SQL.Database();
    raw.exec(
      `CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);
       PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = ${LATEST_SCHEMA_VERSION};`,
    );
    const bytes = raw.export();
    raw.close();
    const e = await openError(bytes);
    expect(e.code).toBe("database");
    expect(e.message).toContain("tables are not Ledgerpane's");
    expect(e.message).toContain("table unitOfMeasure is missing");
  });

  it("refuses a file with a dropped table, naming it", async () => {
    const e = await openError(edited(`DROP TABLE "salesLine"`));
    expect(e.code).toBe("database");
    expect(e.message).toContain("table salesLine is missing");
  });

  it("refuses a file with a dropped or retyped column, naming it", async () => {
    const dropped = await openError(edited(`ALTER TABLE "customer" DROP COLUMN "creditLimitLcy"`));
    expect(dropped.message).toContain("column customer.creditLimitLcy is missing");
    const added = await openError(edited(`ALTER TABLE "item" ADD COLUMN "secret" TEXT`));
    expect(added.message).toContain("column item.secret is not Ledgerpane's");
  });

  it("refuses a trigger that is not Ledgerpane's (it could change what the next posting writes)", async () => {
    const e = await openError(
      edited(`CREATE TRIGGER "sneaky" AFTER INSERT ON "glEntry" BEGIN SELECT 1; END;`),
    );
    expect(e.message).toContain("trigger sneaky on glEntry is not Ledgerpane's");
  });

  it("recreates dropped append-only triggers, says so, and the ledger is protected again", async () => {
    const bytes = edited(
      `DROP TRIGGER "custLedgerEntry_append_only_delete"; DROP TRIGGER "glEntry_append_only_update";`,
    );
    const engine = await Engine.create({ bytes, workDate: FIXTURE_WORK_DATE });
    expect(engine.openNotices).toHaveLength(2);
    expect(engine.openNotices.join("\n")).toContain("trigger custLedgerEntry_append_only_delete was missing");
    expect(engine.openNotices.join("\n")).toContain("trigger glEntry_append_only_update was missing");
    expect(() => engine.db.exec(`UPDATE "glEntry" SET "amount" = 1 WHERE "entryNo" = 1`)).toThrow(
      /append-only/,
    );
    expect(() => engine.db.exec(`DELETE FROM "custLedgerEntry"`)).toThrow(/append-only/);
    engine.close();
  });

  it("refuses an amount stored as text in a ledger, and Verify books names the row and column", async () => {
    const bytes = edited(
      `DROP TRIGGER "glEntry_append_only_update"; UPDATE "glEntry" SET "amount" = '1.210,00' WHERE "entryNo" = 1;`,
    );
    const e = await openError(bytes);
    expect(e.code).toBe("database");
    // ledger values are hashed with their type, so the register chain is what refuses them at open
    expect(e.message).toContain("G/L register 1 does not match");
    expect(e.details.map((d) => d.message)).toContain(
      "Stored values: glEntry entryNo 1: amount holds a value of the wrong type.",
    );
    const engine = await Engine.create({ bytes, workDate: FIXTURE_WORK_DATE, acceptChanged: true });
    const res = engine.dispatch({ do: "verifyBooks", with: {} });
    expect(res.ok && JSON.stringify(res.result)).toContain(
      "glEntry entryNo 1: amount holds a value of the wrong type",
    );
    engine.close();
  });

  it("refuses a customer credit limit stored as a float", async () => {
    const e = await openError(edited(`UPDATE "customer" SET "creditLimitLcy" = 12.5 WHERE "no" = 'C10000'`));
    expect(e.message).toContain("customer no C10000: creditLimitLcy holds a value of the wrong type");
  });

  it.each([
    [18, 3, "only be read, never written"],
    [19, 3, "not be read"],
    [18, 0, "only be read, never written"],
  ])("refuses header byte %i = %i with a message, not an internal error", async (offset, value, words) => {
    const bytes = company.slice();
    bytes[offset] = value;
    const e = await openError(bytes);
    expect(e.code).toBe("database");
    expect(e.message).toContain("file format versions");
    expect(e.message).toContain(words);
  });

  it("recreates a dropped index and says so", async () => {
    const engine = await Engine.create({
      bytes: edited(`DROP INDEX "glEntry_glAccountNo_postingDate"`),
      workDate: FIXTURE_WORK_DATE,
    });
    expect(engine.openNotices.join("\n")).toContain("index glEntry_glAccountNo_postingDate was missing");
    expect(
      engine.db.all(`SELECT 1 FROM sqlite_master WHERE "name" = 'glEntry_glAccountNo_postingDate'`),
    ).toHaveLength(1);
    engine.close();
  });

  it("Verify books only reads: a trigger dropped during the session is reported, not recreated", async () => {
    const engine = await Engine.create({ bytes: company, workDate: FIXTURE_WORK_DATE });
    engine.db.exec(`DROP TRIGGER "valueEntry_append_only_delete"`);
    const res = engine.dispatch({ do: "verifyBooks", with: {} });
    expect(res.ok).toBe(true);
    if (res.ok) {
      const result = res.result as { ok: boolean; problems: { message: string }[] };
      expect(result.ok).toBe(false);
      expect(result.problems[0]!.message).toBe("Schema: trigger valueEntry_append_only_delete was missing.");
    }
    expect(
      engine.db.all(`SELECT 1 FROM sqlite_master WHERE "name" = 'valueEntry_append_only_delete'`),
    ).toEqual([]);
    engine.close();
  });

  it("opens its own books without a notice", async () => {
    const engine = await Engine.create({ bytes: company, workDate: FIXTURE_WORK_DATE });
    expect(engine.openNotices).toEqual([]);
    engine.close();
  });
});
