import type { Ctx } from "../api/context.js";
import type {
  CustLedgerEntryRow,
  DetailedCustLedgEntryRow,
  GlEntryRow,
  VatEntryRow,
} from "../db/schema/rows.generated.js";
import { CHAINED_LEDGERS, currentMarks, sealRegister, type Marks } from "../db/registerChain.js";
import { defaultRow } from "../setup/defaults.js";
import { checkGlAccount } from "../setup/postingSetup.js";
import { ZERO, type Dec } from "../kernel/decimal.js";
import { LedgerpaneError } from "../kernel/errors.js";

/**
 * The accounts this posting's set-up names in reconciled roles: once posted to, an account stays a
 * receivables or inventory account for the ledger checks even if the set-up is later re-pointed.
 */
const RECORD_RECONCILED_ACCOUNTS = `INSERT OR IGNORE INTO "reconciliationAccount" ("role", "glAccountNo")
  SELECT 'RECEIVABLES', "receivablesAccount" FROM "customerPostingGroup" WHERE "receivablesAccount" <> ''
  UNION SELECT 'INVENTORY', "inventoryAccount" FROM "inventoryPostingSetup" WHERE "inventoryAccount" <> ''
  UNION SELECT 'INVENTORY INTERIM', "inventoryAccountInterim" FROM "inventoryPostingSetup" WHERE "inventoryAccountInterim" <> ''`;

export type GlLine = Partial<GlEntryRow> &
  Pick<GlEntryRow, "glAccountNo" | "amount" | "postingDate" | "documentNo">;

/** Test hook: called at each stage of a commit so a test can fail the last writer half-way. */
export const faultInjection: { hook: ((stage: string) => void) | undefined } = { hook: undefined };

/**
 * The one writer of the G/L, VAT, customer and detailed customer ledgers. A posting hands it all its
 * entries; `commit` checks that every transaction balances to exactly zero before writing a row, and
 * writes the G/L register. Everything runs inside the caller's SQLite transaction.
 */
export class GlPoster {
  readonly transactionNo: number;
  private nextGl: number;
  private nextVat: number;
  private nextCle: number;
  private nextDcle: number;
  readonly gl: GlEntryRow[] = [];
  readonly vat: VatEntryRow[] = [];
  readonly cle: CustLedgerEntryRow[] = [];
  readonly dcle: DetailedCustLedgEntryRow[] = [];
  private committed = false;
  /** The highest entry number of each chained ledger before this posting wrote anything. */
  private readonly before: Marks;

  constructor(
    private readonly ctx: Ctx,
    readonly sourceCode: string,
  ) {
    const repo = ctx.repo;
    this.transactionNo = repo.nextNo("glEntry", "transactionNo");
    this.before = currentMarks(ctx.db);
    this.nextGl = this.before[0]! + 1;
    this.nextVat = this.before[1]! + 1;
    this.nextCle = this.before[2]! + 1;
    this.nextDcle = this.before[3]! + 1;
  }

  /** A G/L entry; zero amounts are not written (BC posts no empty G/L lines from buffers). */
  addGl(line: GlLine): GlEntryRow | undefined {
    if (line.amount.isZero() && (line.vatAmount ?? ZERO).isZero()) return undefined;
    const e = defaultRow("glEntry");
    Object.assign(e, line);
    e.entryNo = this.nextGl++;
    e.transactionNo = this.transactionNo;
    e.sourceCode = this.sourceCode;
    e.debitAmount = e.amount.gt(0) ? e.amount : ZERO;
    e.creditAmount = e.amount.lt(0) ? e.amount.neg() : ZERO;
    this.gl.push(e);
    return e;
  }

  /** A balanced pair: `amount` on `account`, its negation on `balAccount`. */
  addPair(
    base: Omit<GlLine, "glAccountNo" | "amount">,
    account: string,
    balAccount: string,
    amount: Dec,
  ): void {
    this.addGl({ ...base, glAccountNo: account, amount, balAccountNo: balAccount });
    this.addGl({ ...base, glAccountNo: balAccount, amount: amount.neg(), balAccountNo: account });
  }

  addVat(entry: Partial<VatEntryRow>): VatEntryRow {
    const e = defaultRow("vatEntry");
    Object.assign(e, entry);
    e.entryNo = this.nextVat++;
    e.transactionNo = this.transactionNo;
    e.sourceCode = this.sourceCode;
    this.vat.push(e);
    return e;
  }

