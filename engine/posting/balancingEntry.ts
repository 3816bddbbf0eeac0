import type { CustLedgerEntryRow } from "../db/schema/rows.generated.js";
import type { Dec } from "../kernel/decimal.js";
import { getCustomerPostingGroup, keyText, requireAccount } from "../setup/postingSetup.js";
import type { SalesPostRun } from "./postContext.js";

/**
 * Spec 7.7 "Balancing entry": a header with a Bal. Account No. is paid on the spot. A payment from the
 * customer to that account is posted in the same transaction and applied to the new invoice, taking
 * the payment discount still possible, so both entries close at once.
 */
export function postBalancingEntry(run: SalesPostRun, invoice: CustLedgerEntryRow, total: Dec): void {
  const { ctx, header: h, gl } = run;
  if (!h.balAccountNo) return;
  const cpg = getCustomerPostingGroup(ctx.repo, h.customerPostingGroup);
  const k = keyText("customerPostingGroup", cpg);
  const receivables = requireAccount(cpg, "receivablesAccount", "Customer Posting Group", k);
  const discount = invoice.remainingPmtDiscPossible;
  const paid = total.minus(discount);
  const common = {
    postingDate: h.postingDate!,
    documentNo: run.invoiceNo,
    documentDate: h.documentDate,
    externalDocumentNo: h.externalDocumentNo,
    sourceType: "Customer" as const,
    sourceNo: h.billToCustomerNo,
    description: run.description,
  };
  const payment = gl.addCustLedgerEntry({
    customerNo: h.billToCustomerNo,
    postingDate: h.postingDate,
    documentType: "Payment",
    documentNo: run.invoiceNo,
    description: run.description,
    sellToCustomerNo: h.sellToCustomerNo,
    customerPostingGroup: h.customerPostingGroup,
    salespersonCode: h.salespersonCode,
    open: false,
    positive: false,
    documentDate: h.documentDate,
    externalDocumentNo: h.externalDocumentNo,
    balAccountNo: h.balAccountNo,
    closedAtDate: h.postingDate,
    closedByAmount: paid.neg(),
  });
  const detail = {
    postingDate: h.postingDate,
    documentType: "Payment" as const,
    documentNo: run.invoiceNo,
    customerNo: h.billToCustomerNo,
  };
  gl.addDetailedEntry({
    ...detail,
    custLedgerEntryNo: payment.entryNo,
    entryType: "Initial Entry",
    amount: paid.neg(),
    amountLcy: paid.neg(),
    initialEntryDueDate: h.postingDate,
    initialDocumentType: "Payment",
    ledgerEntryAmount: true,
  });
  // The application: the payment's amount moves onto the invoice, the discount closes the rest.
  gl.addDetailedEntry({
    ...detail,
    custLedgerEntryNo: payment.entryNo,
    entryType: "Application",
    amount: paid,
    amountLcy: paid,
    appliedCustLedgerEntryNo: invoice.entryNo,
    initialEntryDueDate: h.postingDate,
    initialDocumentType: "Payment",
  });
  gl.addDetailedEntry({
    ...detail,
    custLedgerEntryNo: invoice.entryNo,
    entryType: "Application",
    amount: paid.neg(),
    amountLcy: paid.neg(),
    appliedCustLedgerEntryNo: payment.entryNo,
    initialEntryDueDate: invoice.dueDate,
    initialDocumentType: "Invoice",
  });
  gl.addGl({
    ...common,
    documentType: "Payment",
    glAccountNo: h.balAccountNo,
    amount: paid,
    balAccountNo: receivables,
  });
  gl.addGl({
    ...common,
    documentType: "Payment",
    glAccountNo: receivables,
    amount: paid.neg(),
    balAccountNo: h.balAccountNo,
  });
  if (!discount.isZero()) {
    const discAccount = requireAccount(cpg, "paymentDiscDebitAcc", "Customer Posting Group", k);
    gl.addDetailedEntry({
      ...detail,
      custLedgerEntryNo: invoice.entryNo,
      entryType: "Payment Discount",
      amount: discount.neg(),
      amountLcy: discount.neg(),
      initialEntryDueDate: invoice.dueDate,
      initialDocumentType: "Invoice",
    });
    gl.addGl({ ...common, documentType: "Payment", glAccountNo: discAccount, amount: discount });
    gl.addGl({ ...common, documentType: "Payment", glAccountNo: receivables, amount: discount.neg() });
  }
  invoice.open = false;
  invoice.closedByEntryNo = payment.entryNo;
  invoice.closedAtDate = h.postingDate;
  invoice.closedByAmount = paid;
  invoice.pmtDiscGivenLcy = discount;
  invoice.remainingPmtDiscPossible = invoice.remainingPmtDiscPossible.minus(discount);
}
