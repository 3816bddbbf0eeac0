import { table } from "./dsl.js";

/** Customer and address fields shared by sales headers and posted headers. */
export const headerPartyColumns = `sellToCustomerNo:code sellToCustomerName:text sellToAddress:text sellToCity:text
  sellToContact:text billToCustomerNo:code billToName:text billToAddress:text billToCity:text billToContact:text
  shipToCode:code shipToName:text shipToAddress:text shipToCity:text`;

/** Posting-relevant header fields shared by sales headers and posted headers. */
export const headerCommonColumns = `orderDate:date postingDate:date documentDate:date shipmentDate:date dueDate:date
  paymentTermsCode:code paymentDiscountPct:pct pmtDiscountDate:date paymentMethodCode:code locationCode:code
  customerPostingGroup:code genBusPostingGroup:code vatBusPostingGroup:code currencyCode:code
  pricesIncludingVat:bool invoiceDiscCode:code customerPriceGroup:code customerDiscGroup:code salespersonCode:code
  externalDocumentNo:text yourReference:text vatRegistrationNo:text invoiceDiscountCalculation:option=InvoiceDiscountCalculation
  invoiceDiscountValue:amount vatBaseDiscountPct:pct shippingAdvice:option=ShippingAdvice
  requestedDeliveryDate:date promisedDeliveryDate:date reasonCode:code dimensionSetId:int
  appliesToDocType:option=GenJournalDocumentType appliesToDocNo:code balAccountType:option=BalAccountType
  balAccountNo:code quoteNo:code correction:bool`;

/** Line fields shared by sales lines and posted lines. */
export const lineCommonColumns = `type:option=SalesLineType no:code description:text locationCode:code
  unitOfMeasureCode:code qtyPerUnitOfMeasure:qty!100000 quantity:qty unitPrice:unitAmount unitCostLcy:unitAmount
  lineDiscountPct:pct lineDiscountAmount:amount lineAmount:amount allowInvoiceDisc:bool invDiscountAmount:amount
  amount:amount amountIncludingVat:amount vatBaseAmount:amount vatPct:pct vatCalculationType:option=VatCalculationType
  vatIdentifier:code vatBusPostingGroup:code vatProdPostingGroup:code genBusPostingGroup:code genProdPostingGroup:code
  postingGroup:code sellToCustomerNo:code billToCustomerNo:code shipmentDate:date blanketOrderNo:code
  blanketOrderLineNo:int applToItemEntry:int applFromItemEntry:int dropShipment:bool systemCreatedEntry:bool
  returnReasonCode:code dimensionSetId:int`;

export const documentTables = [
  table(
    "salesHeader",
    "documentType,no",
    `documentType:option=SalesDocumentType no:code ${headerPartyColumns} ${headerCommonColumns}
     currencyFactor:pct status:option=SalesStatus ship:bool invoice:bool receive:bool postingNo:code shippingNo:code
     returnReceiptNo:code lastPostingNo:code lastShippingNo:code lastReturnReceiptNo:code noSeries:code
     postingNoSeries:code shippingNoSeries:code returnReceiptNoSeries:code appliesToId:code
     quoteValidUntilDate:date combineShipments:bool prepaymentPct:pct allowLineDisc:bool!1`,
  ),
  table(
    "salesLine",
    "documentType,documentNo,lineNo",
    `documentType:option=SalesDocumentType documentNo:code lineNo:int ${lineCommonColumns}
     quantityBase:qty outstandingQuantity:qty qtyToShip:qty quantityShipped:qty qtyToInvoice:qty quantityInvoiced:qty
     qtyShippedNotInvoiced:qty returnQtyToReceive:qty returnQtyReceived:qty returnQtyRcdNotInvd:qty
     completelyShipped:bool unitCost:unitAmount allowLineDisc:bool!1 invDiscAmountToInvoice:amount vatDifference:amount
     outstandingAmount:amount outstandingAmountLcy:amount shippedNotInvoiced:amount shippedNotInvoicedLcy:amount
     returnRcdNotInvd:amount returnRcdNotInvdLcy:amount shipmentNo:code shipmentLineNo:int returnReceiptNo:code
     returnReceiptLineNo:int purchaseOrderNo:code purchOrderLineNo:int specialOrder:bool purchasingCode:code
     attachedToLineNo:int requestedDeliveryDate:date promisedDeliveryDate:date plannedShipmentDate:date
     plannedDeliveryDate:date qtyToAssembleToOrder:qty customerPriceGroup:code customerDiscGroup:code
     taxGroupCode:code`,
  ),
];
