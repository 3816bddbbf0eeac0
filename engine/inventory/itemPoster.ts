import type { Ctx } from "../api/context.js";
import { fromScaled } from "../db/codec.js";
import type { ItemLedgerEntryRow, ItemRow, ValueEntryRow } from "../db/schema/rows.generated.js";
import type { IsoDate } from "../kernel/dates.js";
import { ZERO, type Dec } from "../kernel/decimal.js";
import { fail, LedgerpaneError } from "../kernel/errors.js";
import { roundAmount, roundUnitAmount } from "../kernel/rounding.js";
import type { GlPoster } from "../posting/glPoster.js";
import { defaultRow } from "../setup/defaults.js";
import { getInventorySetup } from "../setup/setupTables.js";
import { applyInbound, planOutbound, writeOutboundApplications, type Application } from "./application.js";
import { postValueEntryToGl } from "./costPosting.js";

type EntryType = ItemLedgerEntryRow["entryType"];
type DocType = ItemLedgerEntryRow["documentType"];

/** One item journal line as posting builds it (spec 7.4); quantities carry the ledger's signs. */
export interface ItemJnlLine {
  itemNo: string;
  postingDate: IsoDate;
  entryType: EntryType;
  documentNo: string;
  documentType: DocType;
  documentLineNo: number;
  description?: string;
  locationCode: string;
  /** Signed item ledger quantity (negative for a sale); zero when invoicing an existing entry. */
  quantity: Dec;
  /** Signed invoiced quantity. */
  invoicedQuantity: Dec;
  /** Cost per unit of this posting (the sales line's unit cost, the purchase's direct cost). */
  unitCost: Dec;
  /** Sales amount excluding VAT: actual when invoiced, expected otherwise. */
  salesAmount: Dec;
  /** Line and invoice discount of the invoiced part (positive). */
  discountAmount: Dec;
  /** Where the value entry is filed when it differs from the item entry (an invoice of a shipment). */
  valueDocumentNo?: string;
  valueDocumentType?: DocType;
  sourceType: ItemLedgerEntryRow["sourceType"];
  sourceNo: string;
  genBusPostingGroup: string;
  genProdPostingGroup: string;
  inventoryPostingGroup: string;
  appliesToEntry?: number;
  /** Invoice an existing (shipped) item ledger entry instead of creating one. */
  itemShptEntryNo?: number;
  orderNo?: string;
  orderLineNo?: number;
  documentDate?: IsoDate | null;
  externalDocumentNo?: string;
}

/** What an item ledger entry and its value entries take alike from the journal line. */
function journalFields(jl: ItemJnlLine) {
  return {
    itemNo: jl.itemNo,
    postingDate: jl.postingDate,
    sourceType: jl.sourceType,
    sourceNo: jl.sourceNo,
    documentNo: jl.documentNo,
    documentType: jl.documentType,
    documentLineNo: jl.documentLineNo,
    description: jl.description ?? "",
    documentDate: jl.documentDate ?? null,
    externalDocumentNo: jl.externalDocumentNo ?? "",
  };
}

/**
 * The one writer of the item ledger, value entries and item application entries (codeunit 22's
 * part we need). Cost G/L goes through the G/L poster of the same posting. Entries touched here
 * are remembered for the cost adjustment that runs at the end of the posting.
 */
export class ItemPoster {
  private nextIle: number;
  private nextValue: number;
  readonly touchedOutbound = new Set<number>();
  /**
   * Outbound entries created by this posting, with their applications and the cost written to them:
   * what cost adjustment needs, without reading it back.
   */
  readonly fresh = new Map<
    number,
    { ile: ItemLedgerEntryRow; applications: Application[]; costActual: Dec; costExpected: Dec }
  >();
  /** Cost per unit of inbound entries read during this posting. */
  readonly inboundCost = new Map<number, Dec>();
  readonly touchedItems = new Set<string>();
  readonly inboundItems = new Set<string>();
  readonly createdEntries: number[] = [];
  private readonly items = new Map<string, ItemRow>();

  constructor(
    private readonly ctx: Ctx,
    readonly gl: GlPoster,
  ) {
    this.nextIle = ctx.repo.nextNo("itemLedgerEntry");
    this.nextValue = ctx.repo.nextNo("valueEntry");
  }

  item(no: string): ItemRow {
    let item = this.items.get(no);
    if (!item) {
      item = this.ctx.repo.get("item", no);
      if (!item)
        return fail("not_found", `The Item does not exist. Identification fields and values: No.='${no}'`);
      this.items.set(no, item);
    }
    return item;
  }

  private nextApplication = 0;

