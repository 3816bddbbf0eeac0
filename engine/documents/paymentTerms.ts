import type { Repo } from "../db/repo.js";
import type { SalesHeaderRow } from "../db/schema/rows.generated.js";
import { calcDate } from "../kernel/dateFormula.js";
import { ZERO, type Dec } from "../kernel/decimal.js";
import { fail } from "../kernel/errors.js";
import { getGlSetup } from "../setup/setupTables.js";
import { isCreditDoc } from "./docTypes.js";

/** Spec 3.2 "Payment terms on the header": due date, discount date and % from the document date. */
export function applyPaymentTerms(repo: Repo, h: SalesHeaderRow): void {
  const docDate = h.documentDate;
  if (!docDate) return;
  const terms = h.paymentTermsCode ? repo.get("paymentTerms", h.paymentTermsCode) : undefined;
  if (h.paymentTermsCode && !terms) {
    fail(
      "not_found",
      `The Payment Terms does not exist. Identification fields and values: Code='${h.paymentTermsCode}'`,
      {
        table: "salesHeader",
        documentType: h.documentType,
        documentNo: h.no,
        field: "paymentTermsCode",
      },
    );
  }
  // An out-of-range result is tied to the payment terms code: that is the cell a user can change.
  const at = {
    table: "salesHeader",
    documentType: h.documentType,
    documentNo: h.no,
    field: "paymentTermsCode",
  };
  if (!terms || (isCreditDoc(h.documentType) && !terms.calcPmtDiscOnCrMemos)) {
    h.dueDate =
      terms && !isCreditDoc(h.documentType) ? calcDate(terms.dueDateCalculation, docDate, at) : docDate;
    h.pmtDiscountDate = null;
    setPaymentDiscountPct(repo, h, ZERO);
    return;
  }
  h.dueDate = calcDate(terms.dueDateCalculation, docDate, at);
  h.pmtDiscountDate = calcDate(terms.discountDateCalculation, docDate, at);
  setPaymentDiscountPct(repo, h, terms.discountPct);
}

/** Payment Discount % also sets VAT Base Discount % = min(it, GL Setup VAT Tolerance %). */
export function setPaymentDiscountPct(repo: Repo, h: SalesHeaderRow, pct: Dec): void {
  h.paymentDiscountPct = pct;
  const tolerance = getGlSetup(repo).vatTolerancePct;
  h.vatBaseDiscountPct = pct.lt(tolerance) ? pct : tolerance;
}
