import { lineDiscountAndAmount } from "../calc/lineAmount.js";
import { lineVatAmounts, NO_OTHER_LINES, type OtherLinesTotals } from "../calc/lineVat.js";
import { fromScaled } from "../db/codec.js";
import type { Repo } from "../db/repo.js";
import type { SalesHeaderRow, SalesLineRow } from "../db/schema/rows.generated.js";
import { ZERO, type Dec } from "../kernel/decimal.js";
import { roundAmount, type RoundingDirection } from "../kernel/rounding.js";
import { getGlSetup } from "../setup/setupTables.js";

export function vatRounding(repo: Repo): RoundingDirection {
  return getGlSetup(repo).vatRoundingType;
}

/** Spec 4.2: totals of the other lines of the document in the same VAT group. */
function otherLinesTotals(repo: Repo, line: SalesLineRow): OtherLinesTotals {
  const rows = repo.db.all(
    `SELECT COALESCE(SUM("lineAmount"),0), COALESCE(SUM("invDiscountAmount"),0), COALESCE(SUM("amount"),0),
            COALESCE(SUM("amountIncludingVat"),0), COALESCE(SUM("vatDifference"),0)
       FROM "salesLine" WHERE "documentType" = ? AND "documentNo" = ? AND "lineNo" <> ?
        AND "vatIdentifier" = ? AND "taxGroupCode" = ? AND "vatPct" <> 0 AND "type" <> ' '`,
    [line.documentType, line.documentNo, BigInt(line.lineNo), line.vatIdentifier, line.taxGroupCode],
  );
  const r = rows[0]!;
  const amount = (i: number) => fromScaled(r[i] ?? 0n, 2);
  return {
    lineAmount: amount(0),
    invDiscountAmount: amount(1),
    amount: amount(2),
    amountIncludingVat: amount(3),
    vatDifference: amount(4),
  };
}

/** Spec 4.5: amounts still to ship and shipped but not invoiced, proportional to the line total. */
export function updateOutstandingAmounts(line: SalesLineRow): void {
  const q = line.quantity;
  const part = (qty: Dec) => (q.isZero() ? ZERO : roundAmount(line.amountIncludingVat.times(qty).div(q)));
  line.outstandingAmount = part(line.outstandingQuantity);
  line.outstandingAmountLcy = line.outstandingAmount;
  line.shippedNotInvoiced = part(line.qtyShippedNotInvoiced);
  line.shippedNotInvoicedLcy = line.shippedNotInvoiced;
  line.returnRcdNotInvd = part(line.returnQtyRcdNotInvd);
  line.returnRcdNotInvdLcy = line.returnRcdNotInvd;
}

/**
 * Recomputes a line's amounts after a change of quantity, price or discount: spec 4.1 for the line
 * amount, 4.2 for its VAT against the rest of its VAT group, 4.5 for the outstanding amounts.
 */
/**
 * Running VAT-group totals of a document's lines, kept in memory while many lines are added, so each
 * new line does not re-sum the lines before it (which made a 10,000-line paste quadratic).
 */
export class DocumentVatTotals {
  private readonly totals = new Map<string, OtherLinesTotals>();

  static load(repo: Repo, h: Pick<SalesHeaderRow, "documentType" | "no">): DocumentVatTotals {
    const t = new DocumentVatTotals();
    const rows = repo.db.all(
      `SELECT "vatIdentifier", "taxGroupCode", COALESCE(SUM("lineAmount"),0), COALESCE(SUM("invDiscountAmount"),0),
              COALESCE(SUM("amount"),0), COALESCE(SUM("amountIncludingVat"),0), COALESCE(SUM("vatDifference"),0)
         FROM "salesLine" WHERE "documentType" = CAST(? AS TEXT) AND "documentNo" = CAST(? AS TEXT) AND "vatPct" <> 0 AND "type" <> ' '
        GROUP BY "vatIdentifier", "taxGroupCode"`,
      [h.documentType, h.no],
    );
    for (const r of rows) {
      const a = (i: number) => fromScaled(r[i] ?? 0, 2);
      t.totals.set(`${String(r[0])}\u0001${String(r[1])}`, {
        lineAmount: a(2),
        invDiscountAmount: a(3),
        amount: a(4),
        amountIncludingVat: a(5),
        vatDifference: a(6),
      });
    }
    return t;
  }

  /** Totals of the lines already counted (the line being added is not among them). */
  others(line: SalesLineRow): OtherLinesTotals {
    return this.totals.get(`${line.vatIdentifier}\u0001${line.taxGroupCode}`) ?? NO_OTHER_LINES;
  }

  add(line: SalesLineRow): void {
    if (line.type === " " || line.vatPct.isZero()) return;
    const key = `${line.vatIdentifier}\u0001${line.taxGroupCode}`;
    const t = this.totals.get(key) ?? NO_OTHER_LINES;
    this.totals.set(key, {
      lineAmount: t.lineAmount.plus(line.lineAmount),
      invDiscountAmount: t.invDiscountAmount.plus(line.invDiscountAmount),
      amount: t.amount.plus(line.amount),
      amountIncludingVat: t.amountIncludingVat.plus(line.amountIncludingVat),
      vatDifference: t.vatDifference.plus(line.vatDifference),
    });
  }
}

export function recalcLineAmounts(
  repo: Repo,
  header: SalesHeaderRow,
  line: SalesLineRow,
  keepDiscountAmount = false,
  totals?: DocumentVatTotals,
): void {
  if (line.type === " ") {
    line.lineAmount = ZERO;
    line.amount = ZERO;
    line.amountIncludingVat = ZERO;
    line.vatBaseAmount = ZERO;
    updateOutstandingAmounts(line);
    return;
  }
  if (keepDiscountAmount) {
    // A typed Line Discount Amount stands; its percentage was derived from it.
    line.lineAmount = roundAmount(line.quantity.times(line.unitPrice)).minus(line.lineDiscountAmount);
  } else {
    const { lineDiscountAmount, lineAmount } = lineDiscountAndAmount(
      line.quantity,
      line.unitPrice,
      line.lineDiscountPct,
    );
    line.lineDiscountAmount = lineDiscountAmount;
    line.lineAmount = lineAmount;
  }
  const vat = lineVatAmounts(
    line,
    totals ? totals.others(line) : otherLinesTotals(repo, line),
    header.pricesIncludingVat,
    header.vatBaseDiscountPct,
    vatRounding(repo),
  );
  line.amount = vat.amount;
  line.vatBaseAmount = vat.vatBaseAmount;
  line.amountIncludingVat = vat.amountIncludingVat;
  updateOutstandingAmounts(line);
}
