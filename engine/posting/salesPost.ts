import type { Ctx } from "../api/context.js";
import { lineAmountToHandle, lineDiscountToHandle, prorate } from "../calc/lineAmount.js";
import { calcVatAmountLines, spreadVatToLines, type VatInputLine } from "../calc/vatAmountLines.js";
import type { SalesHeaderRow, SalesLineRow } from "../db/schema/rows.generated.js";
import { calcInvoiceDiscount, respreadVat, vatInput } from "../documents/documentVat.js";
import { isCreditDoc, type SalesDocumentType } from "../documents/docTypes.js";
import { updateOutstandingAmounts, vatRounding } from "../documents/lineAmounts.js";
import { loadLines, releaseDocument } from "../documents/release.js";
import { getHeader, headerAt, saveHeader } from "../documents/salesHeader.js";
import { initQuantities, lineAt, saveLine } from "../documents/salesLine.js";
import { adjustCost } from "../inventory/costAdjustment.js";
import { ItemPoster } from "../inventory/itemPoster.js";
import type { IsoDate } from "../kernel/dates.js";
import { ZERO, type Dec } from "../kernel/decimal.js";
import { fail, LedgerpaneError } from "../kernel/errors.js";
import { getNextNo } from "../setup/noSeries.js";
import { getSalesSetup } from "../setup/setupTables.js";
import { GlPoster } from "./glPoster.js";
import type { InvoicedAmounts } from "./invoicePostingBuffer.js";
import { checkSalesDocument } from "./postChecks.js";
import type { SalesPostRun } from "./postContext.js";
import { postInvoiceToGl } from "./postInvoice.js";
import { postSalesItemLine } from "./postItemLine.js";
import { addInvoiceRoundingLine } from "./invoiceRounding.js";
import { insertPostedInvoice, insertPostedShipment } from "./postedDocuments.js";

export interface SalesPostOptions {
  ship?: boolean;
  invoice?: boolean;
  receive?: boolean;
  postingDate?: IsoDate;
}

export interface SalesPostResult {
  shipmentNo?: string;
  invoiceNo?: string;
  /** Per line, what this posting shipped and invoiced. */
  lines: { lineNo: number; shipped: Dec; invoiced: Dec }[];
  warnings: string[];
}

const absMin = (a: Dec, b: Dec) => (a.abs().lte(b.abs()) ? a : b);

/** Spec 6.2: which quantities this posting ships and invoices per line. */
function postingQuantities(run: Pick<SalesPostRun, "lines" | "ship" | "invoice">) {
  const qtyToShip = new Map<number, Dec>();
  const qtyToInvoice = new Map<number, Dec>();
  for (const l of run.lines) {
    if (l.type === " ") continue;
    const ship = run.ship ? l.qtyToShip : ZERO;
    let inv = run.invoice ? l.qtyToInvoice : ZERO;
    if (!run.ship) inv = absMin(inv, l.qtyShippedNotInvoiced);
    qtyToShip.set(l.lineNo, ship);
    qtyToInvoice.set(l.lineNo, inv);
  }
  return { qtyToShip, qtyToInvoice };
}

/** Spec 7.3 DivideAmount over the "Invoicing" VAT amount lines: each line's invoiced amounts. */
function divideAmounts(
  ctx: Ctx,
  h: SalesHeaderRow,
  lines: SalesLineRow[],
  qtyToInvoice: Map<number, Dec>,
): Map<number, InvoicedAmounts> {
  const parts = new Map<number, { q: Dec; lineAmount: Dec; lineDiscount: Dec; invDisc: Dec }>();
  const input: VatInputLine[] = [];
  for (const l of lines) {
    const q = qtyToInvoice.get(l.lineNo) ?? ZERO;
    if (l.type === " " || q.isZero()) continue;
    const invDisc = q.eq(l.qtyToInvoice)
      ? l.invDiscAmountToInvoice
      : prorate(l.invDiscAmountToInvoice, q, l.qtyToInvoice);
    const lineAmount = l.unitPrice.isZero() ? ZERO : lineAmountToHandle(l, q);
    parts.set(l.lineNo, {
      q,
      lineAmount,
      lineDiscount: lineDiscountToHandle(l, q),
      invDisc: l.allowInvoiceDisc ? invDisc : ZERO,
    });
    if (!l.unitPrice.isZero()) input.push(vatInput(l, lineAmount, l.allowInvoiceDisc ? invDisc : ZERO, q));
  }
  const dir = vatRounding(ctx.repo);
  const groups = calcVatAmountLines(input, h.pricesIncludingVat, h.vatBaseDiscountPct, dir);
  const spread = spreadVatToLines(input, groups, h.pricesIncludingVat, h.vatBaseDiscountPct, dir);
  const out = new Map<number, InvoicedAmounts>();
  for (const [lineNo, p] of parts) {
    const v = spread.get(lineNo);
    out.set(lineNo, {
      quantity: p.q,
      lineAmount: p.lineAmount,
      lineDiscountAmount: p.lineDiscount,
      invDiscountAmount: p.invDisc,
      amount: v?.amount ?? ZERO,
      vatBaseAmount: v?.vatBaseAmount ?? ZERO,
      amountIncludingVat: v?.amountIncludingVat ?? ZERO,
    });
  }
  return out;
}

