import type { Ctx } from "../api/context.js";
import { checkMagnitude, maxValueText, type Value } from "../db/codec.js";
import type { SalesHeaderRow, SalesLineRow } from "../db/schema/rows.generated.js";
import { D, HUNDRED, ONE, ZERO, type Dec } from "../kernel/decimal.js";
import { fail, type ErrorDetail } from "../kernel/errors.js";
import { roundAmount, roundUnitAmount } from "../kernel/rounding.js";
import { fieldCaption } from "../setup/captions.js";
import { getVatPostingSetup } from "../setup/postingSetup.js";
import { defaultRow } from "../setup/defaults.js";
import { getSalesSetup } from "../setup/setupTables.js";
import { isCreditDoc, isOrderLike } from "./docTypes.js";
import { recalcLineAmounts, type DocumentVatTotals } from "./lineAmounts.js";
import { testStatusOpen } from "./salesHeader.js";

export function lineAt(
  l: Pick<SalesLineRow, "documentType" | "documentNo" | "lineNo">,
  field?: string,
): Omit<ErrorDetail, "message"> {
  return {
    table: "salesLine",
    documentType: l.documentType,
    documentNo: l.documentNo,
    lineNo: l.lineNo,
    ...(field ? { field } : {}),
  };
}

function lineFail(l: SalesLineRow, field: string, message: string): never {
  return fail("validation", message, lineAt(l, field));
}

const grouped = (text: string) => text.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

const COMPUTED_AMOUNTS = [
  "lineAmount",
  "lineDiscountAmount",
  "amount",
  "amountIncludingVat",
  "vatBaseAmount",
] as const;

/**
 * A computed amount too large to store is reported at the cell that produced it (the quantity, price
 * or discount just set), not at a computed column the user cannot change.
 */
function checkComputedLimits(l: SalesLineRow, field: string): void {
  for (const name of COMPUTED_AMOUNTS) {
    try {
      checkMagnitude(l[name], 2, name);
    } catch {
      lineFail(
        l,
        field,
        `${fieldCaption(name)} would be ${grouped(l[name].toFixed(2))}: Ledgerpane stores amounts up to ${maxValueText(2)}. Change the ${fieldCaption(field)}.`,
      );
    }
  }
}

/** Line fields a user may set; identity (type, no) comes first, the rest in the order written. */
export const LINE_INPUT_FIELDS = [
  "lineNo",
  "type",
  "no",
  "description",
  "locationCode",
  "quantity",
  "unitPrice",
  "unitCostLcy",
  "lineDiscountPct",
  "lineDiscountAmount",
  "lineAmount",
  "allowInvoiceDisc",
  "qtyToShip",
  "qtyToInvoice",
  "returnQtyToReceive",
  "shipmentDate",
  "requestedDeliveryDate",
  "promisedDeliveryDate",
  "applToItemEntry",
  "applFromItemEntry",
  "returnReasonCode",
] as const;

/** Fields that stay editable on a released document: how much to ship or invoice now. */
const EDITABLE_WHEN_RELEASED = new Set<string>([
  "qtyToShip",
  "qtyToInvoice",
  "returnQtyToReceive",
  "description",
  "shipmentDate",
]);

export function newLine(h: SalesHeaderRow, lineNo: number): SalesLineRow {
  const l = defaultRow("salesLine");
  l.documentType = h.documentType;
  l.documentNo = h.no;
  l.lineNo = lineNo;
  l.sellToCustomerNo = h.sellToCustomerNo;
  l.billToCustomerNo = h.billToCustomerNo;
  l.genBusPostingGroup = h.genBusPostingGroup;
  l.vatBusPostingGroup = h.vatBusPostingGroup;
  l.locationCode = h.locationCode;
  l.shipmentDate = h.shipmentDate;
  l.requestedDeliveryDate = h.requestedDeliveryDate;
  l.promisedDeliveryDate = h.promisedDeliveryDate;
  l.customerPriceGroup = h.customerPriceGroup;
  l.customerDiscGroup = h.customerDiscGroup;
  l.allowLineDisc = h.allowLineDisc;
  return l;
}