  nextApplicationEntryNo(): number {
    if (this.nextApplication === 0) this.nextApplication = this.ctx.repo.nextNo("itemApplicationEntry");
    return this.nextApplication++;
  }

  /** Posts one line; returns the item ledger entry it created or invoiced. */
  post(jl: ItemJnlLine): number {
    const item = this.item(jl.itemNo);
    this.touchedItems.add(item.no);
    if (jl.itemShptEntryNo) return this.invoiceExisting(item, jl);
    const repo = this.ctx.repo;
    const e = defaultRow("itemLedgerEntry");
    e.entryNo = this.nextIle++;
    Object.assign(e, journalFields(jl));
    e.entryType = jl.entryType;
    e.locationCode = jl.locationCode;
    e.quantity = jl.quantity;
    e.remainingQuantity = jl.quantity;
    e.invoicedQuantity = jl.invoicedQuantity;
    e.positive = jl.quantity.gt(0);
    e.open = true;
    e.completelyInvoiced = jl.invoicedQuantity.eq(jl.quantity);
    e.lastInvoiceDate = jl.invoicedQuantity.isZero() ? null : jl.postingDate;
    e.shippedQtyNotReturned = jl.entryType === "Sale" ? jl.quantity : ZERO;
    e.unitOfMeasureCode = item.baseUnitOfMeasure;
    e.appliesToEntry = jl.appliesToEntry ?? 0;
    e.orderNo = jl.orderNo ?? "";
    e.orderLineNo = jl.orderLineNo ?? 0;
    if (item.type !== "Inventory") {
      // Services and non-inventory items are recorded but hold no stock to apply against.
      e.remainingQuantity = ZERO;
      e.open = false;
      repo.insert("itemLedgerEntry", e);
    } else if (e.positive) {
      repo.insert("itemLedgerEntry", e);
      applyInbound(this.ctx, this, e);
      this.inboundItems.add(item.no);
    } else {
      const applications = planOutbound(this.ctx, e, item);
      if (!e.remainingQuantity.isZero() && getInventorySetup(repo).preventNegativeInventory) {
        throw new LedgerpaneError(
          "posting",
          `You have insufficient quantity of Item ${item.no} on inventory.`,
        );
      }
      repo.insert("itemLedgerEntry", e);
      writeOutboundApplications(this.ctx, this, e, applications);
      this.touchedOutbound.add(e.entryNo);
      this.fresh.set(e.entryNo, { ile: e, applications, costActual: ZERO, costExpected: ZERO });
    }
    this.createdEntries.push(e.entryNo);
    const costPerUnit = this.costPerUnit(item, jl, e.positive);
    const invoiced = !jl.invoicedQuantity.isZero();
    const cost = roundAmount(jl.quantity.times(costPerUnit));
    const v = this.newValueEntry(item, jl, e);
    v.valuedQuantity = jl.quantity;
    v.itemLedgerEntryQuantity = jl.quantity;
    v.invoicedQuantity = jl.invoicedQuantity;
    v.costPerUnit = costPerUnit;
    v.expectedCost = !invoiced;
    if (invoiced) {
      v.salesAmountActual = jl.salesAmount;
      v.costAmountActual = cost;
      v.documentNo = jl.valueDocumentNo ?? jl.documentNo;
      v.documentType = jl.valueDocumentType ?? jl.documentType;
    } else {
      v.salesAmountExpected = jl.salesAmount;
      v.costAmountExpected = cost;
    }
    v.discountAmount = e.entryType === "Sale" ? jl.discountAmount.neg() : jl.discountAmount;
    if (item.type !== "Inventory") {
      v.costAmountActual = ZERO;
      v.costAmountExpected = ZERO;
    }
    this.writeValueEntry(item, v);
    if (item.costingMethod === "Standard" && e.entryType === "Purchase" && item.type === "Inventory") {
      this.postPurchaseVariance(item, jl, e, cost);
    }
    return e.entryNo;
  }

  /** Spec 10.1: outbound Standard items and every inbound Standard adjustment use the standard cost. */
  private costPerUnit(item: ItemRow, jl: ItemJnlLine, positive: boolean): Dec {
    if (item.costingMethod !== "Standard") return jl.unitCost;
    if (positive && jl.entryType === "Purchase") return jl.unitCost;
    return item.standardCost;
  }

  /** A Standard item bought at another price: the difference to standard is a variance entry. */
  private postPurchaseVariance(item: ItemRow, jl: ItemJnlLine, e: ItemLedgerEntryRow, directCost: Dec): void {
    const variance = roundAmount(jl.quantity.times(item.standardCost)).minus(directCost);
    if (variance.isZero()) return;
    const v = this.newValueEntry(item, jl, e);
    v.entryType = "Variance";
    v.valuedQuantity = jl.quantity;
    v.invoicedQuantity = jl.invoicedQuantity;
    v.costPerUnit = roundUnitAmount(variance.div(jl.quantity));
    v.costAmountActual = variance;
    this.writeValueEntry(item, v);
  }

