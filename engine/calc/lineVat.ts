import { HUNDRED, ONE, ZERO, type Dec } from "../kernel/decimal.js";
import { roundAmount, type RoundingDirection } from "../kernel/rounding.js";
import type { VatCalculationType } from "./vatAmountLines.js";

/** Totals of the document's other lines with the same VAT identifier and VAT % ≠ 0 (spec 4.2). */
export interface OtherLinesTotals {
  lineAmount: Dec;
  invDiscountAmount: Dec;
  amount: Dec;
  amountIncludingVat: Dec;
  vatDifference: Dec;
}

export const NO_OTHER_LINES: OtherLinesTotals = {
  lineAmount: ZERO,
  invDiscountAmount: ZERO,
  amount: ZERO,
  amountIncludingVat: ZERO,
  vatDifference: ZERO,
};

export interface LineForVat {
  lineAmount: Dec;
  invDiscountAmount: Dec;
  vatPct: Dec;
  vatCalculationType: VatCalculationType;
}

/**
 * Spec 4.2 UpdateVATAmounts: the edited line gets whatever makes its VAT group's total correctly
 * rounded, so the group total is always Round(Σ Amount × VAT %) while a document is being edited.
 */
export function lineVatAmounts(
  line: LineForVat,
  others: OtherLinesTotals,
  pricesIncludingVat: boolean,
  vatBaseDiscountPct: Dec,
  direction: RoundingDirection,
): { amount: Dec; vatBaseAmount: Dec; amountIncludingVat: Dec } {
  const vbd = vatBaseDiscountPct.div(HUNDRED);
  const net = line.lineAmount.minus(line.invDiscountAmount);
  if (line.lineAmount.eq(line.invDiscountAmount))
    return { amount: ZERO, vatBaseAmount: ZERO, amountIncludingVat: ZERO };
  if (line.vatCalculationType === "Full VAT")
    return { amount: ZERO, vatBaseAmount: ZERO, amountIncludingVat: net };
  const t = line.vatPct.isZero() ? NO_OTHER_LINES : others;
  const pct = line.vatPct.div(HUNDRED);
  if (pricesIncludingVat) {
    const amount = roundAmount(t.lineAmount.minus(t.invDiscountAmount).plus(net).div(ONE.plus(pct))).minus(
      t.amount,
    );
    const vatBaseAmount = roundAmount(amount.times(ONE.minus(vbd)));
    const amountIncludingVat = t.lineAmount
      .plus(line.lineAmount)
      .minus(roundAmount(t.amount.plus(amount).times(vbd).times(pct), direction))
      .minus(t.amountIncludingVat)
      .minus(t.invDiscountAmount)
      .minus(line.invDiscountAmount);
    return { amount, vatBaseAmount, amountIncludingVat };
  }
  const amount = roundAmount(net);
  const vatBaseAmount = roundAmount(amount.times(ONE.minus(vbd)));
  const total = t.amount.plus(amount);
  const amountIncludingVat = total
    .plus(roundAmount(total.times(ONE.minus(vbd)).times(pct), direction))
    .minus(t.amountIncludingVat)
    .plus(t.vatDifference);
  return { amount, vatBaseAmount, amountIncludingVat };
}