function applyVatSetup(ctx: Ctx, l: SalesLineRow): void {
  const vat = getVatPostingSetup(ctx.repo, l.vatBusPostingGroup, l.vatProdPostingGroup, lineAt(l, "no"));
  l.vatPct = vat.vatCalculationType === "Full VAT" ? HUNDRED : vat.vatPct;
  l.vatCalculationType = vat.vatCalculationType;
  l.vatIdentifier = vat.vatIdentifier;
  if (vat.vatCalculationType === "Full VAT") l.allowInvoiceDisc = false;
}

/** Spec 3.3 CopyFromItem. */
function copyFromItem(ctx: Ctx, h: SalesHeaderRow, l: SalesLineRow, no: string): void {
  const item = ctx.repo.get("item", no);
  if (!item) lineFail(l, "no", `The Item does not exist. Identification fields and values: No.='${no}'`);
  if (item.blocked)
    lineFail(l, "no", `Blocked must be equal to 'No'  in Item: No.=${no}. Current value is 'Yes'.`);
  if (item.salesBlocked && !isCreditDoc(h.documentType)) {
    lineFail(
      l,
      "no",
      `You cannot sell Item ${no} because the Sales Blocked check box is selected on the Item card.`,
    );
  }
  if (!item.genProdPostingGroup)
    lineFail(
      l,
      "no",
      `Gen. Prod. Posting Group must have a value in Item: No.=${no}. It cannot be zero or empty.`,
    );
  l.no = item.no;
  l.description = item.description;
  l.postingGroup = item.type === "Inventory" ? item.inventoryPostingGroup : "";
  l.genProdPostingGroup = item.genProdPostingGroup;
  l.vatProdPostingGroup = item.vatProdPostingGroup;
  l.allowInvoiceDisc = item.allowInvoiceDisc;
  l.unitOfMeasureCode = item.salesUnitOfMeasure || item.baseUnitOfMeasure;
  l.qtyPerUnitOfMeasure = ONE;
  l.purchasingCode = item.purchasingCode;
  l.unitCostLcy = item.costingMethod === "Standard" ? item.standardCost : item.unitCost;
  l.unitCost = l.unitCostLcy;
  applyVatSetup(ctx, l);
  // The item card's price excludes VAT unless it says otherwise; convert to the document's basis.
  let price = item.unitPrice;
  if (h.pricesIncludingVat && !item.priceIncludesVat)
    price = roundUnitAmount(price.times(ONE.plus(l.vatPct.div(HUNDRED))));
  if (!h.pricesIncludingVat && item.priceIncludesVat)
    price = roundUnitAmount(price.div(ONE.plus(l.vatPct.div(HUNDRED))));
  l.unitPrice = price;
}

function copyFromGlAccount(ctx: Ctx, l: SalesLineRow, no: string): void {
  const acc = ctx.repo.get("glAccount", no);
  if (!acc)
    lineFail(l, "no", `The G/L Account does not exist. Identification fields and values: No.='${no}'`);
  if (acc.blocked)
    lineFail(l, "no", `Blocked must be equal to 'No'  in G/L Account: No.=${no}. Current value is 'Yes'.`);
  if (acc.accountType !== "Posting") {
    lineFail(
      l,
      "no",
      `Account Type must be equal to 'Posting'  in G/L Account: No.=${no}. Current value is '${acc.accountType}'.`,
    );
  }
  if (!acc.directPosting && !l.systemCreatedEntry) {
    lineFail(
      l,
      "no",
      `Direct Posting must be equal to 'Yes'  in G/L Account: No.=${no}. Current value is 'No'.`,
    );
  }
  l.no = acc.no;
  l.description = acc.name;
  l.genProdPostingGroup = acc.genProdPostingGroup;
  l.vatProdPostingGroup = acc.vatProdPostingGroup;
  l.allowInvoiceDisc = true;
  l.unitOfMeasureCode = "";
  l.unitCostLcy = ZERO;
  applyVatSetup(ctx, l);
}

