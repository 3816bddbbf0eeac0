import { beforeEach, describe, expect, it } from "vitest";
import { Engine } from "../../engine/api/index.js";
import { dec } from "../../engine/kernel/decimal.js";
import {
  checkBalancedTransactions,
  checkInventory,
  checkItemQuantities,
  checkLedgerInvariants,
  checkReceivables,
  LedgerSnapshot,
} from "../../engine/scenario/index.js";
import { expectOk, fixtureCompany, postS01Invoice } from "../helpers/company.js";

/**
 * Broken ledgers are built directly with repo.insert (bypassing every command) to show each check
 * notices what it is meant to notice.
 */
let engine: Engine;

beforeEach(async () => {
  engine = await Engine.create({ workDate: "2025-01-15" });
});

function gl(entryNo: number, account: string, amount: string, transactionNo: number): void {
  const a = dec(amount);
  engine.db.transaction(() =>
    engine.repo.insert("glEntry", {
      entryNo,
      glAccountNo: account,
      amount: a,
      debitAmount: a.isNegative() ? dec(0) : a,
      creditAmount: a.isNegative() ? a.negated() : dec(0),
      transactionNo,
      documentNo: `D${transactionNo}`,
      postingDate: "2025-01-15",
    }),
  );
}

describe("balanced transactions", () => {
  it("holds for an empty company and for balanced transactions", () => {
    expect(checkLedgerInvariants(engine.db)).toEqual([]);
    gl(1, "2310", "1210.00", 1);
    gl(2, "6110", "-1000.00", 1);
    gl(3, "5610", "-210.00", 1);
    expect(checkBalancedTransactions(engine.db)).toEqual([]);
  });

  it("names the transaction that does not sum to zero", () => {
    gl(1, "2310", "1210.00", 1);
    gl(2, "6110", "-1210.00", 1);
    gl(3, "7190", "600.00", 2);
    gl(4, "2110", "-600.01", 2);
    const v = checkBalancedTransactions(engine.db);
    expect(v).toHaveLength(1);
    expect(v[0]!.invariant).toBe("balanced-transactions");
    expect(v[0]!.message).toContain("transaction 2 (2 entries, document D2) sums to -0.01");
  });

  it("names an entry whose debit and credit do not give its amount", () => {
    engine.db.transaction(() =>
      engine.repo.insert("glEntry", { entryNo: 1, glAccountNo: "1", amount: dec("5"), transactionNo: 1 }),
    );
    gl(2, "2", "-5", 1);
    const v = checkBalancedTransactions(engine.db);
    expect(v.map((x) => x.invariant)).toEqual(["debit-credit"]);
    expect(v[0]!.message).toContain("entry 1: amount 5.00, debit 0.00, credit 0.00");
  });
});

describe("receivables", () => {
  beforeEach(() => {
    engine.db.transaction(() => {
      engine.repo.insert("customerPostingGroup", { code: "DOMESTIC", receivablesAccount: "2310" });
      engine.repo.insert("custLedgerEntry", {
        entryNo: 1,
        customerNo: "C1",
        customerPostingGroup: "DOMESTIC",
      });
      engine.repo.insert("detailedCustLedgEntry", {
        entryNo: 1,
        custLedgerEntryNo: 1,
        customerNo: "C1",
        amount: dec("1210"),
        amountLcy: dec("1210"),
      });
    });
  });

  it("holds when the receivables account carries the detailed entries", () => {
    gl(1, "2310", "1210.00", 1);
    gl(2, "6110", "-1210.00", 1);
    expect(checkReceivables(engine.db)).toEqual([]);
  });

  it("notices a receivables account that drifted from the customer entries", () => {
    gl(1, "2310", "1200.00", 1);
    gl(2, "6110", "-1200.00", 1);
    const v = checkReceivables(engine.db);
    expect(v).toHaveLength(1);
    expect(v[0]!.message).toContain("account 2310 has G/L balance 1200.00, detailed entries sum to 1210.00");
  });

  it("notices detailed entries that reach no receivables account", () => {
    gl(1, "2310", "1210.00", 1);
    gl(2, "6110", "-1210.00", 1);
    engine.db.transaction(() =>
      engine.repo.insert("detailedCustLedgEntry", {
        entryNo: 2,
        custLedgerEntryNo: 99,
        amount: dec("5"),
        amountLcy: dec("5"),
      }),
    );
    expect(checkReceivables(engine.db)[0]!.message).toContain(
      "1 detailed customer ledger entries (sum 5.00)",
    );
  });
});

