import { HUNDRED, ONE, ZERO, type Dec } from "../kernel/decimal.js";
import { roundAmount, type RoundingDirection } from "../kernel/rounding.js";

export type VatCalculationType = "Normal VAT" | "Reverse Charge VAT" | "Full VAT" | "Sales Tax";

/** One line's contribution to the document's VAT, for the quantity being handled. */
export interface VatInputLine {
  lineNo: number;
  vatIdentifier: string;
  vatCalculationType: VatCalculationType;
  taxGroupCode: string;
  vatPct: Dec;
  /** Line amount of the handled quantity (spec 7.3). */
  lineAmount: Dec;
  /** Invoice discount of the handled quantity. */
  invDiscountAmount: Dec;
  allowInvoiceDisc: boolean;
  vatDifference: Dec;
  quantity: Dec;
}

/** Spec 4.3: a VAT Amount Line, the per-identifier totals that documents print and post. */
export interface VatAmountLine {
  key: string;
  vatIdentifier: string;
  vatCalculationType: VatCalculationType;
  taxGroupCode: string;
  positive: boolean;
  vatPct: Dec;
  lineAmount: Dec;
  invDiscBaseAmount: Dec;
  invoiceDiscountAmount: Dec;
  vatDifference: Dec;
  quantity: Dec;
  vatBase: Dec;
  vatAmount: Dec;
  amountIncludingVat: Dec;
}

export function vatGroupKey(
  l: Pick<VatInputLine, "vatIdentifier" | "vatCalculationType" | "taxGroupCode" | "lineAmount">,
): string {
  // Key order is BC's: VAT Identifier, VAT Calculation Type, Tax Group Code, Use Tax, Positive.
  return [l.vatIdentifier, l.vatCalculationType, l.taxGroupCode, l.lineAmount.gte(0) ? "1" : "0"].join(
    "\u0001",
  );
}

export function calcLineAmount(v: VatAmountLine): Dec {
  return v.lineAmount.minus(v.invoiceDiscountAmount);
}

/** Groups lines (Type ≠ " ", Quantity ≠ 0, Unit Price ≠ 0 are filtered by the caller) and sums them. */
export function groupVatLines(lines: readonly VatInputLine[]): VatAmountLine[] {
  const groups = new Map<string, VatAmountLine>();
  for (const l of lines) {
    const key = vatGroupKey(l);
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        vatIdentifier: l.vatIdentifier,
        vatCalculationType: l.vatCalculationType,
        taxGroupCode: l.taxGroupCode,
        positive: l.lineAmount.gte(0),
        vatPct: l.vatPct,
        lineAmount: ZERO,
        invDiscBaseAmount: ZERO,
        invoiceDiscountAmount: ZERO,
        vatDifference: ZERO,
        quantity: ZERO,
        vatBase: ZERO,
        vatAmount: ZERO,
        amountIncludingVat: ZERO,
      };
      groups.set(key, g);
    }
    g.lineAmount = g.lineAmount.plus(l.lineAmount);
    if (l.allowInvoiceDisc) g.invDiscBaseAmount = g.invDiscBaseAmount.plus(l.lineAmount);
    g.invoiceDiscountAmount = g.invoiceDiscountAmount.plus(l.invDiscountAmount);
    g.vatDifference = g.vatDifference.plus(l.vatDifference);
    g.quantity = g.quantity.plus(l.quantity);
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Spec 4.3 step 2: VAT base, VAT amount and amount including VAT of each group. */
export function updateVatAmountLines(
  groups: VatAmountLine[],
  pricesIncludingVat: boolean,
  vatBaseDiscountPct: Dec,
  direction: RoundingDirection,
): VatAmountLine[] {
  const baseFactor = ONE.minus(vatBaseDiscountPct.div(HUNDRED));
  // A negative group's rounding remainder goes into the next group of the same identifier (the
  // positive one, which sorts after it), so the identifier's total VAT rounds once.
  let carry = ZERO;
  let prev: VatAmountLine | undefined;
  for (const g of groups) {
    const sameIdentifier =
      prev !== undefined &&
      prev.vatIdentifier === g.vatIdentifier &&
      prev.vatCalculationType === g.vatCalculationType &&
      prev.taxGroupCode === g.taxGroupCode;
    if (!sameIdentifier || prev?.positive) carry = ZERO;
    const net = calcLineAmount(g);
    let exactVat: Dec;
    if (g.vatCalculationType === "Full VAT") {
      g.vatBase = ZERO;
      g.vatAmount = net;
      g.amountIncludingVat = net;
      exactVat = net;
    } else if (pricesIncludingVat) {
      const baseExact = net.div(ONE.plus(g.vatPct.div(HUNDRED))).minus(g.vatDifference);
      exactVat = carry.plus(net.minus(baseExact).minus(g.vatDifference).times(baseFactor));
      g.vatAmount = g.vatDifference.plus(roundAmount(exactVat, direction));
      g.vatBase = net.minus(g.vatAmount);
      g.amountIncludingVat = net;
    } else {
      g.vatBase = net;
      exactVat = carry.plus(net.times(g.vatPct).div(HUNDRED).times(baseFactor));
      g.vatAmount = g.vatDifference.plus(roundAmount(exactVat, direction));
      g.amountIncludingVat = net.plus(g.vatAmount);
    }
    carry = g.positive ? ZERO : exactVat.minus(g.vatAmount.minus(g.vatDifference));
    prev = g;
  }
  return groups;
}

