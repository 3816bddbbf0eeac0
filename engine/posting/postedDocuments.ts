import { tableDef } from "../db/schema/index.js";
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
/** The fields a posted table shares with the document table, worked out once per pair of tables. */
const sharedFields = new Map<string, string[]>();
function shared(target: string, source: string, except: readonly string[]): string[] {
  const memo = `${target}<${source}`;
  let fields = sharedFields.get(memo);
  if (!fields) {
    const from = new Set(tableDef(source)!.columns.map((c) => c.name));
    fields = tableDef(target)!
      .columns.map((c) => c.name)
      .filter((n) => from.has(n) && !except.includes(n));
    sharedFields.set(memo, fields);
  }
  return fields;
}

function copyFields<T extends object>(
  target: T,
  targetTable: string,
  src: object,
  srcTable: string,
  except: readonly string[],
): T {
  const t = target as unknown as Record<string, unknown>;
  const s = src as unknown as Record<string, unknown>;
  for (const k of shared(targetTable, srcTable, except)) t[k] = s[k];
  return target;
}

/** Copies the header fields the posted document shares with the document (spec 7.2). */
const copyHeader = <T extends object>(target: T, table: string, h: SalesHeaderRow): T =>
  copyFields(target, table, h, "salesHeader", ["no", "noSeries"]);
const copyLine = <T extends object>(target: T, table: string, l: SalesLineRow): T =>
  copyFields(target, table, l, "salesLine", ["documentNo"]);

export function insertPostedShipment(run: SalesPostRun, itemEntryByLine: ReadonlyMap<number, number>): void {
  const { ctx, header: h } = run;
  const sh = copyHeader(defaultRow("salesShipmentHeader"), "salesShipmentHeader", h);
  sh.no = run.shipmentNo;
  sh.noSeries = h.shippingNoSeries;
  sh.orderNo = h.documentType === "Order" ? h.no : "";
  sh.preAssignedNo = h.documentType === "Order" ? "" : h.no;
  ctx.repo.insert("salesShipmentHeader", sh);
  for (const l of run.lines) {
    const q = run.qtyToShip.get(l.lineNo) ?? ZERO;
    if (l.type !== " " && q.isZero()) continue;
    const sl: SalesShipmentLineRow = copyLine(defaultRow("salesShipmentLine"), "salesShipmentLine", l);
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
  const ih: PostedHeader = copyHeader(defaultRow("salesInvoiceHeader"), "salesInvoiceHeader", h);
  ih.no = run.invoiceNo;
  ih.noSeries = h.postingNoSeries;
  ih.orderNo = h.documentType === "Order" ? h.no : "";
  ih.preAssignedNo = h.documentType === "Invoice" ? h.no : "";
  ih.custLedgerEntryNo = custLedgerEntryNo;
  let invDisc = ZERO;
  for (const l of run.lines) {
    const inv = run.invoiced.get(l.lineNo);
    if (l.type !== " " && !inv) continue;
    const il: SalesInvoiceLineRow = copyLine(defaultRow("salesInvoiceLine"), "salesInvoiceLine", l);
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
