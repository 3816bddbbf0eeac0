import { decodeValue, fromScaled, type SqlValue } from "../db/codec.js";
import { exactSumExpr } from "../db/exactSum.js";
import { SCALE, type ColumnDef, type TableDef } from "../db/columns.js";
import type { Database } from "../db/database.js";
import { TABLES } from "../db/schema/index.js";
import { formatDecimal, type Dec } from "../kernel/decimal.js";

/**
 * Checks that hold for every company database after every committed command, whatever was posted.
 * All sums run in SQL over the stored scaled integers, so they are exact; the results are compared as
 * decimals. Each check returns its violations in words; an empty list means it holds.
 */
export type InvariantName =
  | "balanced-transactions"
  | "debit-credit"
  | "receivables"
  | "inventory"
  | "cost-posted"
  | "item-quantities"
  | "append-only";

export interface InvariantViolation {
  invariant: InvariantName;
  message: string;
}

const AMOUNT_SCALE = 2;
const QTY_SCALE = 5;
/** At most this many offending rows are named per check; the count says how many there are. */
const SHOW = 5;

const amount = (raw: SqlValue | undefined): Dec => fromScaled(raw ?? 0n, AMOUNT_SCALE);
const qty = (raw: SqlValue | undefined): Dec => fromScaled(raw ?? 0n, QTY_SCALE);
const fmtAmount = (d: Dec): string => formatDecimal(d, 2);
const fmtQty = (d: Dec): string => formatDecimal(d);

function listed<T>(rows: readonly T[], show: (r: T) => string): string {
  const named = rows.slice(0, SHOW).map(show).join("; ");
  return rows.length > SHOW ? `${named}; … (${rows.length} in all)` : named;
}

/** (a) every G/L transaction sums to exactly zero; each entry's debit minus credit is its amount. */
export function checkBalancedTransactions(db: Database): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const unbalanced = db.all(
    `SELECT "transactionNo", ${exactSumExpr(`"amount"`)}, COUNT(*), MIN("documentNo") FROM "glEntry"
     GROUP BY "transactionNo" HAVING ${exactSumExpr(`"amount"`)} <> 0 ORDER BY "transactionNo"`,
  );
  if (unbalanced.length > 0) {
    out.push({
      invariant: "balanced-transactions",
      message: `G/L transactions do not balance: ${listed(
        unbalanced,
        (r) =>
          `transaction ${String(r[0])} (${String(r[2])} entries, document ${String(r[3])}) sums to ${fmtAmount(amount(r[1]))}`,
      )}.`,
    });
  }
  const badSides = db.all(
    `SELECT "entryNo", "amount", "debitAmount", "creditAmount" FROM "glEntry"
     WHERE "debitAmount" - "creditAmount" <> "amount" ORDER BY "entryNo"`,
  );
  if (badSides.length > 0) {
    out.push({
      invariant: "debit-credit",
      message: `G/L entries whose debit minus credit is not their amount: ${listed(
        badSides,
        (r) =>
          `entry ${String(r[0])}: amount ${fmtAmount(amount(r[1]))}, debit ${fmtAmount(amount(r[2]))}, credit ${fmtAmount(amount(r[3]))}`,
      )}.`,
    });
  }
  return out;
}

/** Accounts in a reconciled role now (set-up) or at any earlier posting (reconciliationAccount). */
function roleAccounts(
  db: Database,
  role: string,
  currentSql: string,
): { all: string[]; current: Set<string> } {
  const current = new Set(db.all(currentSql).map((r) => String(r[0])));
  const recorded = db.all(`SELECT "glAccountNo" FROM "reconciliationAccount" WHERE "role" = ?`, [role]);
  const all = new Set(current);
  for (const r of recorded) all.add(String(r[0]));
  return { all: [...all].sort(), current };
}

/** Σ G/L amount over accounts, computed in SQL over the scaled integers. */
function glBalance(db: Database, accounts: readonly string[]): SqlValue {
  if (accounts.length === 0) return 0;
  return db.all(
    `SELECT COALESCE(${exactSumExpr(`"amount"`)}, 0) FROM "glEntry" WHERE "glAccountNo" IN (${accounts.map(() => "?").join(", ")})`,
    accounts,
  )[0]![0]!;
}

