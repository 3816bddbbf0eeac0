import type { SalesLineRow } from "../db/schema/rows.generated.js";
import { nextLineNo, systemGlLine } from "../documents/systemLine.js";
import { getCustomerPostingGroup, keyText, requireAccount } from "../setup/postingSetup.js";
import { getGlSetup, getSalesSetup } from "../setup/setupTables.js";
import { HUNDRED, ONE, ZERO } from "../kernel/decimal.js";
import { round, roundAmount, roundUnitAmount } from "../kernel/rounding.js";
import type { SalesPostRun } from "./postContext.js";

/**
 * Spec 7.6: with Invoice Rounding on, a system-created G/L line on the customer posting group's
 * Invoice Rounding Account brings the invoice total to the rounding precision. It is posted and
 * printed like any line but never stored with the document; returns the line, or undefined.
 */
export function addInvoiceRoundingLine(run: SalesPostRun): SalesLineRow | undefined {
  const { ctx, header: h } = run;
  if (!run.invoice || !getSalesSetup(ctx.repo).invoiceRounding) return undefined;
  const glSetup = getGlSetup(ctx.repo);
  let total = ZERO;
  for (const inv of run.invoiced.values()) total = total.plus(inv.amountIncludingVat);
  const rounding = roundAmount(
    total.minus(round(total, glSetup.invoiceRoundingPrecision, glSetup.invoiceRoundingType)),
  ).neg();
  if (rounding.isZero()) return undefined;
  const cpg = getCustomerPostingGroup(ctx.repo, h.customerPostingGroup);
  const accountNo = requireAccount(
    cpg,
    "invoiceRoundingAccount",
    "Customer Posting Group",
    keyText("customerPostingGroup", cpg),
  );
  const l = systemGlLine(ctx.repo, h, nextLineNo(run.lines), accountNo);
  l.qtyToShip = ONE;
  l.qtyToInvoice = ONE;
  // The whole rounding amount is the line's amount including VAT; its VAT is what that includes.
  const factor = ONE.plus(l.vatPct.div(HUNDRED));
  l.amount = roundAmount(rounding.div(factor));
  l.unitPrice = h.pricesIncludingVat ? rounding : roundUnitAmount(rounding.div(factor));
  l.lineAmount = h.pricesIncludingVat ? rounding : l.amount;
  l.amountIncludingVat = rounding;
  l.vatBaseAmount = l.amount;
  run.lines.push(l);
  run.qtyToShip.set(l.lineNo, ONE);
  run.qtyToInvoice.set(l.lineNo, ONE);
  run.invoiced.set(l.lineNo, {
    quantity: ONE,
    lineAmount: l.lineAmount,
    lineDiscountAmount: ZERO,
    invDiscountAmount: ZERO,
    amount: l.amount,
    vatBaseAmount: l.vatBaseAmount,
    amountIncludingVat: rounding,
  });
  return l;
}
