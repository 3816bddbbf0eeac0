import type { Database } from "../db/database.js";
import { verifyChain } from "../db/registerChain.js";
import { checkColumnTypes, checkSchema } from "../db/schemaCheck.js";
import { checkLedgerInvariants } from "./invariants.js";

export interface BooksProblem {
  /** The G/L register whose hash does not match, when the problem is one register's. */
  registerNo?: number;
  message: string;
}

export interface VerifyBooksResult {
  ok: boolean;
  registers: number;
  entries: number;
  problems: BooksProblem[];
  /** The last register's hash. Noted down outside the workbook, it shows later that the books since are the same. */
  lastHash: string;
}

/**
 * Verify books: the schema is Ledgerpane's (nothing repaired here: it only reads), every stored value
 * has its column's type, every G/L register's hash matches its entries and the previous register, and
 * the ledgers agree (each transaction sums to zero, receivables = customer ledger, inventory = value
 * entries, item quantities). Register problems come first, in register order.
 */
export function verifyBooks(db: Database): VerifyBooksResult {
  const schema = checkSchema(db, { repair: false });
  const problems: BooksProblem[] = schema.problems.map((p) => ({ message: `Schema: ${p}.` }));
  // The checks below read the ledgers through the schema; with tables missing they could only fail.
  if (problems.length > 0) return { ok: false, registers: 0, entries: 0, problems, lastHash: "" };
  problems.push(...checkColumnTypes(db).map((t) => ({ message: `Stored values: ${t}.` })));
  const chain = verifyChain(db);
  // Sums over mistyped values mean nothing (and a float sum cannot be read back exactly).
  const invariants =
    problems.length > 0
      ? [{ message: "The ledger totals were not checked because stored values have the wrong type." }]
      : ledgerChecks(db);
  const all = [...chain.problems, ...problems, ...invariants];
  return {
    ok: all.length === 0,
    registers: chain.registers,
    entries: chain.entries,
    problems: all,
    lastHash: chain.lastHash,
  };
}

/** The ledger invariants; a check that cannot run on these books is itself a problem, never a crash. */
function ledgerChecks(db: Database): BooksProblem[] {
  try {
    return checkLedgerInvariants(db).map((v) => ({ message: v.message }));
  } catch (e) {
    return [
      { message: `The ledger totals could not be checked: ${e instanceof Error ? e.message : String(e)}` },
    ];
  }
}

/** One sentence for a refused open: the first register that does not match, else the first problem. */
export function changedBooksMessage(result: VerifyBooksResult): string {
  const first = result.problems.find((p) => p.registerNo !== undefined) ?? result.problems[0];
  const more = result.problems.length > 1 ? ` (${result.problems.length} problems in all)` : "";
  return `These books were changed outside Ledgerpane and were not opened: ${first?.message ?? "unknown problem"}${more} Open them with acceptChanged to inspect them, or use a backup copy.`;
}