describe("inventory", () => {
  beforeEach(() => {
    engine.db.transaction(() => {
      engine.repo.insert("inventorySetup", { automaticCostPosting: true });
      engine.repo.insert("inventoryPostingSetup", {
        locationCode: "",
        invtPostingGroupCode: "RESALE",
        inventoryAccount: "2110",
        inventoryAccountInterim: "2111",
      });
      engine.repo.insert("valueEntry", {
        entryNo: 1,
        itemNo: "1000",
        inventoryPostingGroup: "RESALE",
        costAmountActual: dec("1200"),
        costPostedToGl: dec("1200"),
      });
    });
    gl(1, "2110", "1200.00", 1);
    gl(2, "7180", "-1200.00", 1);
  });

  it("holds when the inventory account carries the cost posted to G/L", () => {
    expect(checkInventory(engine.db)).toEqual([]);
  });

  it("notices cost not posted to G/L and an inventory account out of step", () => {
    engine.db.transaction(() =>
      engine.repo.insert("valueEntry", {
        entryNo: 2,
        itemNo: "1000",
        inventoryPostingGroup: "RESALE",
        costAmountActual: dec("-600"),
        costPostedToGl: dec("-600"),
      }),
    );
    const v1 = checkInventory(engine.db);
    expect(v1.map((x) => x.invariant)).toEqual(["inventory"]);
    expect(v1[0]!.message).toContain(
      "account 2110 has G/L balance 1200.00, value entries: cost posted to G/L 600.00",
    );
    gl(3, "7190", "600.00", 2);
    gl(4, "2110", "-600.00", 2);
    expect(checkInventory(engine.db)).toEqual([]);
    engine.db.transaction(() =>
      engine.repo.insert("valueEntry", {
        entryNo: 3,
        itemNo: "1000",
        inventoryPostingGroup: "RESALE",
        costAmountActual: dec("-60"),
      }),
    );
    const v2 = checkInventory(engine.db);
    expect(v2.map((x) => x.invariant)).toEqual(["cost-posted"]);
    expect(v2[0]!.message).toContain("item 1000: cost posted to G/L 600.00, cost amount (actual) 540.00");
  });
});

describe("item quantities", () => {
  function ile(entryNo: number, quantity: string, remaining: string, open: boolean): void {
    engine.db.transaction(() =>
      engine.repo.insert("itemLedgerEntry", {
        entryNo,
        itemNo: "1000",
        quantity: dec(quantity),
        remainingQuantity: dec(remaining),
        open,
        positive: !dec(quantity).isNegative(),
      }),
    );
  }

  it("holds when applications conserve quantity", () => {
    ile(1, "20", "10", true);
    ile(2, "-10", "0", false);
    expect(checkItemQuantities(engine.db)).toEqual([]);
  });

  it("notices quantity that appeared from nowhere, a remaining quantity out of range and a wrong open flag", () => {
    ile(1, "20", "12", true);
    ile(2, "-5", "0", false);
    ile(3, "-3", "2", false);
    const v = checkItemQuantities(engine.db).map((x) => x.message);
    expect(v[0]).toContain("item 1000: Σ quantity 12, Σ remaining quantity 14");
    expect(v.join("\n")).toContain("entry 3 (item 1000): quantity -3, remaining 2");
    expect(v.join("\n")).toContain("entry 3: remaining 2, open false");
  });
});

