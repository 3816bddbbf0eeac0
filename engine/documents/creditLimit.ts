import type { Ctx } from "../api/context.js";
import type { SalesHeaderRow } from "../db/schema/rows.generated.js";
import { fromScaled } from "../db/codec.js";
import { exactSumSql } from "../db/exactSum.js";
import { getSalesSetup } from "../setup/setupTables.js";

export const CREDIT_LIMIT_EXCEEDED = "The customer's credit limit has been exceeded.";
export const OVERDUE_BALANCE = "This customer has an overdue balance.";

function sumAmount(ctx: Ctx, sql: string, params: (string | bigint)[]): ReturnType<typeof fromScaled> {
  return fromScaled(ctx.db.all(sql, params)[0]?.[0] ?? 0n, 2);
}

/**
 * Spec 28: credit limit and overdue balance notices. They are warnings only and never block. The
 * document's own change is already in the database when this runs, so no delta is added.
 */
export function creditWarnings(ctx: Ctx, h: SalesHeaderRow, headerCheck: boolean): void {
  if (!["Quote", "Order", "Invoice", "Blanket Order"].includes(h.documentType)) return;
  const setting = getSalesSetup(ctx.repo).creditWarnings;
  if (setting === "No Warning") return;
  const customer = ctx.repo.get("customer", h.billToCustomerNo);
  if (!customer) return;
  const c = customer.no;
  const w = ctx.workDate;
  if ((setting === "Both Warnings" || setting === "Credit Limit") && !customer.creditLimitLcy.isZero()) {
    const balance = sumAmount(
      ctx,
      `SELECT ${exactSumSql(`"amountLcy"`, `"detailedCustLedgEntry"`, `"customerNo" = ? AND "postingDate" <= ?`)}`,
      [c, w],
    );
    const open = sumAmount(
      ctx,
      `SELECT ${exactSumSql(
        `CASE WHEN "documentType" IN ('Order','Invoice') THEN "outstandingAmountLcy" + "shippedNotInvoicedLcy"
              WHEN "documentType" = 'Return Order' THEN -("outstandingAmountLcy" + "returnRcdNotInvdLcy")
              ELSE 0 END`,
        `"salesLine"`,
        `"billToCustomerNo" = ?`,
      )}`,
      [c],
    );
    const quote =
      h.documentType === "Quote"
        ? sumAmount(
            ctx,
            `SELECT SUM("amountIncludingVat") FROM "salesLine" WHERE "documentType" = 'Quote' AND "documentNo" = ?`,
            [h.no],
          )
        : null;
    const exposure = balance.plus(open).plus(quote ?? 0);
    if (exposure.gt(customer.creditLimitLcy)) ctx.warnings.push(CREDIT_LIMIT_EXCEEDED);
  }
  if (headerCheck && (setting === "Both Warnings" || setting === "Overdue Balance")) {
    const due = sumAmount(
      ctx,
      `SELECT ${exactSumSql(`"amountLcy"`, `"detailedCustLedgEntry"`, `"customerNo" = ? AND "initialEntryDueDate" <= ?`)}`,
      [c, w],
    );
    if (due.gt(0)) ctx.warnings.push(OVERDUE_BALANCE);
  }
}
