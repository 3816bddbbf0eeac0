import { table } from "./dsl.js";

const source = "sourceType:option=SourceType sourceNo:code sourceCode:code";

export const ledgerTables = [
  table(
    "glRegister",
    "no",
    `no:int fromEntryNo:int toEntryNo:int fromVatEntryNo:int toVatEntryNo:int creationDate:date sourceCode:code
     journalBatchName:code toCustLedgerEntryNo:int toDetailedCustLedgEntryNo:int toItemLedgerEntryNo:int
     toValueEntryNo:int toItemApplicationEntryNo:int hash:text`,
    { appendOnly: { mutable: [] } },
  ),
  // Ledgerpane's own: every G/L account a posting found in a reconciled role (receivables, inventory,
  // inventory interim), so the ledger checks still reconcile after the set-up is re-pointed.
  table("reconciliationAccount", "role,glAccountNo", "role:code glAccountNo:code", {
    appendOnly: { mutable: [] },
  }),
  table(
    "glEntry",
    "entryNo",
    `entryNo:int glAccountNo:code postingDate:date documentType:option=GenJournalDocumentType documentNo:code
     description:text balAccountNo:code amount:amount debitAmount:amount creditAmount:amount vatAmount:amount
     genPostingType:option=GeneralPostingType genBusPostingGroup:code genProdPostingGroup:code
     vatBusPostingGroup:code vatProdPostingGroup:code transactionNo:int ${source} externalDocumentNo:text
     documentDate:date reversed:bool reversedEntryNo:int reversedByEntryNo:int`,
    {
      appendOnly: { mutable: ["reversed", "reversedByEntryNo"] },
      indexes: [["glAccountNo", "postingDate"], ["documentNo"], ["transactionNo"]],
    },
  ),
  table(
    "vatEntry",
    "entryNo",
    `entryNo:int type:option=VatEntryType postingDate:date documentType:option=GenJournalDocumentType
     documentNo:code base:amount amount:amount vatCalculationType:option=VatCalculationType billToPayToNo:code
     genBusPostingGroup:code genProdPostingGroup:code vatBusPostingGroup:code vatProdPostingGroup:code
     transactionNo:int sourceCode:code documentDate:date externalDocumentNo:text closed:bool`,
    { appendOnly: { mutable: ["closed"] }, indexes: [["documentNo"]] },
  ),
  table(
    "custLedgerEntry",
    "entryNo",
    `entryNo:int customerNo:code postingDate:date documentType:option=GenJournalDocumentType documentNo:code
     description:text currencyCode:code salesLcy:amount profitLcy:amount invDiscountLcy:amount sellToCustomerNo:code
     customerPostingGroup:code salespersonCode:code open:bool positive:bool dueDate:date pmtDiscountDate:date
     originalPmtDiscPossible:amount remainingPmtDiscPossible:amount pmtDiscGivenLcy:amount closedByEntryNo:int
     closedAtDate:date closedByAmount:amount appliesToDocType:option=GenJournalDocumentType appliesToDocNo:code
     appliesToId:code amountToApply:amount transactionNo:int documentDate:date externalDocumentNo:text
     balAccountNo:code sourceCode:code paymentMethodCode:code`,
    {
      appendOnly: {
        mutable: [
          "open",
          "remainingPmtDiscPossible",
          "pmtDiscGivenLcy",
          "closedByEntryNo",
          "closedAtDate",
          "closedByAmount",
          "appliesToId",
          "amountToApply",
        ],
      },
      indexes: [["customerNo", "postingDate"], ["documentNo"]],
    },
  ),
  table(
    "detailedCustLedgEntry",
    "entryNo",
    `entryNo:int custLedgerEntryNo:int entryType:option=DetailedEntryType postingDate:date
     documentType:option=GenJournalDocumentType documentNo:code amount:amount amountLcy:amount customerNo:code
     currencyCode:code transactionNo:int appliedCustLedgerEntryNo:int initialEntryDueDate:date
     initialDocumentType:option=GenJournalDocumentType debitAmount:amount creditAmount:amount debitAmountLcy:amount
     creditAmountLcy:amount ledgerEntryAmount:bool unapplied:bool unappliedByEntryNo:int`,
    {
      appendOnly: { mutable: ["unapplied", "unappliedByEntryNo"] },
      indexes: [["custLedgerEntryNo"], ["customerNo", "postingDate"], ["documentNo"]],
    },
  ),
  table(
    "itemLedgerEntry",
    "entryNo",
    `entryNo:int itemNo:code postingDate:date entryType:option=ItemLedgerEntryType sourceNo:code documentNo:code
     documentType:option=ItemLedgerDocumentType documentLineNo:int description:text locationCode:code quantity:qty
     remainingQuantity:qty invoicedQuantity:qty appliesToEntry:int open:bool positive:bool sourceType:option=SourceType
     dropShipment:bool completelyInvoiced:bool lastInvoiceDate:date shippedQtyNotReturned:qty
     appliedEntryToAdjust:bool unitOfMeasureCode:code qtyPerUnitOfMeasure:qty!100000 documentDate:date
     externalDocumentNo:text orderNo:code orderLineNo:int`,
    {
      appendOnly: {
        mutable: [
          "remainingQuantity",
          "invoicedQuantity",
          "open",
          "completelyInvoiced",
          "lastInvoiceDate",
          "shippedQtyNotReturned",
          "appliedEntryToAdjust",
        ],
      },
      indexes: [["itemNo", "open", "positive", "postingDate"], ["documentNo"]],
    },
  ),
  table(
    "valueEntry",
    "entryNo",
    `entryNo:int itemNo:code postingDate:date itemLedgerEntryType:option=ItemLedgerEntryType sourceNo:code
     documentNo:code documentType:option=ItemLedgerDocumentType documentLineNo:int description:text locationCode:code
     inventoryPostingGroup:code sourcePostingGroup:code itemLedgerEntryNo:int valuedQuantity:qty
     itemLedgerEntryQuantity:qty invoicedQuantity:qty costPerUnit:unitAmount salesAmountActual:amount
     salesAmountExpected:amount costAmountActual:amount costAmountExpected:amount costPostedToGl:amount
     expectedCostPostedToGl:amount discountAmount:amount sourceType:option=SourceType sourceCode:code
     genBusPostingGroup:code genProdPostingGroup:code entryType:option=ValueEntryType adjustment:bool
     expectedCost:bool appliesToEntry:int valuationDate:date documentDate:date externalDocumentNo:text`,
    {
      appendOnly: { mutable: [] },
      indexes: [["itemLedgerEntryNo"], ["itemNo", "valuationDate"], ["documentNo"]],
    },
  ),
  table(
    "itemApplicationEntry",
    "entryNo",
    `entryNo:int itemLedgerEntryNo:int inboundItemEntryNo:int outboundItemEntryNo:int quantity:qty
     postingDate:date costApplication:bool`,
    { appendOnly: { mutable: [] }, indexes: [["inboundItemEntryNo"], ["outboundItemEntryNo"]] },
  ),
];
