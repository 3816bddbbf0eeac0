import type { FieldKind } from "./cell-values.js";

/**
 * What each sheet shows: its columns, which engine field each holds, and whether the user edits it
 * (input), the engine computes it (computed), or it identifies the row (key). Headers use Business
 * Central's captions so a BC user recognises them.
 */
export interface SheetColumn {
  header: string;
  field: string;
  kind: FieldKind;
  role: "key" | "input" | "computed" | "status";
  numberFormat?: string;
  list?: string;
}

export const AMOUNT = "#,##0.00";
export const UNIT_AMOUNT = "#,##0.00###";
export const TEXT = "@";
export const DATE = "yyyy-mm-dd";

/** Table names are workbook-wide; ours start with `lp` so they never clash with the user's. */
export const CUSTOMERS_LIST = '=INDIRECT("lpCustomers[No.]")';
export const ITEMS_LIST = '=INDIRECT("lpItems[No.]")';

const status: SheetColumn = { header: "Status", field: "status", kind: "text", role: "status" };

export interface MasterLayout {
  kind: "customers" | "items";
  sheet: string;
  table: string;
  engineTable: "customer" | "item";
  columns: SheetColumn[];
}

export const CUSTOMERS: MasterLayout = {
  kind: "customers",
  sheet: "Customers",
  table: "lpCustomers",
  engineTable: "customer",
  columns: [
    { header: "No.", field: "no", kind: "code", role: "key", numberFormat: TEXT },
    { header: "Name", field: "name", kind: "text", role: "input", numberFormat: TEXT },
    { header: "Address", field: "address", kind: "text", role: "input", numberFormat: TEXT },
    { header: "City", field: "city", kind: "text", role: "input", numberFormat: TEXT },
    {
      header: "Customer Posting Group",
      field: "customerPostingGroup",
      kind: "code",
      role: "input",
      numberFormat: TEXT,
    },
    {
      header: "Gen. Bus. Posting Group",
      field: "genBusPostingGroup",
      kind: "code",
      role: "input",
      numberFormat: TEXT,
    },
    {
      header: "VAT Bus. Posting Group",
      field: "vatBusPostingGroup",
      kind: "code",
      role: "input",
      numberFormat: TEXT,
    },
    {
      header: "Payment Terms Code",
      field: "paymentTermsCode",
      kind: "code",
      role: "input",
      numberFormat: TEXT,
    },
    {
      header: "Credit Limit (LCY)",
      field: "creditLimitLcy",
      kind: "decimal",
      role: "input",
      numberFormat: AMOUNT,
    },
    { header: "Blocked", field: "blocked", kind: "option", role: "input", list: " ,Ship,Invoice,All" },
    { header: "Balance (LCY)", field: "balanceLcy", kind: "decimal", role: "computed", numberFormat: AMOUNT },
    status,
  ],
};

export const ITEMS: MasterLayout = {
  kind: "items",
  sheet: "Items",
  table: "lpItems",
  engineTable: "item",
  columns: [
    { header: "No.", field: "no", kind: "code", role: "key", numberFormat: TEXT },
    { header: "Description", field: "description", kind: "text", role: "input", numberFormat: TEXT },
    {
      header: "Base Unit of Measure",
      field: "baseUnitOfMeasure",
      kind: "code",
      role: "input",
      numberFormat: TEXT,
    },
    { header: "Unit Price", field: "unitPrice", kind: "decimal", role: "input", numberFormat: UNIT_AMOUNT },
    { header: "Unit Cost", field: "unitCost", kind: "decimal", role: "input", numberFormat: UNIT_AMOUNT },
    {
      header: "Costing Method",
      field: "costingMethod",
      kind: "option",
      role: "input",
      list: "FIFO,LIFO,Average,Standard,Specific",
    },
    {
      header: "Gen. Prod. Posting Group",
      field: "genProdPostingGroup",
      kind: "code",
      role: "input",
      numberFormat: TEXT,
    },
    {
      header: "VAT Prod. Posting Group",
      field: "vatProdPostingGroup",
      kind: "code",
      role: "input",
      numberFormat: TEXT,
    },
    {
      header: "Inventory Posting Group",
      field: "inventoryPostingGroup",
      kind: "code",
      role: "input",
      numberFormat: TEXT,
    },
    { header: "Inventory", field: "inventory", kind: "decimal", role: "computed" },
    status,
  ],
};

export const MASTER_LAYOUTS = [CUSTOMERS, ITEMS];

