import { beforeAll, describe, expect, it } from "vitest";
import type { SqlJsStatic } from "sql.js";
import { Engine } from "../../../engine/api/index.js";
import { loadSqlJs } from "../../../engine/db/sqljs.js";
import { sealExistingRegisters } from "../../../engine/db/registerChain.js";
import { LedgerpaneError } from "../../../engine/kernel/errors.js";
import {
  createS01Invoice,
  expectOk,
  FIXTURE_WORK_DATE,
  fixtureCompany,
  postS01Invoice,
} from "../../helpers/company.js";
import { toSchema1Sql } from "../../helpers/schema1.js";

/**
 * Issue 6, item 7: every G/L register carries a SHA-256 hash chained over its entries and the previous
 * register. Verify books and open recompute it and name the first register that does not match.
 */
interface Verified {
  ok: boolean;
  registers: number;
  entries: number;
  problems: { registerNo?: number; message: string }[];
  lastHash: string;
}

let SQL: SqlJsStatic;
/** The fixture company (opening stock: register 1) with two S1 invoices posted (registers 2 and 3). */
let books: Uint8Array;

beforeAll(async () => {
  SQL = await loadSqlJs();
  const engine = await fixtureCompany();
  postS01Invoice(engine);
  postS01Invoice(engine);
  books = engine.export();
  engine.close();
});

function edited(sql: string, bytes: Uint8Array = books): Uint8Array {
  const raw = new SQL.Database(bytes);
  raw.exec(sql);
  const out = raw.export();
  raw.close();
  return out;
}

function verify(engine: Engine): Verified {
  return expectOk(engine.dispatch({ do: "verifyBooks", with: {} })) as Verified;
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

/** Opens changed books for inspection and returns what Verify books says about them. */
async function inspect(bytes: Uint8Array): Promise<{ engine: Engine; result: Verified }> {
  const engine = await Engine.create({ bytes, workDate: FIXTURE_WORK_DATE, acceptChanged: true });
  expect(engine.changedBooks?.ok).toBe(false);
  return { engine, result: verify(engine) };
}

describe("Verify books on books Ledgerpane wrote", () => {
  it("every register matches; the result counts registers and entries", async () => {
    const engine = await Engine.create({ bytes: books, workDate: FIXTURE_WORK_DATE });
    expect(engine.changedBooks).toBeUndefined();
    const result = verify(engine);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.registers).toBe(3);
    const ledgerRows = [
      "glEntry",
      "vatEntry",
      "custLedgerEntry",
      "detailedCustLedgEntry",
      "itemLedgerEntry",
      "valueEntry",
      "itemApplicationEntry",
    ]
      .map((t) => Number(engine.db.all(`SELECT COUNT(*) FROM "${t}"`)[0]![0]))
      .reduce((a, b) => a + b, 0);
    expect(result.entries).toBe(ledgerRows);
    expect(result.lastHash).toMatch(/^[0-9a-f]{64}$/);
    engine.close();
  });

  it("an item journal without cost posting still gets a register, so its entries are covered", async () => {
    const engine = await fixtureCompany();
    expectOk(
      engine.dispatch({
        do: "upsert",
        with: { table: "inventorySetup", rows: [{ automaticCostPosting: false }] },
      }),
    );
    const before = Number(engine.db.all(`SELECT COUNT(*) FROM "glRegister"`)[0]![0]);
    expectOk(
      engine.dispatch({
        do: "postItemJournal",
        with: { lines: [{ entryType: "Purchase", itemNo: "1000", quantity: 5, unitCost: "40" }] },
      }),
    );
    expect(Number(engine.db.all(`SELECT COUNT(*) FROM "glRegister"`)[0]![0])).toBe(before + 1);
    expect(verify(engine).ok).toBe(true);
    engine.close();
  });
});

