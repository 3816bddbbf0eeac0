import {
  invoiceDiscountBase,
  invoiceDiscountPerGroup,
  spreadInvoiceDiscount,
} from "../calc/invoiceDiscount.js";
import {
  calcVatAmountLines,
  groupVatLines,
  spreadVatToLines,
  vatGroupKey,
  type VatAmountLine,
  type VatInputLine,
} from "../calc/vatAmountLines.js";
import type { Repo } from "../db/repo.js";
import type { CustInvoiceDiscRow, SalesHeaderRow, SalesLineRow } from "../db/schema/rows.generated.js";
import { ZERO, type Dec } from "../kernel/decimal.js";
import { fail } from "../kernel/errors.js";
import { roundAmount } from "../kernel/rounding.js";
import { getSalesSetup } from "../setup/setupTables.js";
import { updateOutstandingAmounts, vatRounding } from "./lineAmounts.js";
import { isServiceChargeLine, updateServiceCharge } from "./serviceCharge.js";
import { updateInvDiscToInvoice } from "./salesLine.js";

/** Lines that take part in VAT amount lines (spec 4.3 step 1). */
export function isVatLine(l: SalesLineRow): boolean {
  return l.type !== " " && !l.quantity.isZero() && !l.unitPrice.isZero();
}

export function vatInput(
  l: SalesLineRow,
  lineAmount: Dec,
  invDiscountAmount: Dec,
  quantity: Dec,
): VatInputLine {
  return {
    lineNo: l.lineNo,
    vatIdentifier: l.vatIdentifier,
    vatCalculationType: l.vatCalculationType,
    taxGroupCode: l.taxGroupCode,
    vatPct: l.vatPct,
    lineAmount,
    invDiscountAmount,
    allowInvoiceDisc: l.allowInvoiceDisc,
    vatDifference: l.vatDifference,
    quantity,
  };
}

/** VAT amount lines of the whole document ("General" quantity type). */
export function generalVatAmountLines(
  repo: Repo,
  h: SalesHeaderRow,
  lines: readonly SalesLineRow[],
): VatAmountLine[] {
  const input = lines
    .filter(isVatLine)
    .map((l) => vatInput(l, l.lineAmount, l.invDiscountAmount, l.quantity));
  return calcVatAmountLines(input, h.pricesIncludingVat, h.vatBaseDiscountPct, vatRounding(repo));
}

/**
 * Spec 4.3 step 3 (UpdateVATOnLines): recompute every line's Amount and Amount Including VAT from the
 * document's VAT amount lines. Run at release and before posting; removes entry-order effects.
 */
export function respreadVat(repo: Repo, h: SalesHeaderRow, lines: SalesLineRow[]): void {
  const input = lines
    .filter(isVatLine)
    .map((l) => vatInput(l, l.lineAmount, l.invDiscountAmount, l.quantity));
  const dir = vatRounding(repo);
  const groups = calcVatAmountLines(input, h.pricesIncludingVat, h.vatBaseDiscountPct, dir);
  const spread = spreadVatToLines(input, groups, h.pricesIncludingVat, h.vatBaseDiscountPct, dir);
  for (const l of lines) {
    const r = spread.get(l.lineNo);
    if (!r) continue;
    l.amount = r.amount;
    l.vatBaseAmount = r.vatBaseAmount;
    l.amountIncludingVat = r.amountIncludingVat;
    updateOutstandingAmounts(l);
  }
}

/** Spec 5.3 step 2: the discount record with the highest minimum amount not above the base. */
function findCustInvoiceDisc(
  repo: Repo,
  code: string,
  currency: string,
  base: Dec,
): CustInvoiceDiscRow | undefined {
  const pick = (cur: string) =>
    repo
      .select("custInvoiceDisc", { code, currencyCode: cur })
      .filter((r) => r.minimumAmount.lte(base))
      .sort((a, b) => b.minimumAmount.comparedTo(a.minimumAmount))[0];
  return pick(currency) ?? (currency ? pick("") : undefined);
}

