import {
  getCustomerPostingGroup,
  getGeneralPostingSetup,
  getVatPostingSetup,
  keyText,
  requireAccount,
} from "../setup/postingSetup.js";
import { getGlSetup, getSalesSetup } from "../setup/setupTables.js";
import { compareDates } from "../kernel/dates.js";
import { calcDate } from "../kernel/dateFormula.js";
import { HUNDRED, ZERO, type Dec } from "../kernel/decimal.js";
import { roundAmount } from "../kernel/rounding.js";
import type { CustLedgerEntryRow } from "../db/schema/rows.generated.js";
import { postBalancingEntry } from "./balancingEntry.js";
import { InvoicePostingBuffer } from "./invoicePostingBuffer.js";
import type { SalesPostRun } from "./postContext.js";

export interface InvoiceTotals {
  amount: Dec;
  amountIncludingVat: Dec;
  invDiscount: Dec;
  unitCostLcy: Dec;
}

/**
 * Spec 7.5 and 7.7: the invoiced lines through the invoice posting buffer to G/L and VAT, then the
 * customer's ledger entry with its detailed entry and the receivables G/L entry.
 */
export function postInvoiceToGl(run: SalesPostRun): CustLedgerEntryRow {
  const { ctx, header: h, gl } = run;
  const repo = ctx.repo;
  const setup = getSalesSetup(repo);
  const glSetup = getGlSetup(repo);
  const buffer = new InvoicePostingBuffer(setup.copyLineDescrToGlEntry, glSetup.vatRoundingType);
  const totals: InvoiceTotals = {
    amount: ZERO,
    amountIncludingVat: ZERO,
    invDiscount: ZERO,
    unitCostLcy: ZERO,
  };
  for (const l of run.lines) {
    const inv = run.invoiced.get(l.lineNo);
    if (!inv || l.type === " " || inv.quantity.isZero()) continue;
    const gps = getGeneralPostingSetup(repo, l.genBusPostingGroup, l.genProdPostingGroup);
    const k = keyText("generalPostingSetup", gps);
    const sales =
      l.type === "G/L Account" ? l.no : requireAccount(gps, "salesAccount", "General Posting Setup", k);
    const wantsInv =
      setup.discountPosting === "Invoice Discounts" || setup.discountPosting === "All Discounts";
    const wantsLine = setup.discountPosting === "Line Discounts" || setup.discountPosting === "All Discounts";
    buffer.prepareLine(
      h,
      l,
      inv,
      {
        sales,
        ...(wantsInv && !inv.invDiscountAmount.isZero()
          ? { invDisc: requireAccount(gps, "salesInvDiscAccount", "General Posting Setup", k) }
          : {}),
        ...(wantsLine && !inv.lineDiscountAmount.isZero()
          ? { lineDisc: requireAccount(gps, "salesLineDiscAccount", "General Posting Setup", k) }
          : {}),
      },
      setup.discountPosting,
      -1,
      setup.copyLineDescrToGlEntry ? l.description : run.description,
    );
    totals.amount = totals.amount.plus(inv.amount);
    totals.amountIncludingVat = totals.amountIncludingVat.plus(inv.amountIncludingVat);
    totals.invDiscount = totals.invDiscount.plus(inv.invDiscountAmount);
    totals.unitCostLcy = totals.unitCostLcy.plus(roundAmount(inv.quantity.times(l.unitCostLcy)));
  }
  const common = {
    postingDate: h.postingDate!,
    documentType: "Invoice" as const,
    documentNo: run.invoiceNo,
    documentDate: h.documentDate,
    externalDocumentNo: h.externalDocumentNo,
    sourceType: "Customer" as const,
    sourceNo: h.billToCustomerNo,
  };
  for (const b of buffer.records()) {
    gl.addGl({
      ...common,
      glAccountNo: b.glAccountNo,
      amount: b.amount,
      vatAmount: b.vatAmount,
      description: b.description,
      genPostingType: "Sale",
      genBusPostingGroup: b.genBusPostingGroup,
      genProdPostingGroup: b.genProdPostingGroup,
      vatBusPostingGroup: b.vatBusPostingGroup,
      vatProdPostingGroup: b.vatProdPostingGroup,
    });
    const vps = getVatPostingSetup(repo, b.vatBusPostingGroup, b.vatProdPostingGroup);
    gl.addVat({
      ...common,
      type: "Sale",
      base: b.vatBaseAmount,
      amount: b.vatAmount,
      vatCalculationType: b.vatCalculationType,
      billToPayToNo: h.billToCustomerNo,
      genBusPostingGroup: b.genBusPostingGroup,
      genProdPostingGroup: b.genProdPostingGroup,
      vatBusPostingGroup: b.vatBusPostingGroup,
      vatProdPostingGroup: b.vatProdPostingGroup,
    });
    if (!b.vatAmount.isZero()) {
      const vatAccount = requireAccount(
        vps,
        "salesVatAccount",
        "VAT Posting Setup",
        keyText("vatPostingSetup", vps),
      );
      gl.addGl({
        ...common,
        glAccountNo: vatAccount,
        amount: b.vatAmount,
        description: b.description,
        genPostingType: "Sale",
        vatBusPostingGroup: b.vatBusPostingGroup,
        vatProdPostingGroup: b.vatProdPostingGroup,
      });
    }
  }
  const cle = postCustomerEntry(run, totals);
  postBalancingEntry(run, cle, totals.amountIncludingVat);
  return cle;
}