  /** Spec 7.4.1: invoicing an entry shipped earlier creates only a value entry on it. */
  private invoiceExisting(item: ItemRow, jl: ItemJnlLine): number {
    const repo = this.ctx.repo;
    const e = repo.get("itemLedgerEntry", jl.itemShptEntryNo!);
    if (!e) return fail("posting", "The shipment lines have been deleted.");
    const newInvoiced = e.invoicedQuantity.plus(jl.invoicedQuantity);
    if (newInvoiced.abs().gt(e.quantity.abs())) {
      fail(
        "posting",
        `Line ${jl.documentLineNo} of the shipment ${e.documentNo}, which you are attempting to invoice, has already been invoiced.`,
      );
    }
    const completely = newInvoiced.eq(e.quantity);
    // Expected amounts are reversed in proportion, and in full by the last invoice (CalcExpectedCost).
    const sums = repo.db.all(
      `SELECT COALESCE(SUM("salesAmountExpected"),0), COALESCE(SUM("costAmountExpected"),0) FROM "valueEntry" WHERE "itemLedgerEntryNo" = ?`,
      [BigInt(e.entryNo)],
    )[0]!;
    const expSales = fromScaled(sums[0] ?? 0n, 2);
    const expCost = fromScaled(sums[1] ?? 0n, 2);
    const share = (total: Dec) =>
      completely ? total.neg() : roundAmount(jl.invoicedQuantity.div(e.quantity).times(total)).neg();
    const costPerUnit = this.costPerUnit(item, jl, false);
    const v = this.newValueEntry(item, jl, e);
    v.documentNo = jl.valueDocumentNo ?? jl.documentNo;
    v.documentType = jl.valueDocumentType ?? jl.documentType;
    v.valuedQuantity = jl.invoicedQuantity;
    v.itemLedgerEntryQuantity = ZERO;
    v.invoicedQuantity = jl.invoicedQuantity;
    v.costPerUnit = costPerUnit;
    v.salesAmountActual = jl.salesAmount;
    v.salesAmountExpected = share(expSales);
    v.costAmountActual =
      item.type === "Inventory" ? roundAmount(jl.invoicedQuantity.times(costPerUnit)) : ZERO;
    v.costAmountExpected = share(expCost);
    v.discountAmount = jl.discountAmount.neg();
    v.expectedCost = false;
    this.writeValueEntry(item, v);
    repo.update("itemLedgerEntry", [e.entryNo], {
      invoicedQuantity: newInvoiced,
      completelyInvoiced: completely,
      lastInvoiceDate: jl.postingDate,
    });
    if (!e.positive) this.touchedOutbound.add(e.entryNo);
    const fresh = this.fresh.get(e.entryNo);
    if (fresh) {
      fresh.ile.invoicedQuantity = newInvoiced;
      fresh.ile.completelyInvoiced = completely;
    }
    return e.entryNo;
  }

  private newValueEntry(item: ItemRow, jl: ItemJnlLine, e: ItemLedgerEntryRow): ValueEntryRow {
    const v = defaultRow("valueEntry");
    v.entryNo = this.nextValue++;
    Object.assign(v, journalFields(jl));
    v.valuationDate = e.postingDate;
    v.itemLedgerEntryType = e.entryType;
    v.itemLedgerEntryNo = e.entryNo;
    v.locationCode = e.locationCode;
    v.inventoryPostingGroup = jl.inventoryPostingGroup;
    v.genBusPostingGroup = jl.genBusPostingGroup;
    v.genProdPostingGroup = jl.genProdPostingGroup;
    v.entryType = "Direct Cost";
    return v;
  }

  /** Writes a value entry together with its cost G/L (which sets the posted-to-G/L amounts first). */
  writeValueEntry(item: ItemRow, v: ValueEntryRow): void {
    postValueEntryToGl(this.ctx, this.gl, item, v);
    this.ctx.repo.insert("valueEntry", v);
    const fresh = this.fresh.get(v.itemLedgerEntryNo);
    if (fresh) {
      fresh.costActual = fresh.costActual.plus(v.costAmountActual);
      fresh.costExpected = fresh.costExpected.plus(v.costAmountExpected);
    }
    this.inboundCost.delete(v.itemLedgerEntryNo);
  }

  allocateValueEntryNo(): number {
    return this.nextValue++;
  }
}