describe("tampering is detected by Verify books and at open", () => {
  it("an edited G/L entry (triggers dropped, row updated by SQL)", async () => {
    const bytes = edited(
      `DROP TRIGGER "glEntry_append_only_update";
       UPDATE "glEntry" SET "description" = 'edited' WHERE "entryNo" = (SELECT "fromEntryNo" FROM "glRegister" WHERE "no" = 2);`,
    );
    const e = await openError(bytes);
    expect(e.code).toBe("database");
    expect(e.message).toContain("G/L register 2 does not match the entries it covers");
    const { engine, result } = await inspect(bytes);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ registerNo: 2 });
    // the schema problem (the dropped trigger) was put right at open and said so
    expect(engine.openNotices.join("\n")).toContain("glEntry_append_only_update");
    engine.close();
  });

  it("an edited amount that keeps the transaction balanced (two rows changed)", async () => {
    const bytes = edited(
      `DROP TRIGGER "glEntry_append_only_update";
       UPDATE "glEntry" SET "amount" = "amount" + 100, "debitAmount" = "debitAmount" + 100 WHERE "entryNo" = (SELECT "fromEntryNo" FROM "glRegister" WHERE "no" = 3);
       UPDATE "glEntry" SET "amount" = "amount" - 100, "creditAmount" = "creditAmount" + 100 WHERE "entryNo" = (SELECT "fromEntryNo" + 1 FROM "glRegister" WHERE "no" = 3);`,
    );
    const e = await openError(bytes);
    expect(e.message).toContain("G/L register 3 does not match");
    const { engine, result } = await inspect(bytes);
    expect(result.problems.map((p) => p.registerNo).filter((n) => n !== undefined)).toEqual([3]);
    engine.close();
  });

  it("a deleted customer ledger entry", async () => {
    const bytes = edited(
      `DROP TRIGGER "custLedgerEntry_append_only_delete";
       DELETE FROM "custLedgerEntry" WHERE "entryNo" = 1;`,
    );
    const e = await openError(bytes);
    expect(e.message).toMatch(/G\/L register \d does not match/);
    const { engine, result } = await inspect(bytes);
    expect(result.problems[0]!.registerNo).toBeDefined();
    engine.close();
  });

  it("a deleted register and a row added after the last register", async () => {
    const deleted = edited(
      `DROP TRIGGER "glRegister_append_only_delete"; DELETE FROM "glRegister" WHERE "no" = 3;`,
    );
    expect((await openError(deleted)).message).toContain("covered by no G/L register");
    const added = edited(
      `INSERT INTO "glEntry" ("entryNo", "glAccountNo", "amount", "debitAmount", "transactionNo") VALUES (999, '2310', 5, 5, 999);
       INSERT INTO "glEntry" ("entryNo", "glAccountNo", "amount", "creditAmount", "transactionNo") VALUES (1000, '6110', -5, 5, 999);`,
    );
    expect((await openError(added)).message).toContain(
      "2 G/L entries from entry No. 999 on are covered by no G/L register",
    );
  });

  it("an edited row whose register hash was recomputed: the next register's link no longer matches", async () => {
    const edit = `DROP TRIGGER "glEntry_append_only_update"; DROP TRIGGER "glRegister_append_only_update";
       UPDATE "glEntry" SET "description" = 'edited' WHERE "entryNo" = (SELECT "fromEntryNo" FROM "glRegister" WHERE "no" = 2);`;
    // The attacker recomputes register 2's hash exactly as Ledgerpane would for the edited entries.
    const forged = await Engine.create({
      bytes: edited(edit),
      workDate: FIXTURE_WORK_DATE,
      acceptChanged: true,
    });
    const noted = String(forged.db.all(`SELECT "hash" FROM "glRegister" WHERE "no" = 3`)[0]![0]);
    forged.db.exec(`DROP TRIGGER "glRegister_append_only_update"`);
    sealExistingRegisters(forged.db, null);
    const register2 = String(forged.db.all(`SELECT "hash" FROM "glRegister" WHERE "no" = 2`)[0]![0]);
    const recomputedAll = forged.export();
    forged.close();

    const bytes = edited(`${edit} UPDATE "glRegister" SET "hash" = '${register2}' WHERE "no" = 2;`);
    const { engine, result } = await inspect(bytes);
    expect(result.problems.map((p) => p.registerNo).filter((n) => n !== undefined)).toEqual([3]);
    engine.close();
    // the workbook's checksum is no help to an attacker either: these bytes are a consistent SQLite file
    expect((await openError(bytes)).message).toContain("G/L register 3 does not match");

    // The limit: with every later hash recomputed too, the chain is consistent again (it has no secret
    // key); only the last hash noted down elsewhere (verifyBooks' lastHash) shows the change.
    const rewritten = await Engine.create({ bytes: recomputedAll, workDate: FIXTURE_WORK_DATE });
    const after = verify(rewritten);
    expect(after.ok).toBe(true);
    expect(after.lastHash).not.toBe(noted);
    rewritten.close();
  });

  it("a crafted trigger that unbalances the next posting: the posting is refused, Verify books and open name it", async () => {
    const engine = await Engine.create({ bytes: books, workDate: FIXTURE_WORK_DATE });
    const no = createS01Invoice(engine);
    engine.db.exec(
      `CREATE TRIGGER "skim" AFTER INSERT ON "glEntry" WHEN NEW."glAccountNo" = '6110' BEGIN
         INSERT INTO "glEntry" ("entryNo", "glAccountNo", "amount", "debitAmount", "transactionNo")
         VALUES (NEW."entryNo" + 100000, '2910', 1, 1, NEW."transactionNo");
       END;`,
    );
    const res = engine.dispatch({ do: "postSalesDocument", with: { documentType: "Invoice", no } });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe("database");
      expect(res.error.message).toContain("run Verify books");
    }
    const result = verify(engine);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message).join("\n")).toContain(
      "trigger skim on glEntry is not Ledgerpane's",
    );
    const bytes = engine.export();
    engine.close();
    expect((await openError(bytes)).message).toContain("trigger skim on glEntry is not Ledgerpane's");
  });
});