/** Spec 8: the payment discount the customer may take, on the total incl. or excl. VAT. */
function pmtDiscPossible(run: SalesPostRun, totals: InvoiceTotals): Dec {
  const h = run.header;
  const glSetup = getGlSetup(run.ctx.repo);
  if (h.paymentDiscountPct.isZero()) return ZERO;
  if (h.pmtDiscountDate) {
    const grace = glSetup.paymentDiscountGracePeriod
      ? calcDate(glSetup.paymentDiscountGracePeriod, h.pmtDiscountDate, {
          table: "generalLedgerSetup",
          field: "paymentDiscountGracePeriod",
        })
      : h.pmtDiscountDate;
    if (compareDates(grace, h.postingDate!) < 0) return ZERO;
  }
  const base = glSetup.pmtDiscExclVat ? totals.amount : totals.amountIncludingVat;
  return roundAmount(base.times(h.paymentDiscountPct).div(HUNDRED));
}

function postCustomerEntry(run: SalesPostRun, totals: InvoiceTotals): CustLedgerEntryRow {
  const { header: h, gl, ctx } = run;
  const cpg = getCustomerPostingGroup(ctx.repo, h.customerPostingGroup);
  const receivables = requireAccount(
    cpg,
    "receivablesAccount",
    "Customer Posting Group",
    keyText("customerPostingGroup", cpg),
  );
  const total = totals.amountIncludingVat;
  const discount = pmtDiscPossible(run, totals);
  const cle = gl.addCustLedgerEntry({
    customerNo: h.billToCustomerNo,
    postingDate: h.postingDate,
    documentType: "Invoice",
    documentNo: run.invoiceNo,
    description: run.description,
    salesLcy: totals.amount,
    profitLcy: totals.amount.minus(totals.unitCostLcy),
    invDiscountLcy: totals.invDiscount,
    sellToCustomerNo: h.sellToCustomerNo,
    customerPostingGroup: h.customerPostingGroup,
    salespersonCode: h.salespersonCode,
    open: !total.isZero(),
    positive: total.gt(0),
    dueDate: h.dueDate,
    pmtDiscountDate: h.pmtDiscountDate,
    originalPmtDiscPossible: discount,
    remainingPmtDiscPossible: discount,
    documentDate: h.documentDate,
    externalDocumentNo: h.externalDocumentNo,
    paymentMethodCode: h.paymentMethodCode,
    appliesToDocType: h.appliesToDocType,
    appliesToDocNo: h.appliesToDocNo,
    closedAtDate: total.isZero() ? h.postingDate : null,
  });
  gl.addDetailedEntry({
    custLedgerEntryNo: cle.entryNo,
    entryType: "Initial Entry",
    postingDate: h.postingDate,
    documentType: "Invoice",
    documentNo: run.invoiceNo,
    amount: total,
    amountLcy: total,
    customerNo: h.billToCustomerNo,
    initialEntryDueDate: h.dueDate,
    initialDocumentType: "Invoice",
    ledgerEntryAmount: true,
  });
  gl.addGl({
    postingDate: h.postingDate!,
    documentType: "Invoice",
    documentNo: run.invoiceNo,
    documentDate: h.documentDate,
    externalDocumentNo: h.externalDocumentNo,
    sourceType: "Customer",
    sourceNo: h.billToCustomerNo,
    glAccountNo: receivables,
    amount: total,
    description: run.description,
  });
  return cle;
}