/**
 * (b) receivables. While no account has left the role, per account: the balance of every receivables
 * account equals the detailed customer ledger entries (amountLcy) of the customer entries in the groups
 * that post to it, and detailed entries that reach no receivables account sum to zero. Once a
 * customer posting group was re-pointed, the entries no longer say which account they went to, so,
 * as BC's reconciliation does, the G/L balance of every account ever used as a receivables account
 * equals the whole detailed customer ledger.
 */
export function checkReceivables(db: Database): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const accounts = roleAccounts(
    db,
    "RECEIVABLES",
    `SELECT DISTINCT "receivablesAccount" FROM "customerPostingGroup" WHERE "receivablesAccount" <> ''`,
  );
  if (accounts.all.some((a) => !accounts.current.has(a))) {
    const gl = glBalance(db, accounts.all);
    const cust = db.all(
      `SELECT COALESCE(${exactSumExpr(`"amountLcy"`)}, 0) FROM "detailedCustLedgEntry"`,
    )[0]![0]!;
    if (!amount(gl).eq(amount(cust))) {
      out.push({
        invariant: "receivables",
        message: `Receivables do not agree with the detailed customer ledger entries: the accounts ever used as receivables accounts (${accounts.all.join(", ")}) have G/L balance ${fmtAmount(amount(gl))}, detailed entries sum to ${fmtAmount(amount(cust))}.`,
      });
    }
    return out;
  }
  const rows = db.all(
    `WITH acc AS (SELECT DISTINCT "receivablesAccount" AS no FROM "customerPostingGroup" WHERE "receivablesAccount" <> '')
     SELECT acc.no,
       (SELECT COALESCE(${exactSumExpr(`g."amount"`)}, 0) FROM "glEntry" g WHERE g."glAccountNo" = acc.no),
       (SELECT COALESCE(${exactSumExpr(`d."amountLcy"`)}, 0) FROM "detailedCustLedgEntry" d
          JOIN "custLedgerEntry" c ON c."entryNo" = d."custLedgerEntryNo"
          JOIN "customerPostingGroup" p ON p."code" = c."customerPostingGroup"
         WHERE p."receivablesAccount" = acc.no)
     FROM acc ORDER BY acc.no`,
  );
  const bad = rows.filter((r) => !amount(r[1]).eq(amount(r[2])));
  if (bad.length > 0) {
    out.push({
      invariant: "receivables",
      message: `Receivables accounts do not agree with the detailed customer ledger entries: ${listed(
        bad,
        (r) =>
          `account ${String(r[0])} has G/L balance ${fmtAmount(amount(r[1]))}, detailed entries sum to ${fmtAmount(amount(r[2]))}`,
      )}.`,
    });
  }
  const orphan = db.all(
    `SELECT COUNT(*), COALESCE(${exactSumExpr(`d."amountLcy"`)}, 0) FROM "detailedCustLedgEntry" d
       LEFT JOIN "custLedgerEntry" c ON c."entryNo" = d."custLedgerEntryNo"
       LEFT JOIN "customerPostingGroup" p ON p."code" = c."customerPostingGroup"
      WHERE p."code" IS NULL OR p."receivablesAccount" = ''`,
  )[0]!;
  if (!amount(orphan[1]).isZero()) {
    out.push({
      invariant: "receivables",
      message: `${String(orphan[0])} detailed customer ledger entries (sum ${fmtAmount(amount(orphan[1]))}) belong to no customer entry whose posting group has a receivables account.`,
    });
  }
  return out;
}

function inventorySetupFlags(db: Database): { automatic: boolean; expected: boolean } {
  const r = db.all(
    `SELECT "automaticCostPosting", "expectedCostPostingToGl" FROM "inventorySetup" LIMIT 1`,
  )[0];
  return {
    automatic: r !== undefined && Number(r[0]) !== 0,
    expected: r !== undefined && Number(r[1]) !== 0,
  };
}