/** Spec 6.1: Outstanding Quantity, Qty. to Ship and Qty. to Invoice after Quantity changes. */
export function initQuantities(ctx: Pick<Ctx, "repo">, l: SalesLineRow): void {
  l.quantityBase = l.quantity.times(l.qtyPerUnitOfMeasure);
  if (isCreditDoc(l.documentType)) {
    l.outstandingQuantity = l.quantity.minus(l.returnQtyReceived);
    l.returnQtyRcdNotInvd = l.returnQtyReceived.minus(l.quantityInvoiced);
    l.returnQtyToReceive =
      l.documentType === "Return Order" && getSalesSetup(ctx.repo).defaultQuantityToShip === "Blank"
        ? ZERO
        : l.outstandingQuantity;
    l.qtyToShip = ZERO;
    l.qtyToInvoice = l.returnQtyReceived.plus(l.returnQtyToReceive).minus(l.quantityInvoiced);
  } else {
    l.outstandingQuantity = l.quantity.minus(l.quantityShipped);
    l.qtyShippedNotInvoiced = l.quantityShipped.minus(l.quantityInvoiced);
    const blank = isOrderLike(l.documentType) && getSalesSetup(ctx.repo).defaultQuantityToShip === "Blank";
    l.qtyToShip =
      l.documentType === "Order" || l.documentType === "Invoice"
        ? blank
          ? ZERO
          : l.outstandingQuantity
        : ZERO;
    l.qtyToInvoice = maxQtyToInvoice(l);
  }
  l.completelyShipped = !l.quantity.isZero() && l.outstandingQuantity.isZero();
  updateInvDiscToInvoice(l);
}

/** Spec 6.1 MaxQtyToInvoice. */
export function maxQtyToInvoice(l: SalesLineRow): Dec {
  if (l.documentType === "Blanket Order" || l.documentType === "Quote")
    return l.quantity.minus(l.quantityInvoiced);
  if (isCreditDoc(l.documentType))
    return l.returnQtyReceived.plus(l.returnQtyToReceive).minus(l.quantityInvoiced);
  return l.quantityShipped.plus(l.qtyToShip).minus(l.quantityInvoiced);
}

export function updateInvDiscToInvoice(l: SalesLineRow): void {
  l.invDiscAmountToInvoice = l.quantity.isZero()
    ? ZERO
    : roundAmount(l.invDiscountAmount.times(l.qtyToInvoice).div(l.quantity));
}

const absGt = (a: Dec, b: Dec) => a.abs().gt(b.abs());
const oppositeSign = (a: Dec, b: Dec) => (a.gt(0) && b.lt(0)) || (a.lt(0) && b.gt(0));

/**
 * Sets one field on a line with the rules of its OnValidate trigger. Amount-affecting fields
 * recompute the line's amounts; quantity fields keep the quantity state machine of spec 6.1.
 */
/** Lets a caller setting many fields recalculate the line's amounts once, at the end. */
export interface DeferredAmounts {
  pending: boolean;
  keepDiscountAmount: boolean;
  /** The document's VAT-group totals when many lines are being added at once. */
  totals?: DocumentVatTotals;
}

export function finishDeferredAmounts(
  ctx: Ctx,
  h: SalesHeaderRow,
  l: SalesLineRow,
  d: DeferredAmounts,
): void {
  if (!d.pending) return;
  recalcLineAmounts(ctx.repo, h, l, d.keepDiscountAmount, d.totals);
  // Lines added in one go are priced after all their fields are set; the quantity is what a user changes.
  checkComputedLimits(l, "quantity");
  updateInvDiscToInvoice(l);
  d.pending = false;
}

