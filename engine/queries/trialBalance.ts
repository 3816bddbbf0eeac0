import type { Ctx } from "../api/context.js";
import { onlyFields, parseField, required, type JsonObject } from "../api/input.js";
import { fromScaled } from "../db/codec.js";
import { exactSumSql } from "../db/exactSum.js";
import { tableDef } from "../db/schema/index.js";
import { compareDates } from "../kernel/dates.js";
import { ZERO, type Dec } from "../kernel/decimal.js";
import { fail } from "../kernel/errors.js";

export interface TrialBalanceRow {
  no: string;
  name: string;
  accountType: string;
  incomeBalance: string;
  /** Balance of every entry before `from`. */
  opening: string;
  /** Debit and credit amounts of the entries from `from` to `to`. */
  debit: string;
  credit: string;
  /** debit − credit: BC's Net Change for the period. */
  netChange: string;
  /** opening + netChange: BC's Balance at Date on `to`. */
  closing: string;
}

export interface TrialBalance {
  from: string;
  to: string;
  rows: TrialBalanceRow[];
  totals: { opening: string; debit: string; credit: string; netChange: string; closing: string };
}

const AMOUNT_SCALE = 2;
const dateCol = tableDef("glEntry")!.columns.find((c) => c.name === "postingDate")!;

/**
 * BC's Trial Balance for a date range: per G/L account the balance before the range, the debits and
 * credits within it and the balance at its end. Every posting account is listed, with or without
 * entries; the totals show debit = credit for any range, because every transaction balances. There is
 * no year-end close yet, so income statement accounts carry their balance from earlier years too.
 */
export function trialBalance(ctx: Ctx, input: JsonObject): TrialBalance {
  onlyFields(input, ["from", "to"], "trialBalance");
  const date = (field: "from" | "to") =>
    parseField(dateCol, required(input, field, "trialBalance"), `trialBalance: ${field}`) as string;
  const from = date("from");
  const to = date("to");
  if (compareDates(from, to) > 0)
    fail("input", `trialBalance: 'from' (${from}) must not be after 'to' (${to}).`, { field: "from" });
  const sum = (expr: string, where: string) =>
    exactSumSql(expr, `"glEntry" g`, `g."glAccountNo" = a."no" AND ${where}`);
  const raw = ctx.db.all(
    `SELECT a."no", a."name", a."accountType", a."incomeBalance",
            ${sum(`g."amount"`, `g."postingDate" < ?`)},
            ${sum(`g."debitAmount"`, `g."postingDate" BETWEEN ? AND ?`)},
            ${sum(`g."creditAmount"`, `g."postingDate" BETWEEN ? AND ?`)}
       FROM "glAccount" a WHERE a."accountType" = 'Posting' ORDER BY a."no"`,
    [from, from, to, from, to],
  );
  const totals = { opening: ZERO, debit: ZERO, credit: ZERO, netChange: ZERO, closing: ZERO };
  // Amounts leave as text at two decimals, as amounts do everywhere in the command API.
  const text = (d: Dec) => d.toFixed(AMOUNT_SCALE);
  const rows = raw.map((r): TrialBalanceRow => {
    const opening = fromScaled(r[4]!, AMOUNT_SCALE);
    const debit = fromScaled(r[5]!, AMOUNT_SCALE);
    const credit = fromScaled(r[6]!, AMOUNT_SCALE);
    const netChange = debit.minus(credit);
    const closing = opening.plus(netChange);
    totals.opening = totals.opening.plus(opening);
    totals.debit = totals.debit.plus(debit);
    totals.credit = totals.credit.plus(credit);
    totals.netChange = totals.netChange.plus(netChange);
    totals.closing = totals.closing.plus(closing);
    return {
      no: String(r[0]),
      name: String(r[1] ?? ""),
      accountType: String(r[2]),
      incomeBalance: String(r[3]),
      opening: text(opening),
      debit: text(debit),
      credit: text(credit),
      netChange: text(netChange),
      closing: text(closing),
    };
  });
  return {
    from,
    to,
    rows,
    totals: {
      opening: text(totals.opening),
      debit: text(totals.debit),
      credit: text(totals.credit),
      netChange: text(totals.netChange),
      closing: text(totals.closing),
    },
  };
}
