import { table } from "./dsl.js";
import { headerCommonColumns, headerPartyColumns, lineCommonColumns } from "./documents.js";

const postedHeader = `no:code ${headerPartyColumns} ${headerCommonColumns} orderNo:code preAssignedNo:code
  noSeries:code userId:code sourceCode:code`;
const postedLine = `documentNo:code lineNo:int ${lineCommonColumns} postingDate:date orderNo:code orderLineNo:int`;

// Posted documents never change, except the invoicing progress on shipment and receipt lines.
const frozen = { appendOnly: { mutable: [] as string[] } };

export const postedTables = [
  table("salesShipmentHeader", "no", postedHeader, frozen),
  table(
    "salesShipmentLine",
    "documentNo,lineNo",
    `${postedLine} quantityInvoiced:qty qtyShippedNotInvoiced:qty itemShptEntryNo:int`,
    { appendOnly: { mutable: ["quantityInvoiced", "qtyShippedNotInvoiced"] } },
  ),
  table(
    "salesInvoiceHeader",
    "no",
    `${postedHeader} custLedgerEntryNo:int invoiceDiscountAmount:amount`,
    frozen,
  ),
  table(
    "salesInvoiceLine",
    "documentNo,lineNo",
    `${postedLine} shipmentNo:code shipmentLineNo:int itemShptEntryNo:int`,
    frozen,
  ),
  table(
    "salesCrMemoHeader",
    "no",
    `${postedHeader} returnOrderNo:code custLedgerEntryNo:int appliesToInvoiceNo:code`,
    frozen,
  ),
  table(
    "salesCrMemoLine",
    "documentNo,lineNo",
    `${postedLine} returnReceiptNo:code returnReceiptLineNo:int itemRcptEntryNo:int`,
    frozen,
  ),
  table("returnReceiptHeader", "no", `${postedHeader} returnOrderNo:code`, frozen),
  table(
    "returnReceiptLine",
    "documentNo,lineNo",
    `${postedLine} returnOrderNo:code returnOrderLineNo:int quantityInvoiced:qty returnQtyRcdNotInvd:qty
     itemRcptEntryNo:int`,
    { appendOnly: { mutable: ["quantityInvoiced", "returnQtyRcdNotInvd"] } },
  ),
];