/**
 * Spec 5.3 (codeunit 60 Sales-Calc. Discount): the customer's invoice discount % applied per VAT
 * group with a carried remainder, then spread to the lines that allow invoice discount.
 */
export function calcInvoiceDiscount(repo: Repo, h: SalesHeaderRow, lines: SalesLineRow[]): void {
  if (h.invoiceDiscountCalculation === "Amount") {
    applyInvoiceDiscount(repo, h, lines);
    return;
  }
  // The bases leave out the service charge line itself (spec 5.3 steps 1 and 3).
  const eligible = lines.filter((l) => isVatLine(l) && !isServiceChargeLine(repo, h, l));
  const groups = groupVatLines(eligible.map((l) => vatInput(l, l.lineAmount, ZERO, l.quantity)));
  const base = invoiceDiscountBase(groups, h.pricesIncludingVat);
  const chargeBase = invoiceDiscountBase(
    groupVatLines(
      eligible.map((l) => ({ ...vatInput(l, l.lineAmount, ZERO, l.quantity), allowInvoiceDisc: true })),
    ),
    h.pricesIncludingVat,
  );
  const chargeRec = findCustInvoiceDisc(repo, h.invoiceDiscCode, h.currencyCode, chargeBase);
  updateServiceCharge(repo, h, lines, chargeRec?.serviceCharge ?? ZERO);
  const rec = findCustInvoiceDisc(repo, h.invoiceDiscCode, h.currencyCode, base);
  h.invoiceDiscountCalculation = "%";
  h.invoiceDiscountValue = rec?.discountPct ?? ZERO;
  applyInvoiceDiscount(repo, h, lines);
}

/**
 * Spreads the header's invoice discount (spec 5.2 as an amount, 5.3 as a %) over the VAT groups in
 * key order with a running remainder, then over the lines that allow invoice discount.
 */
export function applyInvoiceDiscount(repo: Repo, h: SalesHeaderRow, lines: SalesLineRow[]): void {
  const setup = getSalesSetup(repo);
  const eligible = lines.filter(isVatLine);
  const groups = groupVatLines(eligible.map((l) => vatInput(l, l.lineAmount, ZERO, l.quantity)));
  let perGroup: Map<string, Dec>;
  if (h.invoiceDiscountCalculation === "Amount") {
    const base = groups.reduce((sum, g) => sum.plus(g.invDiscBaseAmount), ZERO);
    if (h.invoiceDiscountValue.abs().gt(base.abs())) {
      fail("validation", `The maximum Inv. Discount Amount that you can apply is ${base.toFixed(2)}.`, {
        table: "salesHeader",
        documentType: h.documentType,
        documentNo: h.no,
        field: "invoiceDiscountValue",
      });
    }
    perGroup = new Map();
    let rem = ZERO;
    for (const g of groups) {
      const exact = base.isZero()
        ? ZERO
        : rem.plus(h.invoiceDiscountValue.times(g.invDiscBaseAmount).div(base));
      const v = roundAmount(exact);
      perGroup.set(g.key, v);
      rem = exact.minus(v);
    }
  } else if (h.invoiceDiscountCalculation === "%") {
    perGroup = invoiceDiscountPerGroup(groups, h.invoiceDiscountValue, setup.calcInvDiscPerVatId);
  } else {
    perGroup = new Map();
  }
  const perLine = spreadInvoiceDiscount(
    eligible.map((l) => ({
      lineNo: l.lineNo,
      groupKey: vatGroupKey(vatInput(l, l.lineAmount, ZERO, l.quantity)),
      lineAmount: l.lineAmount,
      allowInvoiceDisc: l.allowInvoiceDisc,
    })),
    groups,
    perGroup,
  );
  for (const l of lines) {
    l.invDiscountAmount = perLine.get(l.lineNo) ?? ZERO;
    updateInvDiscToInvoice(l);
  }
}
