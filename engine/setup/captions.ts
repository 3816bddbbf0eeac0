/**
 * Business Central's English captions for the fields and tables that appear in messages. Account
 * fields of the posting groups and posting setups are all listed explicitly (a test checks that every
 * G/L account column of those tables has one); other fields fall back to a caption derived from the
 * lowerCamelCase name.
 */

/** Every G/L account field of Customer Posting Group, General/VAT/Inventory Posting Setup. */
export const ACCOUNT_FIELD_CAPTIONS: Readonly<Record<string, string>> = {
  // Customer Posting Group (table 92)
  receivablesAccount: "Receivables Account",
  paymentDiscDebitAcc: "Payment Disc. Debit Acc.",
  paymentDiscCreditAcc: "Payment Disc. Credit Acc.",
  invoiceRoundingAccount: "Invoice Rounding Account",
  serviceChargeAcc: "Service Charge Acc.",
  debitRoundingAccount: "Debit Rounding Account",
  creditRoundingAccount: "Credit Rounding Account",
  paymentToleranceDebitAcc: "Payment Tolerance Debit Acc.",
  paymentToleranceCreditAcc: "Payment Tolerance Credit Acc.",
  interestAccount: "Interest Account",
  additionalFeeAccount: "Additional Fee Account",
  // General Posting Setup (table 252)
  salesAccount: "Sales Account",
  salesCreditMemoAccount: "Sales Credit Memo Account",
  salesLineDiscAccount: "Sales Line Disc. Account",
  salesInvDiscAccount: "Sales Inv. Disc. Account",
  salesPmtDiscDebitAcc: "Sales Pmt. Disc. Debit Acc.",
  salesPmtDiscCreditAcc: "Sales Pmt. Disc. Credit Acc.",
  salesPmtTolDebitAcc: "Sales Pmt. Tol. Debit Acc.",
  salesPmtTolCreditAcc: "Sales Pmt. Tol. Credit Acc.",
  salesPrepaymentsAccount: "Sales Prepayments Account",
  purchAccount: "Purch. Account",
  purchCreditMemoAccount: "Purch. Credit Memo Account",
  cogsAccount: "COGS Account",
  cogsAccountInterim: "COGS Account (Interim)",
  inventoryAdjmtAccount: "Inventory Adjmt. Account",
  invtAccrualAccInterim: "Invt. Accrual Acc. (Interim)",
  directCostAppliedAccount: "Direct Cost Applied Account",
  purchaseVarianceAccount: "Purchase Variance Account",
  // VAT Posting Setup (table 325)
  salesVatAccount: "Sales VAT Account",
  salesVatUnrealAccount: "Sales VAT Unreal. Account",
  purchaseVatAccount: "Purchase VAT Account",
  reverseChrgVatAcc: "Reverse Chrg. VAT Acc.",
  // Inventory Posting Setup (table 5813)
  inventoryAccount: "Inventory Account",
  inventoryAccountInterim: "Inventory Account (Interim)",
};

/** Other fields whose Business Central caption is not what the generic rule would derive. */
export const FIELD_CAPTIONS: Readonly<Record<string, string>> = {
  ...ACCOUNT_FIELD_CAPTIONS,
  no: "No.",
  code: "Code",
  primaryKey: "Primary Key",
  genBusPostingGroup: "Gen. Bus. Posting Group",
  genProdPostingGroup: "Gen. Prod. Posting Group",
  vatBusPostingGroup: "VAT Bus. Posting Group",
  vatProdPostingGroup: "VAT Prod. Posting Group",
  defVatBusPostingGroup: "Def. VAT Bus. Posting Group",
  defVatProdPostingGroup: "Def. VAT Prod. Posting Group",
  invtPostingGroupCode: "Invt. Posting Group Code",
  billToCustomerNo: "Bill-to Customer No.",
  baseUnitOfMeasure: "Base Unit of Measure",
  salesUnitOfMeasure: "Sales Unit of Measure",
  creditLimitLcy: "Credit Limit (LCY)",
  prepaymentPct: "Prepayment %",
  vatPct: "VAT %",
  vatIdentifier: "VAT Identifier",
  vatCalculationType: "VAT Calculation Type",
  discountPct: "Discount %",
  vatTolerancePct: "VAT Tolerance %",
  maxVatDifferenceAllowed: "Max. VAT Difference Allowed",
  amountRoundingPrecision: "Amount Rounding Precision",
  unitAmountRoundingPrecision: "Unit-Amount Rounding Precision",
  invoiceRoundingPrecision: "Inv. Rounding Precision (LCY)",
  invoiceRoundingType: "Inv. Rounding Type (LCY)",
  lcyCode: "LCY Code",
  incrementByNo: "Increment-by No.",
  eMail: "E-Mail",
  glAccountNo: "G/L Account No.",
  customerNos: "Customer Nos.",
  quoteNos: "Quote Nos.",
  orderNos: "Order Nos.",
  invoiceNos: "Invoice Nos.",
  postedInvoiceNos: "Posted Invoice Nos.",
  creditMemoNos: "Credit Memo Nos.",
  postedCreditMemoNos: "Posted Credit Memo Nos.",
  postedShipmentNos: "Posted Shipment Nos.",
  blanketOrderNos: "Blanket Order Nos.",
  returnOrderNos: "Return Order Nos.",
  postedReturnReceiptNos: "Posted Return Receipt Nos.",
  itemNos: "Item Nos.",
};

const WORDS: Readonly<Record<string, string>> = {
  Vat: "VAT",
  Lcy: "(LCY)",
  Pct: "%",
  Gl: "G/L",
  Cogs: "COGS",
};

/** Business Central's caption of a field: `salesVatAccount` → "Sales VAT Account", `billToCustomerNo` → "Bill-to Customer No.". */
export function fieldCaption(field: string): string {
  const known = FIELD_CAPTIONS[field];
  if (known !== undefined) return known;
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(" ")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .map((w, i) => (i > 0 && w === "Of" ? "of" : (WORDS[w] ?? w)));
  if (words[words.length - 1] === "No") words[words.length - 1] = "No.";
  return words.join(" ");
}

/** Business Central's caption of a table: `generalPostingSetup` → "General Posting Setup". */
export const TABLE_CAPTIONS: Readonly<Record<string, string>> = {
  glAccount: "G/L Account",
  customerPostingGroup: "Customer Posting Group",
  generalPostingSetup: "General Posting Setup",
  vatPostingSetup: "VAT Posting Setup",
  inventoryPostingSetup: "Inventory Posting Setup",
  salesReceivablesSetup: "Sales & Receivables Setup",
  inventorySetup: "Inventory Setup",
  generalLedgerSetup: "General Ledger Setup",
  noSeries: "No. Series",
  custInvoiceDisc: "Cust. Invoice Disc.",
};

export function tableCaption(table: string): string {
  return TABLE_CAPTIONS[table] ?? fieldCaption(table);
}
