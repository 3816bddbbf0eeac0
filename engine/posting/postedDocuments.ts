import type {
  SalesHeaderRow,
  SalesInvoiceLineRow,
  SalesLineRow,
  SalesShipmentLineRow,
} from "../db/schema/rows.generated.js";
import { defaultRow } from "../setup/defaults.js";
import { ZERO } from "../kernel/decimal.js";
import type { SalesPostRun } from "./postContext.js";

type PostedHeader = ReturnType<typeof defaultRow<"salesInvoiceHeader">>;

/** Copies the header fields the posted document shares with the document (spec 7.2). */
function copyHeader<T extends object>(target: T, h: SalesHeaderRow): T {
  const t = target as unknown as Record<string, unknown>;
  const src = h as unknown as Record<string, unknown>;
  for (const k of Object.keys(t)) if (k in src && k !== "no" && k !== "noSeries") t[k] = src[k];
  return target;
}

function copyLine<T extends object>(target: T, l: SalesLineRow): T {
  const t = target as unknown as Record<string, unknown>;
  const src = l as unknown as Record<string, unknown>;
  for (const k of Object.keys(t)) if (k in src && k !== "documentNo") t[k] = src[k];
  return target;
}

export function insertPostedShipment(run: SalesPostRun, itemEntryByLine: ReadonlyMap<number, number>): void {
  const { ctx, header: h } = run;
  const sh = copyHeader(defaultRow("salesShipmentHeader"), h);
  sh.no = run.shipmentNo;
  sh.noSeries = h.shippingNoSeries;
  sh.orderNo = h.documentType === "Order" ? h.no : "";
  sh.preAssignedNo = h.documentType === "Order" ? "" : h.no;
  ctx.repo.insert("salesShipmentHeader", sh);
  for (const l of run.lines) {
    const q = run.qtyToShip.get(l.lineNo) ?? ZERO;
    if (l.type !== " " && q.isZero()) continue;
    const sl: SalesShipmentLineRow = copyLine(defaultRow("salesShipmentLine"), l);
    sl.documentNo = run.shipmentNo;
    sl.postingDate = h.postingDate;
    sl.quantity = q;
    // What this posting invoices of its own shipment (spec 7.4 step 2).
    const inv = run.qtyToInvoice.get(l.lineNo) ?? ZERO;
    const invoicedHere = inv.abs().gt(q.abs()) ? q : inv;
    sl.quantityInvoiced = invoicedHere;
    sl.qtyShippedNotInvoiced = q.minus(invoicedHere);
    sl.itemShptEntryNo = itemEntryByLine.get(l.lineNo) ?? 0;
    sl.orderNo = h.documentType === "Order" ? h.no : "";
    sl.orderLineNo = h.documentType === "Order" ? l.lineNo : 0;
    for (const k of [
      "lineAmount",
      "amount",
      "amountIncludingVat",
      "vatBaseAmount",
      "lineDiscountAmount",
      "invDiscountAmount",
    ] as const)
      sl[k] = ZERO;
    ctx.repo.insert("salesShipmentLine", sl);
  }
}

export function insertPostedInvoice(run: SalesPostRun, custLedgerEntryNo: number): void {
  const { ctx, header: h } = run;
  const ih: PostedHeader = copyHeader(defaultRow("salesInvoiceHeader"), h);
  ih.no = run.invoiceNo;
  ih.noSeries = h.postingNoSeries;
  ih.orderNo = h.documentType === "Order" ? h.no : "";
  ih.preAssignedNo = h.documentType === "Invoice" ? h.no : "";
  ih.custLedgerEntryNo = custLedgerEntryNo;
  let invDisc = ZERO;
  for (const l of run.lines) {
    const inv = run.invoiced.get(l.lineNo);
    if (l.type !== " " && !inv) continue;
    const il: SalesInvoiceLineRow = copyLine(defaultRow("salesInvoiceLine"), l);
    il.documentNo = run.invoiceNo;
    il.postingDate = h.postingDate;
    if (inv) {
      il.quantity = inv.quantity;
      il.lineAmount = inv.lineAmount;
      il.lineDiscountAmount = inv.lineDiscountAmount;
      il.invDiscountAmount = inv.invDiscountAmount;
      il.amount = inv.amount;
      il.amountIncludingVat = inv.amountIncludingVat;
      il.vatBaseAmount = inv.vatBaseAmount;
      invDisc = invDisc.plus(inv.invDiscountAmount);
    }
    il.orderNo = h.documentType === "Order" ? h.no : "";
    il.orderLineNo = h.documentType === "Order" ? l.lineNo : 0;
    il.shipmentNo = l.shipmentNo;
    il.shipmentLineNo = l.shipmentLineNo;
    ctx.repo.insert("salesInvoiceLine", il);
  }
  ih.invoiceDiscountAmount = invDisc;
  ctx.repo.insert("salesInvoiceHeader", ih);
}