describe("a workbook made by schema version 1", () => {
  /** The books as schema 1 stored them: no chain columns, no reconciliation accounts, version 1. */
  function asSchema1(bytes: Uint8Array): Uint8Array {
    return edited(toSchema1Sql(), bytes);
  }

  it("opens: the chain is computed for its registers, verifies, and later postings extend it", async () => {
    const old = asSchema1(books);
    const engine = await Engine.create({ bytes: old, workDate: FIXTURE_WORK_DATE });
    expect(Number(engine.db.all(`PRAGMA user_version`)[0]![0])).toBe(2);
    const hashes = engine.db.all(`SELECT "hash" FROM "glRegister" ORDER BY "no"`).map((r) => String(r[0]));
    expect(hashes).toHaveLength(3);
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(verify(engine).ok).toBe(true);
    postS01Invoice(engine);
    const after = verify(engine);
    expect(after.ok).toBe(true);
    expect(after.registers).toBe(4);
    const reopened = await Engine.create({ bytes: engine.export(), workDate: FIXTURE_WORK_DATE });
    expect(verify(reopened).ok).toBe(true);
    reopened.close();
    engine.close();
  });

  it("an entry edited before the upgrade is sealed as it stands, but one edited after is detected", async () => {
    const engine = await Engine.create({ bytes: asSchema1(books), workDate: FIXTURE_WORK_DATE });
    const upgraded = engine.export();
    engine.close();
    const bytes = edited(
      `DROP TRIGGER "glEntry_append_only_update"; UPDATE "glEntry" SET "description" = 'x' WHERE "entryNo" = 1;`,
      upgraded,
    );
    expect((await openError(bytes)).message).toContain("G/L register 1 does not match");
  });
});
