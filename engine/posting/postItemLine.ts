import type { SalesLineRow } from "../db/schema/rows.generated.js";
import { HUNDRED, ONE, ZERO, type Dec } from "../kernel/decimal.js";
import { fail } from "../kernel/errors.js";
import { RemainderRounder, roundAmount } from "../kernel/rounding.js";
import type { ItemJnlLine } from "../inventory/itemPoster.js";
import type { SalesPostRun } from "./postContext.js";

/**
 * Spec 7.4: the item journal postings of one sales line. Quantity invoiced beyond what ships now is
 * invoiced against earlier shipments (oldest first, value entries only); of what ships now, the
 * invoiced part and the rest become separate item ledger entries. Returns the last entry created.
 */
export function postSalesItemLine(run: SalesPostRun, l: SalesLineRow): number {
  const { header: h, ctx } = run;
  const qShip = run.qtyToShip.get(l.lineNo) ?? ZERO;
  const qInv = run.qtyToInvoice.get(l.lineNo) ?? ZERO;
  const inv = run.invoiced.get(l.lineNo);
  const item = run.items.item(l.no);
  // Standard-cost items always go out at the current standard cost.
  const unitCost = item.costingMethod === "Standard" ? item.standardCost : l.unitCostLcy;
  // The invoiced amounts are split over the pieces by quantity with running remainders (Factor, RemAmt).
  const amountRounder = new RemainderRounder();
  const discRounder = new RemainderRounder();
  const discountTotal = inv ? inv.lineDiscountAmount.plus(inv.invDiscountAmount) : ZERO;
  const discountExVat = h.pricesIncludingVat
    ? discountTotal.div(ONE.plus(l.vatPct.div(HUNDRED)))
    : discountTotal;
  const piece = (q: Dec) => {
    const factor = qInv.isZero() ? ZERO : q.div(qInv);
    return {
      amount: amountRounder.next((inv?.amount ?? ZERO).times(factor)),
      discount: discRounder.next(discountExVat.times(factor)),
    };
  };
  const base = {
    itemNo: l.no,
    postingDate: h.postingDate!,
    entryType: "Sale" as const,
    documentLineNo: l.lineNo,
    description: l.description,
    locationCode: l.locationCode,
    unitCost,
    sourceType: "Customer" as const,
    sourceNo: h.sellToCustomerNo,
    genBusPostingGroup: l.genBusPostingGroup,
    genProdPostingGroup: l.genProdPostingGroup,
    inventoryPostingGroup: l.postingGroup,
    orderNo: h.documentType === "Order" ? h.no : "",
    orderLineNo: h.documentType === "Order" ? l.lineNo : 0,
    documentDate: h.documentDate,
    externalDocumentNo: h.externalDocumentNo,
    ...(l.applToItemEntry ? { appliesToEntry: l.applToItemEntry } : {}),
  };
  let lastEntry = 0;
  const invoicedFromShipments = qInv.abs().gt(qShip.abs()) ? qInv.minus(qShip) : ZERO;
  let fromShipments = invoicedFromShipments;
  if (!fromShipments.isZero()) {
    const shipments = ctx.repo.select(
      "salesShipmentLine",
      { orderNo: h.no, orderLineNo: l.lineNo },
      `"documentNo", "lineNo"`,
    );
    for (const s of shipments) {
      if (fromShipments.isZero()) break;
      if (s.qtyShippedNotInvoiced.isZero()) continue;
      const take = s.qtyShippedNotInvoiced.abs().lt(fromShipments.abs())
        ? s.qtyShippedNotInvoiced
        : fromShipments;
      const p = piece(take);
      run.items.post({
        ...base,
        documentNo: run.invoiceNo,
        documentType: "Sales Invoice",
        quantity: ZERO,
        invoicedQuantity: take.neg(),
        salesAmount: p.amount,
        discountAmount: p.discount,
        itemShptEntryNo: s.itemShptEntryNo,
      });
      ctx.repo.update("salesShipmentLine", [s.documentNo, s.lineNo], {
        quantityInvoiced: s.quantityInvoiced.plus(take),
        qtyShippedNotInvoiced: s.qtyShippedNotInvoiced.minus(take),
      });
      fromShipments = fromShipments.minus(take);
    }
    if (!fromShipments.isZero())
      fail("posting", `You cannot invoice more than you have shipped for order ${h.no}.`);
  }
  if (qShip.isZero() && qInv.isZero()) return lastEntry;
  // What this posting both ships and invoices (never more than it ships).
  const r = qInv.minus(invoicedFromShipments);
  const shipDoc: Pick<ItemJnlLine, "documentNo" | "documentType"> = run.shipmentNo
    ? { documentNo: run.shipmentNo, documentType: "Sales Shipment" }
    : { documentNo: run.invoiceNo, documentType: "Sales Invoice" };
  if (!r.isZero()) {
    const p = piece(r);
    lastEntry = run.items.post({
      ...base,
      ...shipDoc,
      quantity: r.neg(),
      invoicedQuantity: r.neg(),
      salesAmount: p.amount,
      discountAmount: p.discount,
      valueDocumentNo: run.invoiceNo,
      valueDocumentType: "Sales Invoice",
    });
  }
  const notInvoiced = qShip.minus(r);
  if (!notInvoiced.isZero()) {
    lastEntry = run.items.post({
      ...base,
      ...shipDoc,
      quantity: notInvoiced.neg(),
      invoicedQuantity: ZERO,
      salesAmount: expectedSalesAmount(run, l, notInvoiced),
      discountAmount: ZERO,
    });
  }
  return lastEntry;
}

/** Spec 7.4.4: the expected sales amount of a quantity shipped but not invoiced. */
function expectedSalesAmount(run: SalesPostRun, l: SalesLineRow, q: Dec): Dec {
  let amount = q.times(l.unitPrice).times(ONE.minus(l.lineDiscountPct.div(HUNDRED)));
  if (!l.quantity.isZero()) amount = amount.minus(l.invDiscountAmount.times(q).div(l.quantity));
  if (run.header.pricesIncludingVat) amount = amount.div(ONE.plus(l.vatPct.div(HUNDRED)));
  return roundAmount(amount);
}