/** Per account, while no inventory account has left its role: see checkInventory. */
function inventoryPerAccount(db: Database): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const accounts = db.all(
    `WITH acc AS (
       SELECT "inventoryAccount" AS no FROM "inventoryPostingSetup" WHERE "inventoryAccount" <> ''
       UNION SELECT "inventoryAccountInterim" FROM "inventoryPostingSetup" WHERE "inventoryAccountInterim" <> '')
     SELECT acc.no,
       (SELECT COALESCE(${exactSumExpr(`g."amount"`)}, 0) FROM "glEntry" g WHERE g."glAccountNo" = acc.no),
       (SELECT COALESCE(${exactSumExpr(`v."costPostedToGl"`)}, 0) FROM "valueEntry" v
          JOIN "inventoryPostingSetup" s ON s."locationCode" = v."locationCode" AND s."invtPostingGroupCode" = v."inventoryPostingGroup"
         WHERE s."inventoryAccount" = acc.no),
       (SELECT COALESCE(${exactSumExpr(`v."expectedCostPostedToGl"`)}, 0) FROM "valueEntry" v
          JOIN "inventoryPostingSetup" s ON s."locationCode" = v."locationCode" AND s."invtPostingGroupCode" = v."inventoryPostingGroup"
         WHERE s."inventoryAccountInterim" = acc.no)
     FROM acc ORDER BY acc.no`,
  );
  const bad = accounts.filter((r) => !amount(r[1]).eq(amount(r[2]).plus(amount(r[3]))));
  if (bad.length > 0) {
    out.push({
      invariant: "inventory",
      message: `Inventory accounts do not agree with the value entries: ${listed(bad, (r) => {
        const parts = [`cost posted to G/L ${fmtAmount(amount(r[2]))}`];
        if (!amount(r[3]).isZero()) parts.push(`expected cost posted to G/L ${fmtAmount(amount(r[3]))}`);
        return `account ${String(r[0])} has G/L balance ${fmtAmount(amount(r[1]))}, value entries: ${parts.join(", ")}`;
      })}.`,
    });
  }
  return out;
}

/**
 * (c) the balance of every inventory account equals the cost posted to G/L by the value entries whose
 * inventory posting setup names it, and every interim account the expected cost posted to G/L (once an
 * account was re-pointed: all accounts ever used in these roles against all cost posted); with
 * automatic cost posting on, each item's cost posted to G/L equals its actual cost (and, with expected
 * cost posting on too, its expected cost posted equals its expected cost).
 */
export function checkInventory(db: Database): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const inventory = roleAccounts(
    db,
    "INVENTORY",
    `SELECT "inventoryAccount" FROM "inventoryPostingSetup" WHERE "inventoryAccount" <> ''`,
  );
  const interim = roleAccounts(
    db,
    "INVENTORY INTERIM",
    `SELECT "inventoryAccountInterim" FROM "inventoryPostingSetup" WHERE "inventoryAccountInterim" <> ''`,
  );
  const repointed =
    inventory.all.some((a) => !inventory.current.has(a)) || interim.all.some((a) => !interim.current.has(a));
  if (repointed) {
    // As for receivables: once re-pointed, all accounts ever used in the two roles against all cost posted.
    const accounts = [...new Set([...inventory.all, ...interim.all])].sort();
    const gl = glBalance(db, accounts);
    const posted = db.all(
      `SELECT COALESCE(${exactSumExpr(`v."costPostedToGl" + v."expectedCostPostedToGl"`)}, 0) FROM "valueEntry" v
         JOIN "inventoryPostingSetup" s ON s."locationCode" = v."locationCode" AND s."invtPostingGroupCode" = v."inventoryPostingGroup"`,
    )[0]![0]!;
    if (!amount(gl).eq(amount(posted))) {
      out.push({
        invariant: "inventory",
        message: `Inventory does not agree with the value entries: the accounts ever used as inventory or interim accounts (${accounts.join(", ")}) have G/L balance ${fmtAmount(amount(gl))}, value entries posted ${fmtAmount(amount(posted))} to G/L.`,
      });
    }
  } else {
    out.push(...inventoryPerAccount(db));
  }
  const noSetup = db.all(
    `SELECT v."entryNo", v."itemNo", v."locationCode", v."inventoryPostingGroup" FROM "valueEntry" v
       LEFT JOIN "inventoryPostingSetup" s ON s."locationCode" = v."locationCode" AND s."invtPostingGroupCode" = v."inventoryPostingGroup"
      WHERE s."invtPostingGroupCode" IS NULL AND ("costPostedToGl" <> 0 OR "expectedCostPostedToGl" <> 0)
      ORDER BY v."entryNo"`,
  );
  if (noSetup.length > 0) {
    out.push({
      invariant: "inventory",
      message: `Value entries posted cost to G/L without an inventory posting setup: ${listed(
        noSetup,
        (r) =>
          `entry ${String(r[0])} (item ${String(r[1])}, location '${String(r[2])}', group '${String(r[3])}')`,
      )}.`,
    });
  }
  const flags = inventorySetupFlags(db);
  if (flags.automatic) {
    const items = db.all(
      `SELECT "itemNo", ${exactSumExpr(`"costPostedToGl"`)}, ${exactSumExpr(`"costAmountActual"`)}, ${exactSumExpr(`"expectedCostPostedToGl"`)}, ${exactSumExpr(`"costAmountExpected"`)}
       FROM "valueEntry" GROUP BY "itemNo" ORDER BY "itemNo"`,
    );
    const actual = items.filter((r) => !amount(r[1]).eq(amount(r[2])));
    if (actual.length > 0) {
      out.push({
        invariant: "cost-posted",
        message: `With automatic cost posting, cost posted to G/L must equal actual cost: ${listed(
          actual,
          (r) =>
            `item ${String(r[0])}: cost posted to G/L ${fmtAmount(amount(r[1]))}, cost amount (actual) ${fmtAmount(amount(r[2]))}`,
        )}.`,
      });
    }
    if (flags.expected) {
      const exp = items.filter((r) => !amount(r[3]).eq(amount(r[4])));
      if (exp.length > 0) {
        out.push({
          invariant: "cost-posted",
          message: `With expected cost posting to G/L, expected cost posted to G/L must equal expected cost: ${listed(
            exp,
            (r) =>
              `item ${String(r[0])}: expected cost posted to G/L ${fmtAmount(amount(r[3]))}, cost amount (expected) ${fmtAmount(amount(r[4]))}`,
          )}.`,
        });
      }
    }
  }
  return out;
}