function drawNo(
  ctx: Ctx,
  h: SalesHeaderRow,
  series: string,
  setupField: string,
  table: "salesShipmentHeader" | "salesInvoiceHeader",
  what: string,
): string {
  if (!series) {
    return fail(
      "posting",
      `${setupField} must have a value in Sales & Receivables Setup. It cannot be zero or empty.`,
      { table: "salesReceivablesSetup" },
    );
  }
  const no = getNextNo(ctx.repo, series, h.postingDate, ctx.warnings);
  if (ctx.repo.get(table, no)) {
    fail(
      "posting",
      `Cannot post the ${what} because its ID, ${no}, is already assigned to a record. Update the number series and try again.`,
      headerAt(h),
    );
  }
  return no;
}

/**
 * Sales-Post (codeunit 80) for orders and invoices, in the order of spec 7.1: checks, numbers,
 * release, per-line item postings and buffers, G/L and customer entries, cost adjustment, then the
 * document's update. Runs inside the caller's transaction: any error undoes all of it.
 */
export function runSalesPost(
  ctx: Ctx,
  documentType: SalesDocumentType,
  no: string,
  opts: SalesPostOptions,
): SalesPostResult {
  const h = getHeader(ctx, documentType, no);
  if (documentType === "Quote" || documentType === "Blanket Order") {
    fail(
      "posting",
      `A ${documentType} cannot be posted; make an order or an invoice from it first.`,
      headerAt(h),
    );
  }
  if (isCreditDoc(documentType)) {
    fail(
      "posting",
      `Posting a ${documentType} is not available yet in this version of Ledgerpane.`,
      headerAt(h),
    );
  }
  if (opts.postingDate) h.postingDate = opts.postingDate;
  let ship: boolean;
  let invoice: boolean;
  if (documentType === "Invoice") {
    ship = true;
    invoice = true;
  } else {
    ship = opts.ship ?? false;
    invoice = opts.invoice ?? false;
    if (!ship && !invoice)
      fail("posting", 'Please enter "Yes" in Ship and/or Invoice and/or Receive.', headerAt(h));
  }
  const setup = getSalesSetup(ctx.repo);
  let lines = loadLines(ctx, h);
  if (h.status === "Open") releaseDocument(ctx, h, lines, false);
  else if (setup.calcInvDiscount) {
    calcInvoiceDiscount(ctx.repo, h, lines);
    respreadVat(ctx.repo, h, lines);
  }
  lines = lines.filter((l) => l.type === " " || !l.quantity.isZero());
  // Spec 6.2: switch off what has nothing to do.
  if (ship && !lines.some((l) => l.type !== " " && !l.qtyToShip.isZero())) ship = false;
  let q = postingQuantities({ lines, ship, invoice });
  if (invoice && ![...q.qtyToInvoice.values()].some((v) => !v.isZero())) invoice = false;
  if (!ship && !invoice) {
    fail(
      "posting",
      "There is nothing to post because the document does not contain a quantity or amount.",
      headerAt(h),
    );
  }
  q = postingQuantities({ lines, ship, invoice });
  const invoiced = invoice
    ? divideAmounts(ctx, h, lines, q.qtyToInvoice)
    : new Map<number, InvoicedAmounts>();
  const errors = checkSalesDocument(ctx, h, lines, ship, invoice, ship);
  if (invoice) {
    let lineTotal = ZERO;
    let aivTotal = ZERO;
    for (const v of invoiced.values()) {
      lineTotal = lineTotal.plus(v.lineAmount);
      aivTotal = aivTotal.plus(v.amountIncludingVat);
    }
    if (lineTotal.lt(0) && aivTotal.lt(0))
      errors.add("The total amount for the invoice must be 0 or greater.", headerAt(h));
  }
  errors.throwIfAny("posting");

  const shipmentNo =
    ship && (documentType === "Order" || setup.shipmentOnInvoice)
      ? drawNo(
          ctx,
          h,
          h.shippingNoSeries || setup.postedShipmentNos,
          "Posted Shipment Nos.",
          "salesShipmentHeader",
          "sales shipment",
        )
      : "";
  const invoiceNo = invoice
    ? drawNo(
        ctx,
        h,
        h.postingNoSeries || setup.postedInvoiceNos,
        "Posted Invoice Nos.",
        "salesInvoiceHeader",
        "sales invoice",
      )
    : "";
  const gl = new GlPoster(ctx, "SALES");
  const run: SalesPostRun = {
    ctx,
    header: h,
    lines,
    ship,
    invoice,
    shipmentNo,
    invoiceNo,
    qtyToShip: q.qtyToShip,
    qtyToInvoice: q.qtyToInvoice,
    invoiced,
    gl,
    items: new ItemPoster(ctx, gl),
    description: `${documentType} ${h.no}`,
  };

  addInvoiceRoundingLine(run);
  const itemEntryByLine = new Map<number, number>();
  for (const l of lines) {
    if (l.type !== "Item") continue;
    try {
      itemEntryByLine.set(l.lineNo, postSalesItemLine(run, l));
    } catch (e) {
      if (e instanceof LedgerpaneError)
        throw new LedgerpaneError(
          e.code,
          e.message,
          e.details.map((d) => ({ ...lineAt(l, "no"), ...d })),
        );
      throw e;
    }
  }
  if (shipmentNo) insertPostedShipment(run, itemEntryByLine);
  const cle = invoice ? postInvoiceToGl(run) : undefined;
  if (invoiceNo) insertPostedInvoice(run, cle?.entryNo ?? 0);
  adjustCost(ctx, run.items);
  gl.commit();
  updateDocument(run);
  return {
    ...(shipmentNo ? { shipmentNo } : {}),
    ...(invoiceNo ? { invoiceNo } : {}),
    lines: postedLines(run),
    warnings: ctx.warnings,
  };
}

