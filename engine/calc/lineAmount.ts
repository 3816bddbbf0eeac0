import { HUNDRED, ZERO, type Dec } from "../kernel/decimal.js";
import { roundAmount } from "../kernel/rounding.js";

/** Spec 4.1: line discount and line amount, each rounded once. */
export function lineDiscountAndAmount(
  quantity: Dec,
  unitPrice: Dec,
  lineDiscountPct: Dec,
): { lineDiscountAmount: Dec; lineAmount: Dec } {
  const gross = roundAmount(quantity.times(unitPrice));
  const lineDiscountAmount = roundAmount(gross.times(lineDiscountPct).div(HUNDRED));
  return { lineDiscountAmount, lineAmount: gross.minus(lineDiscountAmount) };
}

export interface PricedLine {
  quantity: Dec;
  unitPrice: Dec;
  lineDiscountPct: Dec;
  lineDiscountAmount: Dec;
}

/**
 * Spec 7.3 GetLineAmountToHandle: the line amount of a part q of the line. A part other than the
 * whole line is rounded afresh, so partial invoices can differ from the line by a cent, as in BC.
 */
export function lineAmountToHandle(line: PricedLine, q: Dec): Dec {
  if (line.lineDiscountPct.eq(HUNDRED)) return ZERO;
  const a = roundAmount(q.times(line.unitPrice));
  const d = q.eq(line.quantity)
    ? line.lineDiscountAmount
    : roundAmount(a.times(line.lineDiscountPct).div(HUNDRED));
  return a.minus(d);
}

/** Spec 7.3: the line discount amount of a part q of the line. */
export function lineDiscountToHandle(line: PricedLine, q: Dec): Dec {
  if (q.eq(line.quantity)) return line.lineDiscountAmount;
  if (line.quantity.isZero()) return ZERO;
  return roundAmount(line.lineDiscountAmount.times(q).div(line.quantity));
}

/** Round(amount × part / whole), zero when the whole is zero. */
export function prorate(amount: Dec, part: Dec, whole: Dec): Dec {
  if (whole.isZero()) return ZERO;
  return roundAmount(amount.times(part).div(whole));
}
