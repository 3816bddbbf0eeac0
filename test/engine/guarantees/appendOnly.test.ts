import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../engine/api/index.js";
import { sqlType, type TableDef } from "../../../engine/db/columns.js";
import { TABLES } from "../../../engine/db/schema/index.js";
import { fixtureCompany, postS01Invoice, sameBytes } from "../../helpers/company.js";

/**
 * Design 2: posted documents and ledger rows are never edited; only the declared status columns may
 * change. The database itself enforces it (triggers), so even SQL that bypasses the engine is refused.
 */
const APPEND_ONLY = TABLES.filter((t) => t.appendOnly);

let engine: Engine;

beforeAll(async () => {
  engine = await fixtureCompany();
  postS01Invoice(engine);
  // Tables the S1 posting does not write (shipments, credit memos, return receipts) get one row
  // inserted directly: inserting is what append-only allows.
  for (const t of APPEND_ONLY) {
    if (count(t.name) > 0) continue;
    const cols = t.key.map((k) => `"${k}"`).join(", ");
    const values = t.key.map((k) =>
      sqlType(t.columns.find((c) => c.name === k)!.kind) === "INTEGER" ? "1" : "'T1'",
    );
    engine.db.exec(`INSERT INTO "${t.name}" (${cols}) VALUES (${values.join(", ")})`);
  }
});

function count(table: string): number {
  return Number(engine.db.all(`SELECT COUNT(*) FROM "${table}"`)[0]![0]);
}

function sqlError(sql: string): string | undefined {
  try {
    engine.db.exec(sql);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** A SET expression that really changes the column's value. */
function changed(t: TableDef, name: string): string {
  const col = t.columns.find((c) => c.name === name)!;
  if (col.kind === "date") return `"${name}" = '2099-12-31'`;
  return sqlType(col.kind) === "INTEGER" ? `"${name}" = "${name}" + 1` : `"${name}" = "${name}" || 'X'`;
}

describe("append-only ledgers and posted documents", () => {
  it("the registry marks every ledger and posted document table append-only", () => {
    const names = APPEND_ONLY.map((t) => t.name);
    for (const t of [
      "glEntry",
      "glRegister",
      "vatEntry",
      "custLedgerEntry",
      "detailedCustLedgEntry",
      "itemLedgerEntry",
      "valueEntry",
      "itemApplicationEntry",
      "salesInvoiceHeader",
      "salesInvoiceLine",
      "salesShipmentHeader",
      "salesShipmentLine",
      "salesCrMemoHeader",
      "salesCrMemoLine",
      "returnReceiptHeader",
      "returnReceiptLine",
    ])
      expect(names).toContain(t);
    // editable documents are not
    expect(names).not.toContain("salesHeader");
    expect(names).not.toContain("salesLine");
  });

  it("refuses UPDATE glEntry SET amount and DELETE FROM valueEntry after a posting, changing nothing", () => {
    const before = engine.export();
    const upd = sqlError(
      `UPDATE "glEntry" SET "amount" = "amount" + 1 WHERE "entryNo" = (SELECT MAX("entryNo") FROM "glEntry")`,
    );
    expect(upd).toMatch(/append-only/);
    expect(upd).toContain("glEntry");
    const del = sqlError(`DELETE FROM "valueEntry"`);
    expect(del).toMatch(/append-only/);
    expect(del).toContain("valueEntry");
    expect(sameBytes(engine.export(), before)).toBe(true);
  });

  describe.each(APPEND_ONLY.map((t) => [t.name, t] as const))("%s", (name, t) => {
    it("has rows to protect", () => {
      expect(count(name)).toBeGreaterThan(0);
    });

    it("refuses DELETE", () => {
      const n = count(name);
      expect(sqlError(`DELETE FROM "${name}"`)).toMatch(/append-only/);
      expect(count(name)).toBe(n);
    });

    const mutable = new Set(t.appendOnly!.mutable);
    const frozen = t.columns.map((c) => c.name).filter((c) => !mutable.has(c));

    it.each(frozen)("refuses UPDATE of %s", (col) => {
      const before = engine.db.all(`SELECT * FROM "${name}" ORDER BY 1`);
      expect(sqlError(`UPDATE "${name}" SET ${changed(t, col)}`)).toMatch(/append-only/);
      expect(engine.db.all(`SELECT * FROM "${name}" ORDER BY 1`)).toEqual(before);
    });

    if (mutable.size > 0) {
      it.each([...mutable])("allows UPDATE of the status column %s", (col) => {
        const before = engine.db.all(`SELECT "${col}" FROM "${name}" ORDER BY 1`);
        expect(sqlError(`UPDATE "${name}" SET ${changed(t, col)}`)).toBeUndefined();
        expect(engine.db.all(`SELECT "${col}" FROM "${name}" ORDER BY 1`)).not.toEqual(before);
      });
    }

    it("has both triggers in the database", () => {
      const triggers = engine.db
        .all(`SELECT "name" FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?`, [name])
        .map((r) => r[0]);
      expect(triggers).toEqual(
        expect.arrayContaining([`${name}_append_only_delete`, `${name}_append_only_update`]),
      );
    });
  });

  it("editable tables carry no append-only trigger", () => {
    const editable = TABLES.filter((t) => !t.appendOnly).map((t) => t.name);
    const withTriggers = engine.db
      .all(`SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger'`)
      .map((r) => String(r[0]));
    for (const t of editable) expect(withTriggers).not.toContain(t);
  });
});