/**
 * What this posting shipped and invoiced per line: the quantities after spec 6.2's limits (an
 * invoice-only posting invoices no more than was shipped), so a preview states what a posting does.
 */
function postedLines(run: SalesPostRun): SalesPostResult["lines"] {
  const out: SalesPostResult["lines"] = [];
  for (const l of run.lines) {
    const shipped = run.qtyToShip.get(l.lineNo) ?? ZERO;
    const invoiced = run.qtyToInvoice.get(l.lineNo) ?? ZERO;
    if (!shipped.isZero() || !invoiced.isZero()) out.push({ lineNo: l.lineNo, shipped, invoiced });
  }
  return out;
}

/** Spec 6.3 PostUpdateOrderLine: move quantities on; delete the document once fully invoiced. */
function updateDocument(run: SalesPostRun): void {
  const { ctx, header: h } = run;
  // run.lines holds every line that has a quantity (and comment lines), as released for this posting.
  const all = run.lines.filter((l) => !l.systemCreatedEntry);
  const fullyInvoiced = all.every((l) => {
    const inv = run.qtyToInvoice.get(l.lineNo) ?? ZERO;
    return l.type === " " || l.quantity.isZero() || l.quantityInvoiced.plus(inv).eq(l.quantity);
  });
  if (h.documentType === "Invoice" || fullyInvoiced) {
    ctx.repo.delete("salesLine", { documentType: h.documentType, documentNo: h.no });
    ctx.repo.delete("salesHeader", { documentType: h.documentType, no: h.no });
    return;
  }
  for (const l of all) {
    if (l.type === " " || l.quantity.isZero()) continue;
    l.quantityShipped = l.quantityShipped.plus(run.qtyToShip.get(l.lineNo) ?? ZERO);
    l.quantityInvoiced = l.quantityInvoiced.plus(run.qtyToInvoice.get(l.lineNo) ?? ZERO);
    initQuantities(ctx, l);
    updateOutstandingAmounts(l);
    saveLine(ctx, l);
  }
  if (run.shipmentNo) h.lastShippingNo = run.shipmentNo;
  if (run.invoiceNo) h.lastPostingNo = run.invoiceNo;
  h.shippingNo = "";
  h.postingNo = "";
  saveHeader(ctx, h);
}