/** The lines table of a sales document sheet. */
export const LINE_COLUMNS: SheetColumn[] = [
  { header: "Line No.", field: "lineNo", kind: "int", role: "key" },
  { header: "Type", field: "type", kind: "option", role: "input", list: "Item,G/L Account" },
  { header: "No.", field: "no", kind: "code", role: "input", numberFormat: TEXT, list: ITEMS_LIST },
  { header: "Description", field: "description", kind: "text", role: "input", numberFormat: TEXT },
  { header: "Quantity", field: "quantity", kind: "decimal", role: "input" },
  { header: "Unit Price", field: "unitPrice", kind: "decimal", role: "input", numberFormat: UNIT_AMOUNT },
  { header: "Line Discount %", field: "lineDiscountPct", kind: "decimal", role: "input" },
  { header: "Qty. to Ship", field: "qtyToShip", kind: "decimal", role: "input" },
  { header: "Qty. to Invoice", field: "qtyToInvoice", kind: "decimal", role: "input" },
  { header: "Line Amount", field: "lineAmount", kind: "decimal", role: "computed", numberFormat: AMOUNT },
  { header: "VAT %", field: "vatPct", kind: "decimal", role: "computed" },
  {
    header: "Amount Incl. VAT",
    field: "amountIncludingVat",
    kind: "decimal",
    role: "computed",
    numberFormat: AMOUNT,
  },
  { header: "Qty. Shipped", field: "quantityShipped", kind: "decimal", role: "computed" },
  { header: "Qty. Invoiced", field: "quantityInvoiced", kind: "decimal", role: "computed" },
  status,
];

/** Header fields above the lines: a caption in column A, the value in column B. */
export interface HeaderField {
  label: string;
  field: string;
  kind: FieldKind;
  role: "key" | "input" | "computed" | "status";
  numberFormat?: string;
  list?: string;
}

export const HEADER_FIELDS: HeaderField[] = [
  { label: "Document Type", field: "documentType", kind: "option", role: "key" },
  { label: "No.", field: "no", kind: "code", role: "key", numberFormat: TEXT },
  {
    label: "Sell-to Customer No.",
    field: "sellToCustomerNo",
    kind: "code",
    role: "input",
    numberFormat: TEXT,
    list: CUSTOMERS_LIST,
  },
  {
    label: "Sell-to Customer Name",
    field: "sellToCustomerName",
    kind: "text",
    role: "computed",
    numberFormat: TEXT,
  },
  { label: "Posting Date", field: "postingDate", kind: "date", role: "input", numberFormat: DATE },
  { label: "Document Date", field: "documentDate", kind: "date", role: "input", numberFormat: DATE },
  {
    label: "External Document No.",
    field: "externalDocumentNo",
    kind: "text",
    role: "input",
    numberFormat: TEXT,
  },
  { label: "Status", field: "status", kind: "text", role: "computed" },
  { label: "Amount", field: "amount", kind: "decimal", role: "computed", numberFormat: AMOUNT },
  {
    label: "Amount Incl. VAT",
    field: "amountIncludingVat",
    kind: "decimal",
    role: "computed",
    numberFormat: AMOUNT,
  },
  { label: "Check", field: "check", kind: "text", role: "status" },
];

/** Row of the first header field; row 0 holds the title. The lines table starts two rows below. */
export const HEADER_FIRST_ROW = 1;
export const LINES_TOP_ROW = HEADER_FIRST_ROW + HEADER_FIELDS.length + 1;

export interface LedgerLayout {
  sheet: string;
  table: string;
  engineTable: string;
  columns: SheetColumn[];
}

// Free text is text-formatted: Excel would take "-20% promo" in a General cell for a formula.
const c = (
  header: string,
  field: string,
  kind: FieldKind = "text",
  numberFormat = kind === "text" ? TEXT : undefined,
): SheetColumn => ({
  header,
  field,
  kind,
  role: "computed",
  ...(numberFormat ? { numberFormat } : {}),
});