describe("ledger snapshot (append-only)", () => {
  it("notices a changed and a deleted ledger row, but not a change of a mutable column", () => {
    gl(1, "2310", "100.00", 1);
    gl(2, "6110", "-100.00", 1);
    const snap = LedgerSnapshot.take(engine.db);
    expect(snap.rowCount).toBe(2);
    engine.db.exec(`UPDATE "glEntry" SET "reversed" = 1 WHERE "entryNo" = 1`);
    expect(snap.verify(engine.db)).toEqual([]);

    engine.db.exec(`DROP TRIGGER "glEntry_append_only_update"; DROP TRIGGER "glEntry_append_only_delete";`);
    engine.db.exec(`UPDATE "glEntry" SET "amount" = 9000 WHERE "entryNo" = 1`);
    engine.db.exec(`DELETE FROM "glEntry" WHERE "entryNo" = 2`);
    const v = snap.verify(engine.db);
    expect(v).toHaveLength(1);
    expect(v[0]!.invariant).toBe("append-only");
    expect(v[0]!.message).toContain("glEntry entryNo 1: amount was 100.00, now 90.00");
    expect(v[0]!.message).toContain("glEntry entryNo 2 was deleted");
  });

  it("covers posted documents too", () => {
    engine.db.transaction(() =>
      engine.repo.insert("salesInvoiceHeader", { no: "103001", sellToCustomerNo: "C1" }),
    );
    const snap = LedgerSnapshot.take(engine.db);
    engine.db.exec(`DROP TRIGGER "salesInvoiceHeader_append_only_update"`);
    engine.db.exec(`UPDATE "salesInvoiceHeader" SET "sellToCustomerNo" = 'C2'`);
    expect(snap.verify(engine.db)[0]!.message).toContain(
      'salesInvoiceHeader no 103001: sellToCustomerNo was "C1", now "C2"',
    );
  });
});

describe("re-pointed set-up accounts (issue 6, item 8)", () => {
  function upsert(table: string, rows: unknown[]): void {
    expectOk(engine.dispatch({ do: "upsert", with: { table, rows } }));
  }

  it("receivables still reconcile after the customer posting group's receivables account is re-pointed", async () => {
    engine.close();
    engine = await fixtureCompany();
    postS01Invoice(engine);
    upsert("glAccount", [{ no: "2320", name: "Customers, New" }]);
    upsert("customerPostingGroup", [{ code: "DOMESTIC", receivablesAccount: "2320" }]);
    expect(checkLedgerInvariants(engine.db)).toEqual([]);
    postS01Invoice(engine);
    expect(checkLedgerInvariants(engine.db)).toEqual([]);
  });

  it("inventory still reconciles after the inventory posting setup's accounts are re-pointed", async () => {
    engine.close();
    engine = await fixtureCompany();
    postS01Invoice(engine);
    upsert("glAccount", [
      { no: "2120", name: "Inventory, New" },
      { no: "2121", name: "Inventory (Interim), New" },
    ]);
    upsert("inventoryPostingSetup", [
      {
        locationCode: "",
        invtPostingGroupCode: "RESALE",
        inventoryAccount: "2120",
        inventoryAccountInterim: "2121",
      },
    ]);
    expect(checkLedgerInvariants(engine.db)).toEqual([]);
    postS01Invoice(engine);
    expect(checkLedgerInvariants(engine.db)).toEqual([]);
  });

  it("after a re-pointing, receivables out of step are still noticed", async () => {
    engine.close();
    engine = await fixtureCompany();
    postS01Invoice(engine);
    upsert("glAccount", [{ no: "2320", name: "Customers, New" }]);
    upsert("customerPostingGroup", [{ code: "DOMESTIC", receivablesAccount: "2320" }]);
    gl(9001, "2310", "5.00", 9001);
    gl(9002, "6110", "-5.00", 9001);
    const v = checkReceivables(engine.db);
    expect(v).toHaveLength(1);
    expect(v[0]!.message).toContain("2310, 2320");
    expect(v[0]!.message).toContain("G/L balance 1215.00, detailed entries sum to 1210.00");
  });
});
