import type { SalesLineRow } from "../db/schema/rows.generated.js";
import { defaultRow } from "../setup/defaults.js";
import {
  getCustomerPostingGroup,
  getVatPostingSetup,
  keyText,
  requireAccount,
  checkGlAccount,
} from "../setup/postingSetup.js";
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
  const account = checkGlAccount(ctx.repo, accountNo);
  const vat = getVatPostingSetup(ctx.repo, h.vatBusPostingGroup, account.vatProdPostingGroup);
  const l = defaultRow("salesLine");
  const lastLineNo = run.lines.reduce((m, x) => Math.max(m, x.lineNo), 0);
  Object.assign(l, {
    documentType: h.documentType,
    documentNo: h.no,
    lineNo: lastLineNo + 10000,
    type: "G/L Account",
    no: account.no,
    description: account.name,
    sellToCustomerNo: h.sellToCustomerNo,
    billToCustomerNo: h.billToCustomerNo,
    genBusPostingGroup: h.genBusPostingGroup,
    genProdPostingGroup: account.genProdPostingGroup,
    vatBusPostingGroup: h.vatBusPostingGroup,
    vatProdPostingGroup: account.vatProdPostingGroup,
    vatPct: vat.vatPct,
    vatCalculationType: vat.vatCalculationType,
    vatIdentifier: vat.vatIdentifier,
    systemCreatedEntry: true,
    allowInvoiceDisc: false,
    quantity: ONE,
    qtyToShip: ONE,
    qtyToInvoice: ONE,
  });
  // The whole rounding amount is the line's amount including VAT; its VAT is what that includes.
  const factor = ONE.plus(vat.vatPct.div(HUNDRED));
  const amount = h.pricesIncludingVat ? rounding : roundAmount(rounding.div(factor));
  l.unitPrice = h.pricesIncludingVat ? rounding : roundUnitAmount(rounding.div(factor));
  l.lineAmount = h.pricesIncludingVat ? rounding : amount;
  l.amount = roundAmount(rounding.div(factor));
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