export function setLineField(
  ctx: Ctx,
  h: SalesHeaderRow,
  l: SalesLineRow,
  field: string,
  value: Value,
  defer?: DeferredAmounts,
): void {
  if (h.status !== "Open" && !EDITABLE_WHEN_RELEASED.has(field)) testStatusOpen(h, field);
  const amountsChanged = () => {
    l.invDiscountAmount = ZERO;
    l.vatDifference = ZERO;
    if (defer) {
      defer.pending = true;
      defer.keepDiscountAmount = false;
      return;
    }
    recalcLineAmounts(ctx.repo, h, l);
    checkComputedLimits(l, field);
    updateInvDiscToInvoice(l);
  };
  switch (field) {
    case "type": {
      const t = value as SalesLineRow["type"];
      if (t !== " " && t !== "Item" && t !== "G/L Account") {
        lineFail(
          l,
          field,
          `Line type '${t}' is not supported yet; use Item, G/L Account or a comment line (" ").`,
        );
      }
      if (!l.quantityShipped.isZero() || !l.quantityInvoiced.isZero())
        lineFail(l, field, "You cannot change Type because the line has been shipped or invoiced.");
      l.type = t;
      return;
    }
    case "no": {
      const no = value as string;
      if (l.type === " ") {
        l.no = no;
        return;
      }
      if (!l.quantityShipped.isZero() || !l.quantityInvoiced.isZero())
        lineFail(l, field, "You cannot change No. because the line has been shipped or invoiced.");
      if (!no)
        lineFail(
          l,
          field,
          `No. must have a value in Sales Line: Document Type=${l.documentType}, Document No.=${l.documentNo}, Line No.=${l.lineNo}.`,
        );
      if (l.type === "Item") copyFromItem(ctx, h, l, no);
      else copyFromGlAccount(ctx, l, no);
      if (!l.quantity.isZero()) amountsChanged();
      return;
    }
    case "description":
      l.description = value as string;
      return;
    case "locationCode":
      if (value && !ctx.repo.get("location", value as string)) {
        lineFail(
          l,
          field,
          `The Location does not exist. Identification fields and values: Code='${String(value)}'`,
        );
      }
      l.locationCode = value as string;
      return;
    case "quantity": {
      const q = value as Dec;
      if (l.type === " " && !q.isZero())
        lineFail(l, field, "Type must not be   in Sales Line: a comment line cannot have a quantity.");
      const done = isCreditDoc(l.documentType) ? l.returnQtyReceived : l.quantityShipped;
      if (absGt(done, q) || oppositeSign(q, done)) {
        const caption = isCreditDoc(l.documentType) ? "Return Qty. Received" : "Quantity Shipped";
        lineFail(
          l,
          field,
          `Quantity must not be less than ${caption} (${done.toFixed()}) in Sales Line: Document Type=${l.documentType}, Document No.=${l.documentNo}, Line No.=${l.lineNo}.`,
        );
      }
      l.quantity = q;
      initQuantities(ctx, l);
      amountsChanged();
      return;
    }
    case "unitPrice":
      l.unitPrice = value as Dec;
      amountsChanged();
      return;
    case "unitCostLcy":
      l.unitCostLcy = value as Dec;
      l.unitCost = l.unitCostLcy;
      return;
    case "lineDiscountPct": {
      const pct = value as Dec;
      if (pct.lt(0) || pct.gt(100))
        lineFail(l, field, "The value in the Line Discount % field must be between 0 and 100.");
      l.lineDiscountPct = pct;
      amountsChanged();
      return;
    }
    case "lineDiscountAmount": {
      const lda = value as Dec;
      const gross = roundAmount(l.quantity.times(l.unitPrice));
      const pct = gross.isZero() ? ZERO : lda.div(gross).times(HUNDRED).toDecimalPlaces(5, D.ROUND_HALF_UP);
      if (pct.lt(0) || pct.gt(100))
        lineFail(l, field, "The value in the Line Discount % field must be between 0 and 100.");
      l.lineDiscountPct = pct;
      l.lineDiscountAmount = lda;
      l.invDiscountAmount = ZERO;
      l.vatDifference = ZERO;
      if (defer) {
        defer.pending = true;
        defer.keepDiscountAmount = true;
        return;
      }
      recalcLineAmounts(ctx.repo, h, l, true);
      updateInvDiscToInvoice(l);
      return;
    }
    case "lineAmount": {
      const amount = value as Dec;
      if (l.type === " " || l.quantity.isZero() || l.unitPrice.isZero()) {
        lineFail(l, field, "Line Amount can only be set on a line with a type, a quantity and a unit price.");
      }
      const gross = roundAmount(l.quantity.times(l.unitPrice));
      if (amount.gt(gross)) {
        lineFail(
          l,
          field,
          "You have set the line amount to a value that results in a discount that is not valid. Consider increasing the unit price instead.",
        );
      }
      setLineField(ctx, h, l, "lineDiscountAmount", gross.minus(amount), defer);
      return;
    }
    case "allowInvoiceDisc":
      l.allowInvoiceDisc = value as boolean;
      amountsChanged();
      return;
    case "qtyToShip": {
      const q = value as Dec;
      if (l.documentType === "Invoice" && !q.eq(l.quantity))
        lineFail(l, field, "Qty. to Ship must be equal to Quantity on an invoice.");
      if (l.documentType !== "Order" && l.documentType !== "Invoice")
        lineFail(l, field, `Qty. to Ship cannot be set on a ${l.documentType}.`);
      if (absGt(q, l.outstandingQuantity) || oppositeSign(q, l.outstandingQuantity)) {
        lineFail(l, field, `You cannot ship more than ${l.outstandingQuantity.toFixed()} units.`);
      }
      l.qtyToShip = q;
      l.qtyToInvoice = maxQtyToInvoice(l);
      updateInvDiscToInvoice(l);
      return;
    }
    case "returnQtyToReceive": {
      const q = value as Dec;
      if (!isCreditDoc(l.documentType))
        lineFail(l, field, `Return Qty. to Receive cannot be set on a ${l.documentType}.`);
      if (absGt(q, l.outstandingQuantity) || oppositeSign(q, l.outstandingQuantity)) {
        lineFail(l, field, `You cannot receive more than ${l.outstandingQuantity.toFixed()} units.`);
      }
      l.returnQtyToReceive = q;
      l.qtyToInvoice = maxQtyToInvoice(l);
      updateInvDiscToInvoice(l);
      return;
    }
    case "qtyToInvoice": {
      const q = value as Dec;
      const max = maxQtyToInvoice(l);
      if (absGt(q, max) || oppositeSign(q, l.quantity))
        lineFail(l, field, `You cannot invoice more than ${max.toFixed()} units.`);
      l.qtyToInvoice = q;
      updateInvDiscToInvoice(l);
      return;
    }
    case "applToItemEntry":
    case "applFromItemEntry": {
      const entryNo = value as number;
      if (entryNo !== 0) {
        const ile = ctx.repo.get("itemLedgerEntry", entryNo);
        if (!ile)
          lineFail(
            l,
            field,
            `The Item Ledger Entry does not exist. Identification fields and values: Entry No.='${entryNo}'`,
          );
        if (l.type !== "Item" || ile.itemNo !== l.no)
          lineFail(l, field, `Item ledger entry ${entryNo} is not for item ${l.no}.`);
      }
      (l as unknown as Record<string, Value>)[field] = entryNo;
      return;
    }
    default:
      (l as unknown as Record<string, Value>)[field] = value;
  }
}

export function saveLine(ctx: Ctx, l: SalesLineRow): void {
  ctx.repo.update("salesLine", [l.documentType, l.documentNo, l.lineNo], l);
}
