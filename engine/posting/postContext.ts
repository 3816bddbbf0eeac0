import type { Ctx } from "../api/context.js";
import type { SalesHeaderRow, SalesLineRow } from "../db/schema/rows.generated.js";
import type { Dec } from "../kernel/decimal.js";
import type { ItemPoster } from "../inventory/itemPoster.js";
import type { GlPoster } from "./glPoster.js";
import type { InvoicedAmounts } from "./invoicePostingBuffer.js";

/** What one run of Sales-Post knows about the document it posts. */
export interface SalesPostRun {
  ctx: Ctx;
  header: SalesHeaderRow;
  lines: SalesLineRow[];
  ship: boolean;
  invoice: boolean;
  /** Numbers drawn for this posting. */
  shipmentNo: string;
  invoiceNo: string;
  /** Per line: the quantities this posting ships and invoices (after capping, spec 6.2). */
  qtyToShip: Map<number, Dec>;
  qtyToInvoice: Map<number, Dec>;
  /** Per line: the invoiced part's amounts (spec 7.3). */
  invoiced: Map<number, InvoicedAmounts>;
  gl: GlPoster;
  items: ItemPoster;
  description: string;
}
