import type { SalesHeaderRow, SalesLineRow } from "../db/schema/rows.generated.js";
import { HUNDRED, ONE, ZERO, type Dec } from "../kernel/decimal.js";
import { roundAmount, type RoundingDirection } from "../kernel/rounding.js";

/** The invoiced part of one line, after DivideAmount (spec 7.3), with the signs the document shows. */
export interface InvoicedAmounts {
  quantity: Dec;
  lineAmount: Dec;
  lineDiscountAmount: Dec;
  invDiscountAmount: Dec;
  amount: Dec;
  vatBaseAmount: Dec;
  amountIncludingVat: Dec;
}

/** Spec 7.5: one Invoice Posting Buffer record; amounts carry the G/L sign (negative for a sale). */
export interface PostingBuffer {
  key: string;
  type: SalesLineRow["type"];
  glAccountNo: string;
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  vatBusPostingGroup: string;
  vatProdPostingGroup: string;
  vatCalculationType: SalesLineRow["vatCalculationType"];
  vatPct: Dec;
  description: string;
  amount: Dec;
  vatAmount: Dec;
  vatBaseAmount: Dec;
}

export type DiscountPosting = "No Discounts" | "Invoice Discounts" | "Line Discounts" | "All Discounts";

export interface BufferAccounts {
  sales: string;
  lineDisc?: string;
  invDisc?: string;
}

/**
 * Collects buffers, merging records whose key fields are all equal, so the G/L gets one entry per
 * account and posting-group combination rather than one per line.
 */
export class InvoicePostingBuffer {
  private readonly buffers = new Map<string, PostingBuffer>();

  constructor(
    private readonly copyLineDescr: boolean,
    private readonly vatRounding: RoundingDirection,
  ) {}

  private add(
    l: SalesLineRow,
    account: string,
    amount: Dec,
    vatAmount: Dec,
    vatBase: Dec,
    description: string,
  ): void {
    const type = l.type === "G/L Account" ? "G/L Account" : "Item";
    const parts = [
      type,
      account,
      l.genBusPostingGroup,
      l.genProdPostingGroup,
      l.vatBusPostingGroup,
      l.vatProdPostingGroup,
      String(l.dimensionSetId),
    ];
    if (this.copyLineDescr) parts.push(String(l.lineNo));
    const key = parts.join("\u0001");
    const b = this.buffers.get(key);
    if (b) {
      b.amount = b.amount.plus(amount);
      b.vatAmount = b.vatAmount.plus(vatAmount);
      b.vatBaseAmount = b.vatBaseAmount.plus(vatBase);
      return;
    }
    this.buffers.set(key, {
      key,
      type: l.type,
      glAccountNo: account,
      genBusPostingGroup: l.genBusPostingGroup,
      genProdPostingGroup: l.genProdPostingGroup,
      vatBusPostingGroup: l.vatBusPostingGroup,
      vatProdPostingGroup: l.vatProdPostingGroup,
      vatCalculationType: l.vatCalculationType,
      vatPct: l.vatPct,
      description,
      amount,
      vatAmount,
      vatBaseAmount: vatBase,
    });
  }

  /** The VAT of a discount, as the buffer computes it for the separate discount account (spec 7.5). */
  private discountVat(l: SalesLineRow, discount: Dec, pricesIncludingVat: boolean): { base: Dec; vat: Dec } {
    if (l.vatCalculationType === "Full VAT") return { base: ZERO, vat: discount };
    const pct = l.vatPct.div(HUNDRED);
    if (pricesIncludingVat) {
      const vat = roundAmount(discount.div(ONE.plus(pct)).times(pct), this.vatRounding);
      return { base: discount.minus(vat), vat };
    }
    return { base: discount, vat: roundAmount(discount.times(pct), this.vatRounding) };
  }

  /**
   * Spec 7.5 PrepareLine: the line's revenue (sign −1 for a sale) and, when discounts post to their
   * own accounts, the discounts as separate buffers with their own VAT; revenue then posts gross.
   */
  prepareLine(
    h: SalesHeaderRow,
    l: SalesLineRow,
    inv: InvoicedAmounts,
    accounts: BufferAccounts,
    discountPosting: DiscountPosting,
    sign: 1 | -1,
    description: string,
  ): void {
    let amount = inv.amount;
    let vat = inv.amountIncludingVat.minus(inv.amount);
    let base = inv.vatBaseAmount;
    const separate: [boolean, Dec, string | undefined][] = [
      [
        discountPosting === "Invoice Discounts" || discountPosting === "All Discounts",
        inv.invDiscountAmount,
        accounts.invDisc,
      ],
      [
        discountPosting === "Line Discounts" || discountPosting === "All Discounts",
        inv.lineDiscountAmount,
        accounts.lineDisc,
      ],
    ];
    for (const [wanted, discount, account] of separate) {
      if (!wanted || discount.isZero()) continue;
      const d = this.discountVat(l, discount, h.pricesIncludingVat);
      this.add(l, account!, d.base.times(-sign), d.vat.times(-sign), d.base.times(-sign), description);
      amount = amount.plus(d.base);
      vat = vat.plus(d.vat);
      base = base.plus(d.base);
    }
    this.add(l, accounts.sales, amount.times(sign), vat.times(sign), base.times(sign), description);
  }

  /** Buffers in reverse key order, as BC posts them (it only affects entry numbering). */
  records(): PostingBuffer[] {
    return [...this.buffers.values()].sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  }
}