/**
 * Item ledger quantities: per inventory item, Σ quantity = Σ remaining quantity (applications move quantity
 * between entries but never create or lose any); each entry's remaining quantity lies between 0 and
 * its quantity; an entry is open exactly when its remaining quantity is not zero.
 */
export function checkItemQuantities(db: Database): InvariantViolation[] {
  const out: InvariantViolation[] = [];
  const items = db.all(
    // Services and non-inventory items hold no stock: their entries are never applied (spec 10.3).
    `SELECT e."itemNo", ${exactSumExpr(`e."quantity"`)}, ${exactSumExpr(`e."remainingQuantity"`)} FROM "itemLedgerEntry" e
     WHERE NOT EXISTS (SELECT 1 FROM "item" i WHERE i."no" = e."itemNo" AND i."type" <> 'Inventory')
     GROUP BY e."itemNo" HAVING ${exactSumExpr(`e."quantity" - e."remainingQuantity"`)} <> 0 ORDER BY e."itemNo"`,
  );
  if (items.length > 0) {
    out.push({
      invariant: "item-quantities",
      message: `Item ledger quantities do not add up to the remaining quantities: ${listed(
        items,
        (r) =>
          `item ${String(r[0])}: Σ quantity ${fmtQty(qty(r[1]))}, Σ remaining quantity ${fmtQty(qty(r[2]))}`,
      )}.`,
    });
  }
  const range = db.all(
    `SELECT "entryNo", "itemNo", "quantity", "remainingQuantity" FROM "itemLedgerEntry"
     WHERE ("quantity" >= 0 AND ("remainingQuantity" < 0 OR "remainingQuantity" > "quantity"))
        OR ("quantity" < 0 AND ("remainingQuantity" > 0 OR "remainingQuantity" < "quantity"))
     ORDER BY "entryNo"`,
  );
  if (range.length > 0) {
    out.push({
      invariant: "item-quantities",
      message: `Item ledger entries whose remaining quantity is outside 0…quantity: ${listed(
        range,
        (r) =>
          `entry ${String(r[0])} (item ${String(r[1])}): quantity ${fmtQty(qty(r[2]))}, remaining ${fmtQty(qty(r[3]))}`,
      )}.`,
    });
  }
  const open = db.all(
    `SELECT "entryNo", "remainingQuantity", "open" FROM "itemLedgerEntry"
     WHERE ("open" <> 0) <> ("remainingQuantity" <> 0) ORDER BY "entryNo"`,
  );
  if (open.length > 0) {
    out.push({
      invariant: "item-quantities",
      message: `Item ledger entries whose 'open' does not match their remaining quantity: ${listed(
        open,
        (r) => `entry ${String(r[0])}: remaining ${fmtQty(qty(r[1]))}, open ${Number(r[2]) !== 0}`,
      )}.`,
    });
  }
  return out;
}

