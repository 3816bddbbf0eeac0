import { HUNDRED, ONE, ZERO, type Dec } from "../kernel/decimal.js";
import { roundAmount } from "../kernel/rounding.js";
import type { VatAmountLine } from "./vatAmountLines.js";

/**
 * Spec 5.3 step 4: a discount % over the VAT groups in key order, carrying the rounding remainder to
 * the next group unless the set-up asks for per-identifier rounding.
 */
export function invoiceDiscountPerGroup(
  groups: readonly VatAmountLine[],
  discountPct: Dec,
  perVatId: boolean,
): Map<string, Dec> {
  const out = new Map<string, Dec>();
  let rem = ZERO;
  for (const g of groups) {
    const exact = rem.plus(discountPct.times(g.invDiscBaseAmount).div(HUNDRED));
    const disc = roundAmount(exact);
    out.set(g.key, disc);
    rem = perVatId ? ZERO : exact.minus(disc);
  }
  return out;
}

/** The invoice discount base in LCY excluding VAT (groups of a prices-including-VAT document are converted). */
export function invoiceDiscountBase(groups: readonly VatAmountLine[], pricesIncludingVat: boolean): Dec {
  let base = ZERO;
  for (const g of groups) {
    base = base.plus(
      pricesIncludingVat
        ? roundAmount(g.invDiscBaseAmount.div(ONE.plus(g.vatPct.div(HUNDRED))))
        : g.invDiscBaseAmount,
    );
  }
  return base;
}

export interface DiscountableLine {
  lineNo: number;
  groupKey: string;
  lineAmount: Dec;
  allowInvoiceDisc: boolean;
}

/** Spec 4.3 step 3 for the invoice discount: each group's discount spread to its lines in line order. */
export function spreadInvoiceDiscount(
  lines: readonly DiscountableLine[],
  groups: readonly VatAmountLine[],
  groupDiscount: ReadonlyMap<string, Dec>,
): Map<number, Dec> {
  const base = new Map(groups.map((g) => [g.key, g.invDiscBaseAmount]));
  const rem = new Map<string, Dec>();
  const out = new Map<number, Dec>();
  for (const l of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const groupBase = base.get(l.groupKey) ?? ZERO;
    const disc = groupDiscount.get(l.groupKey) ?? ZERO;
    if (!l.allowInvoiceDisc || groupBase.isZero()) {
      out.set(l.lineNo, ZERO);
      continue;
    }
    const exact = (rem.get(l.groupKey) ?? ZERO).plus(disc.times(l.lineAmount).div(groupBase));
    const value = roundAmount(exact);
    rem.set(l.groupKey, exact.minus(value));
    out.set(l.lineNo, value);
  }
  return out;
}