export const LEDGERS: LedgerLayout[] = [
  {
    sheet: "General Ledger Entries",
    table: "lpGlEntries",
    engineTable: "glEntry",
    columns: [
      c("Entry No.", "entryNo", "int"),
      c("Posting Date", "postingDate", "date", DATE),
      c("Document Type", "documentType", "option"),
      c("Document No.", "documentNo", "code", TEXT),
      c("G/L Account No.", "glAccountNo", "code", TEXT),
      c("G/L Account Name", "glAccountName"),
      c("Description", "description"),
      c("Amount", "amount", "decimal", AMOUNT),
      c("Debit Amount", "debitAmount", "decimal", AMOUNT),
      c("Credit Amount", "creditAmount", "decimal", AMOUNT),
      c("VAT Amount", "vatAmount", "decimal", AMOUNT),
      c("Transaction No.", "transactionNo", "int"),
    ],
  },
  {
    sheet: "Customer Ledger Entries",
    table: "lpCustLedgerEntries",
    engineTable: "custLedgerEntry",
    columns: [
      c("Entry No.", "entryNo", "int"),
      c("Posting Date", "postingDate", "date", DATE),
      c("Document Type", "documentType", "option"),
      c("Document No.", "documentNo", "code", TEXT),
      c("Customer No.", "customerNo", "code", TEXT),
      c("Customer Name", "customerName"),
      c("Description", "description"),
      c("Amount", "amount", "decimal", AMOUNT),
      c("Remaining Amount", "remainingAmount", "decimal", AMOUNT),
      c("Sales (LCY)", "salesLcy", "decimal", AMOUNT),
      c("Profit (LCY)", "profitLcy", "decimal", AMOUNT),
      c("Due Date", "dueDate", "date", DATE),
      c("Open", "open", "bool"),
    ],
  },
  {
    sheet: "Item Ledger Entries",
    table: "lpItemLedgerEntries",
    engineTable: "itemLedgerEntry",
    columns: [
      c("Entry No.", "entryNo", "int"),
      c("Posting Date", "postingDate", "date", DATE),
      c("Entry Type", "entryType", "option"),
      c("Document Type", "documentType", "option"),
      c("Document No.", "documentNo", "code", TEXT),
      c("Item No.", "itemNo", "code", TEXT),
      c("Item Description", "itemDescription"),
      c("Quantity", "quantity", "decimal"),
      c("Remaining Quantity", "remainingQuantity", "decimal"),
      c("Invoiced Quantity", "invoicedQuantity", "decimal"),
      c("Sales Amount (Actual)", "salesAmountActual", "decimal", AMOUNT),
      c("Cost Amount (Actual)", "costAmountActual", "decimal", AMOUNT),
      c("Open", "open", "bool"),
    ],
  },
  {
    sheet: "VAT Entries",
    table: "lpVatEntries",
    engineTable: "vatEntry",
    columns: [
      c("Entry No.", "entryNo", "int"),
      c("Posting Date", "postingDate", "date", DATE),
      c("Document Type", "documentType", "option"),
      c("Document No.", "documentNo", "code", TEXT),
      c("Type", "type", "option"),
      c("VAT Prod. Posting Group", "vatProdPostingGroup", "code", TEXT),
      c("Base", "base", "decimal", AMOUNT),
      c("Amount", "amount", "decimal", AMOUNT),
      c("Bill-to/Pay-to No.", "billToPayToNo", "code", TEXT),
    ],
  },
];

/** BC's Chart of Accounts page, read-only; no Totaling column until the schema has one. */
export const CHART_OF_ACCOUNTS: LedgerLayout = {
  sheet: "Chart of Accounts",
  table: "lpChartOfAccounts",
  engineTable: "glAccount",
  columns: [
    c("No.", "no", "code", TEXT),
    c("Name", "name"),
    c("Account Type", "accountType", "option"),
    c("Income/Balance", "incomeBalance", "option"),
    c("Net Change", "netChange", "decimal", AMOUNT),
    c("Balance", "balance", "decimal", AMOUNT),
  ],
};

/** BC's Trial Balance for a date range; the rows come from the engine's `trialBalance` command. */
export const TRIAL_BALANCE: LedgerLayout = {
  sheet: "Trial Balance",
  table: "lpTrialBalance",
  engineTable: "trialBalance",
  columns: [
    c("No.", "no", "code", TEXT),
    c("Name", "name"),
    c("Account Type", "accountType", "option"),
    c("Income/Balance", "incomeBalance", "option"),
    c("Opening Balance", "opening", "decimal", AMOUNT),
    c("Debit Amount", "debit", "decimal", AMOUNT),
    c("Credit Amount", "credit", "decimal", AMOUNT),
    c("Net Change", "netChange", "decimal", AMOUNT),
    c("Closing Balance", "closing", "decimal", AMOUNT),
  ],
};

export interface DocumentRef {
  documentType: string;
  no: string;
}

/** Excel forbids `[]:*?/\` in sheet names and allows 31 characters. */
export function documentSheetName(doc: DocumentRef): string {
  return `${doc.documentType} ${doc.no}`.replace(/[[\]:*?/\\]/g, "-").slice(0, 31);
}

/** Table names: letters, digits and underscores, unique in the workbook. */
export function documentTableName(doc: DocumentRef): string {
  return `lpLines_${doc.documentType}_${doc.no}`.replace(/[^A-Za-z0-9_]/g, "_");
}

export function documentTitle(doc: DocumentRef): string {
  return `Sales ${doc.documentType} ${doc.no}`;
}