/** (a), (b), (c) and the item quantity checks together. */
export function checkLedgerInvariants(db: Database): InvariantViolation[] {
  return [
    ...checkBalancedTransactions(db),
    ...checkReceivables(db),
    ...checkInventory(db),
    ...checkItemQuantities(db),
  ];
}

interface FrozenTable {
  def: TableDef;
  keyCols: ColumnDef[];
  frozenCols: ColumnDef[];
  sql: string;
  rows: Map<string, SqlValue[]>;
}

function keyText(values: readonly SqlValue[]): string {
  return values.map((v) => (typeof v === "bigint" ? v.toString() : JSON.stringify(v))).join("|");
}

function sameRaw(a: SqlValue | undefined, b: SqlValue | undefined): boolean {
  if (typeof a === "bigint" || typeof b === "bigint") return String(a) === String(b);
  return a === b;
}

/** The tables the registry declares append-only: ledgers and posted documents. */
export function appendOnlyTables(): TableDef[] {
  return TABLES.filter((t) => t.appendOnly !== undefined);
}

/**
 * (d) no ledger row changes: a copy of every append-only row (all but its declared mutable columns).
 * `verify` checks that each row of an earlier snapshot still exists with the same values.
 */
export class LedgerSnapshot {
  private constructor(private readonly tables: FrozenTable[]) {}

  static take(db: Database, defs: readonly TableDef[] = appendOnlyTables()): LedgerSnapshot {
    return new LedgerSnapshot(
      defs.map((def) => {
        const mutable = new Set(def.appendOnly?.mutable ?? []);
        const keyCols = def.key.map((k) => def.columns.find((c) => c.name === k)!);
        const frozenCols = def.columns.filter((c) => !mutable.has(c.name) && !def.key.includes(c.name));
        const cols = [...keyCols, ...frozenCols].map((c) => `"${c.name}"`).join(", ");
        const sql = `SELECT ${cols} FROM "${def.name}"`;
        const rows = new Map<string, SqlValue[]>();
        for (const r of db.all(sql)) rows.set(keyText(r.slice(0, keyCols.length)), r);
        return { def, keyCols, frozenCols, sql, rows };
      }),
    );
  }

  get rowCount(): number {
    return this.tables.reduce((n, t) => n + t.rows.size, 0);
  }

  verify(db: Database): InvariantViolation[] {
    const out: InvariantViolation[] = [];
    for (const t of this.tables) {
      if (t.rows.size === 0) continue;
      const now = new Map<string, SqlValue[]>();
      for (const r of db.all(t.sql)) now.set(keyText(r.slice(0, t.keyCols.length)), r);
      const problems: string[] = [];
      for (const [key, before] of t.rows) {
        const name = `${t.def.name} ${t.keyCols
          .map((c, i) => `${c.name} ${String(decodeValue(c, before[i] ?? null))}`)
          .join(", ")}`;
        const after = now.get(key);
        if (!after) {
          problems.push(`${name} was deleted`);
          continue;
        }
        t.frozenCols.forEach((c, k) => {
          const i = t.keyCols.length + k;
          if (sameRaw(before[i], after[i])) return;
          const show = (v: SqlValue | undefined) => {
            const d = decodeValue(c, v ?? null);
            return d === null
              ? "null"
              : typeof d === "object"
                ? formatDecimal(d, SCALE[c.kind] === 2 ? 2 : 0)
                : JSON.stringify(d);
          };
          problems.push(`${name}: ${c.name} was ${show(before[i])}, now ${show(after[i])}`);
        });
      }
      if (problems.length > 0) {
        out.push({
          invariant: "append-only",
          message: `Posted rows changed: ${listed(problems, (p) => p)}.`,
        });
      }
    }
    return out;
  }
}
