import type { Ctx } from "../api/context.js";
import { fromScaled } from "../db/codec.js";
import { exactSumSql } from "../db/exactSum.js";
import type { SalesHeaderRow, SalesLineRow } from "../db/schema/rows.generated.js";
import { getSalesSetup } from "../setup/setupTables.js";

/** BC's Item-Check Avail. notification, word for word. */
export const stockoutWarning = (itemNo: string): string =>
  `The available inventory for item ${itemNo} is lower than the entered quantity at this location.`;

const QTY_SCALE = 5;

/**
 * Spec 22.1 / Sales & Receivables Setup "Stockout Warning": when a line asks for more of an inventory
 * item than the location will have on the line's shipment date, say so at the Quantity cell. Never
 * blocking. Projected available = inventory at the location − what open order lines shipping no later
 * need (BC's gross requirement; there are no scheduled receipts yet) − this line's outstanding quantity.
 * The lines are already stored when this runs, so this line is left out of the gross requirement.
 */
export function stockoutWarnings(ctx: Ctx, h: SalesHeaderRow, lines: readonly SalesLineRow[]): void {
  if (h.documentType !== "Order" && h.documentType !== "Invoice") return;
  if (!getSalesSetup(ctx.repo).stockoutWarning) return;
  for (const l of lines) {
    if (l.type !== "Item" || !l.no || l.dropShipment || !l.outstandingQuantity.gt(0)) continue;
    const item = ctx.repo.get("item", l.no);
    if (!item || item.type !== "Inventory") continue;
    const [inventory, demand] = ctx.db.all(
      `SELECT ${exactSumSql(`"quantity"`, `"itemLedgerEntry"`, `"itemNo" = ? AND "locationCode" = ?`)},
              ${exactSumSql(
                `"outstandingQuantity" * "qtyPerUnitOfMeasure" / 100000`,
                `"salesLine"`,
                `"documentType" = 'Order' AND "type" = 'Item' AND "no" = ? AND "locationCode" = ?
                 AND "dropShipment" = 0 AND "shipmentDate" <= ?
                 AND NOT ("documentType" = ? AND "documentNo" = ? AND "lineNo" = ?)`,
              )}`,
      [
        l.no,
        l.locationCode,
        l.no,
        l.locationCode,
        l.shipmentDate ?? h.shipmentDate ?? ctx.workDate,
        l.documentType,
        l.documentNo,
        l.lineNo,
      ],
    )[0]!;
    const need = l.outstandingQuantity.times(l.qtyPerUnitOfMeasure.isZero() ? 1 : l.qtyPerUnitOfMeasure);
    const available = fromScaled(inventory!, QTY_SCALE).minus(fromScaled(demand!, QTY_SCALE)).minus(need);
    if (available.gte(0)) continue;
    const message = stockoutWarning(l.no);
    if (!ctx.warnings.includes(message)) ctx.warnings.push(message);
    ctx.warningDetails.push({
      message,
      table: "salesLine",
      documentType: l.documentType,
      documentNo: l.documentNo,
      lineNo: l.lineNo,
      field: "quantity",
    });
  }
}
