import type { SalesHeaderRow } from "../db/schema/rows.generated.js";

export type SalesDocumentType = SalesHeaderRow["documentType"];

/** Spec 3.1 IsCreditDocType. */
export function isCreditDoc(t: SalesDocumentType): boolean {
  return t === "Credit Memo" || t === "Return Order";
}

/** Documents whose lines carry their own shipping state (quantities to ship, shipped, invoiced). */
export function isOrderLike(t: SalesDocumentType): boolean {
  return t === "Order" || t === "Return Order";
}

/** The Sales & Receivables Setup field holding each document type's number series. */
export const DOCUMENT_NOS_FIELD = {
  Quote: "quoteNos",
  Order: "orderNos",
  Invoice: "invoiceNos",
  "Credit Memo": "creditMemoNos",
  "Blanket Order": "blanketOrderNos",
  "Return Order": "returnOrderNos",
} as const satisfies Record<SalesDocumentType, string>;

export function docLabel(h: Pick<SalesHeaderRow, "documentType" | "no">): string {
  return `Sales ${h.documentType} ${h.no}`;
}