export function calcVatAmountLines(
  lines: readonly VatInputLine[],
  pricesIncludingVat: boolean,
  vatBaseDiscountPct: Dec,
  direction: RoundingDirection,
): VatAmountLine[] {
  return updateVatAmountLines(groupVatLines(lines), pricesIncludingVat, vatBaseDiscountPct, direction);
}

export interface LineVatResult {
  lineNo: number;
  amount: Dec;
  vatBaseAmount: Dec;
  amountIncludingVat: Dec;
}

/**
 * Spec 4.3 step 3 and 7.3 (DivideAmount): the group totals spread back to lines in line-number order
 * with a running remainder per group, so the lines always add up to the group totals.
 */
export function spreadVatToLines(
  lines: readonly VatInputLine[],
  groups: readonly VatAmountLine[],
  pricesIncludingVat: boolean,
  vatBaseDiscountPct: Dec,
  direction: RoundingDirection,
): Map<number, LineVatResult> {
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const remVat = new Map<string, Dec>();
  const remAiv = new Map<string, Dec>();
  const out = new Map<number, LineVatResult>();
  const baseFactor = ONE.minus(vatBaseDiscountPct.div(HUNDRED));
  for (const l of [...lines].sort((a, b) => a.lineNo - b.lineNo)) {
    const key = vatGroupKey(l);
    const g = byKey.get(key);
    const net = l.lineAmount.minus(l.invDiscountAmount);
    if (!g || net.isZero()) {
      out.set(l.lineNo, { lineNo: l.lineNo, amount: ZERO, vatBaseAmount: ZERO, amountIncludingVat: ZERO });
      continue;
    }
    const groupNet = calcLineAmount(g);
    if (l.vatCalculationType === "Full VAT") {
      out.set(l.lineNo, { lineNo: l.lineNo, amount: ZERO, vatBaseAmount: ZERO, amountIncludingVat: net });
    } else if (pricesIncludingVat) {
      if (groupNet.isZero()) {
        out.set(l.lineNo, { lineNo: l.lineNo, amount: ZERO, vatBaseAmount: ZERO, amountIncludingVat: ZERO });
        continue;
      }
      const aivExact = (remAiv.get(key) ?? ZERO).plus(g.amountIncludingVat.times(net).div(groupNet));
      const vatExact = (remVat.get(key) ?? ZERO).plus(g.vatAmount.times(net).div(groupNet));
      const aiv = roundAmount(aivExact);
      const vat = roundAmount(vatExact, direction);
      const amount = aiv.minus(vat);
      remAiv.set(key, aivExact.minus(aiv));
      remVat.set(key, vatExact.minus(vat));
      out.set(l.lineNo, {
        lineNo: l.lineNo,
        amount,
        vatBaseAmount: roundAmount(amount.times(baseFactor)),
        amountIncludingVat: aiv,
      });
    } else {
      const amount = net;
      const vatExact = g.vatBase.isZero()
        ? ZERO
        : (remVat.get(key) ?? ZERO).plus(g.vatAmount.times(amount).div(g.vatBase));
      const vat = roundAmount(vatExact, direction);
      remVat.set(key, vatExact.minus(vat));
      out.set(l.lineNo, {
        lineNo: l.lineNo,
        amount,
        vatBaseAmount: roundAmount(amount.times(baseFactor)),
        amountIncludingVat: amount.plus(vat),
      });
    }
  }
  return out;
}
