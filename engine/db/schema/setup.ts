import { table } from "./dsl.js";

const codeDesc = "code:code description:text";

export const setupTables = [
  table("unitOfMeasure", "code", codeDesc),
  table("genBusinessPostingGroup", "code", `${codeDesc} defVatBusPostingGroup:code>vatBusinessPostingGroup`),
  table("genProductPostingGroup", "code", `${codeDesc} defVatProdPostingGroup:code>vatProductPostingGroup`),
  table("vatBusinessPostingGroup", "code", codeDesc),
  table("vatProductPostingGroup", "code", codeDesc),
  table("inventoryPostingGroup", "code", codeDesc),
  table(
    "customerPostingGroup",
    "code",
    `${codeDesc} receivablesAccount:code>glAccount paymentDiscDebitAcc:code>glAccount
     paymentDiscCreditAcc:code>glAccount invoiceRoundingAccount:code>glAccount serviceChargeAcc:code>glAccount
     debitRoundingAccount:code>glAccount creditRoundingAccount:code>glAccount
     paymentToleranceDebitAcc:code>glAccount paymentToleranceCreditAcc:code>glAccount
     interestAccount:code>glAccount additionalFeeAccount:code>glAccount`,
  ),
  table(
    "generalPostingSetup",
    "genBusPostingGroup,genProdPostingGroup",
    `genBusPostingGroup:code>genBusinessPostingGroup genProdPostingGroup:code>genProductPostingGroup description:text
     salesAccount:code>glAccount salesCreditMemoAccount:code>glAccount salesLineDiscAccount:code>glAccount
     salesInvDiscAccount:code>glAccount salesPmtDiscDebitAcc:code>glAccount salesPmtDiscCreditAcc:code>glAccount
     salesPmtTolDebitAcc:code>glAccount salesPmtTolCreditAcc:code>glAccount salesPrepaymentsAccount:code>glAccount
     purchAccount:code>glAccount purchCreditMemoAccount:code>glAccount
     cogsAccount:code>glAccount cogsAccountInterim:code>glAccount inventoryAdjmtAccount:code>glAccount
     invtAccrualAccInterim:code>glAccount directCostAppliedAccount:code>glAccount
     purchaseVarianceAccount:code>glAccount blocked:bool`,
  ),
  table(
    "vatPostingSetup",
    "vatBusPostingGroup,vatProdPostingGroup",
    `vatBusPostingGroup:code>vatBusinessPostingGroup vatProdPostingGroup:code>vatProductPostingGroup description:text
     vatCalculationType:option=VatCalculationType vatPct:pct vatIdentifier:code
     salesVatAccount:code>glAccount salesVatUnrealAccount:code>glAccount purchaseVatAccount:code>glAccount
     reverseChrgVatAcc:code>glAccount adjustForPaymentDiscount:bool vatClauseCode:code blocked:bool`,
  ),
  table(
    "inventoryPostingSetup",
    "locationCode,invtPostingGroupCode",
    `locationCode:code>location invtPostingGroupCode:code>inventoryPostingGroup description:text
     inventoryAccount:code>glAccount inventoryAccountInterim:code>glAccount`,
  ),
  table(
    "paymentTerms",
    "code",
    `${codeDesc} dueDateCalculation:dateFormula discountDateCalculation:dateFormula discountPct:pct
     calcPmtDiscOnCrMemos:bool`,
  ),
  // A number series with its one line flattened in (BC keeps the lines in a child table).
  table(
    "noSeries",
    "code",
    `${codeDesc} startingNo:code endingNo:code warningNo:code incrementByNo:int!1 lastNoUsed:code
     lastDateUsed:date defaultNos:bool!1 manualNos:bool!1 dateOrder:bool`,
  ),
  table(
    "salesReceivablesSetup",
    "primaryKey",
    `primaryKey:code discountPosting:option=DiscountPosting creditWarnings:option=CreditWarnings
     stockoutWarning:bool shipmentOnInvoice:bool returnReceiptOnCreditMemo:bool invoiceRounding:bool
     extDocNoMandatory:bool calcInvDiscount:bool calcInvDiscPerVatId:bool defaultPostingDate:option=DefaultPostingDate
     defaultQuantityToShip:option=DefaultQuantityToShip exactCostReversingMandatory:bool linkDocDateToPostingDate:bool
     copyLineDescrToGlEntry:bool allowVatDifference:bool quoteValidityCalculation:dateFormula
     archiveQuotes:option=ArchivePolicy archiveOrders:bool archiveBlanketOrders:bool archiveReturnOrders:bool
     copyCommentsBlanketToOrder:bool copyCommentsOrderToInvoice:bool copyCommentsOrderToShpt:bool
     customerNos:code>noSeries quoteNos:code>noSeries orderNos:code>noSeries invoiceNos:code>noSeries
     postedInvoiceNos:code>noSeries creditMemoNos:code>noSeries postedCreditMemoNos:code>noSeries
     postedShipmentNos:code>noSeries blanketOrderNos:code>noSeries returnOrderNos:code>noSeries
     postedReturnReceiptNos:code>noSeries`,
    { singleton: true },
  ),
  table(
    "inventorySetup",
    "primaryKey",
    `primaryKey:code automaticCostPosting:bool expectedCostPostingToGl:bool
     automaticCostAdjustment:option=AutomaticCostAdjustment averageCostCalcType:option=AverageCostCalcType
     averageCostPeriod:option=AverageCostPeriod locationMandatory:bool preventNegativeInventory:bool
     itemNos:code>noSeries outboundWhseHandlingTime:dateFormula inboundWhseHandlingTime:dateFormula`,
    { singleton: true },
  ),
  table(
    "generalLedgerSetup",
    "primaryKey",
    `primaryKey:code allowPostingFrom:date allowPostingTo:date amountRoundingPrecision:unitAmount!1000
     unitAmountRoundingPrecision:unitAmount!1 vatRoundingType:option=RoundingType
     invoiceRoundingPrecision:unitAmount!1000 invoiceRoundingType:option=RoundingType pmtDiscExclVat:bool
     adjustForPaymentDisc:bool paymentDiscountGracePeriod:dateFormula vatTolerancePct:pct
     maxVatDifferenceAllowed:amount markCrMemosAsCorrections:bool lcyCode:code`,
    { singleton: true },
  ),
  table("location", "code", "code:code name:text address:text city:text"),
  table(
    "custInvoiceDisc",
    "code,currencyCode,minimumAmount",
    "code:code currencyCode:code minimumAmount:amount discountPct:pct serviceCharge:amount",
  ),
];