  addCustLedgerEntry(entry: Partial<CustLedgerEntryRow>): CustLedgerEntryRow {
    const e = defaultRow("custLedgerEntry");
    Object.assign(e, entry);
    e.entryNo = this.nextCle++;
    e.transactionNo = this.transactionNo;
    e.sourceCode = this.sourceCode;
    this.cle.push(e);
    return e;
  }

  addDetailedEntry(entry: Partial<DetailedCustLedgEntryRow>): DetailedCustLedgEntryRow {
    const e = defaultRow("detailedCustLedgEntry");
    Object.assign(e, entry);
    e.entryNo = this.nextDcle++;
    e.transactionNo = this.transactionNo;
    e.debitAmount = e.amount.gt(0) ? e.amount : ZERO;
    e.creditAmount = e.amount.lt(0) ? e.amount.neg() : ZERO;
    e.debitAmountLcy = e.amountLcy.gt(0) ? e.amountLcy : ZERO;
    e.creditAmountLcy = e.amountLcy.lt(0) ? e.amountLcy.neg() : ZERO;
    this.dcle.push(e);
    return e;
  }

  get isEmpty(): boolean {
    return this.gl.length === 0 && this.vat.length === 0 && this.cle.length === 0 && this.dcle.length === 0;
  }

  /** Verify, then write. Nothing is written unless the whole transaction balances to zero. */
  commit(): void {
    if (this.committed) throw new LedgerpaneError("internal", "A G/L transaction was committed twice.");
    this.committed = true;
    // Item entries without cost G/L still get a register, so that the chain covers them.
    if (this.isEmpty && !this.itemEntriesWritten()) return;
    let total = ZERO;
    for (const e of this.gl) total = total.plus(e.amount);
    if (!total.isZero()) {
      throw new LedgerpaneError(
        "internal",
        `The transaction cannot be posted because it does not balance: the G/L entries add up to ${total.toFixed(2)} instead of 0.00.`,
      );
    }
    const accounts = new Set(this.gl.map((e) => e.glAccountNo));
    for (const a of accounts) checkGlAccount(this.ctx.repo, a);
    const repo = this.ctx.repo;
    faultInjection.hook?.("start");
    for (const e of this.gl) {
      repo.insert("glEntry", e);
      faultInjection.hook?.("glEntry");
    }
    for (const e of this.vat) repo.insert("vatEntry", e);
    for (const e of this.cle) repo.insert("custLedgerEntry", e);
    for (const e of this.dcle) repo.insert("detailedCustLedgEntry", e);
    const register = defaultRow("glRegister");
    register.no = repo.nextNo("glRegister", "no");
    register.fromEntryNo = this.gl[0]?.entryNo ?? 0;
    register.toEntryNo = this.gl[this.gl.length - 1]?.entryNo ?? 0;
    register.fromVatEntryNo = this.vat[0]?.entryNo ?? 0;
    register.toVatEntryNo = this.vat[this.vat.length - 1]?.entryNo ?? 0;
    register.creationDate = this.ctx.workDate;
    register.sourceCode = this.sourceCode;
    const written = sealRegister(this.ctx.db, register, this.before);
    this.checkWritten(written);
    repo.insert("glRegister", register);
    this.ctx.db.run(RECORD_RECONCILED_ACCOUNTS);
    faultInjection.hook?.("end");
  }

  private itemEntriesWritten(): boolean {
    const now = currentMarks(this.ctx.db);
    return now.some((m, i) => m !== this.before[i]);
  }

  /**
   * Anything else that wrote to the ledgers during this posting (a trigger added to the file) would be
   * sealed into the register unnoticed: the rows found must be exactly the rows this writer wrote.
   */
  private checkWritten(found: readonly number[]): void {
    const expected = [this.gl.length, this.vat.length, this.cle.length, this.dcle.length];
    const sum = this.ctx.db.all(`SELECT COALESCE(SUM("amount"), 0) FROM "glEntry" WHERE "entryNo" > ?`, [
      this.before[0]!,
    ])[0]![0];
    const ledger = expected.findIndex((n, i) => found[i] !== n);
    if (ledger >= 0 || (sum !== 0 && sum !== 0n)) {
      const what =
        ledger >= 0
          ? `${found[ledger]} ${CHAINED_LEDGERS[ledger]!.table} rows were found where ${expected[ledger]} were written`
          : "the G/L entries written no longer sum to zero";
      throw new LedgerpaneError(
        "database",
        `The posting was stopped: ${what}. Something in the database file other than Ledgerpane changes the ledgers (a trigger?); run Verify books.`,
        [{ table: CHAINED_LEDGERS[Math.max(ledger, 0)]!.table, message: what }],
      );
    }
  }
}
