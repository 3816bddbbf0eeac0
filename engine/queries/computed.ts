import type { ColumnKind } from "../db/columns.js";
import { exactSumSql } from "../db/exactSum.js";

/**
 * Business Central's FlowFields: values computed from detail rows at read time, never stored, so
 * a balance can never drift from the entries it sums. `t` is the row's table; `:workDate` is bound.
 */
export interface ComputedField {
  name: string;
  kind: ColumnKind;
  sql: string;
}

const sumOf = exactSumSql;

const dcle = (where: string, col = "amountLcy") => sumOf(`d."${col}"`, `"detailedCustLedgEntry" d`, where);
const lines = (table: string, col: string, where: string) => sumOf(`l."${col}"`, `"${table}" l`, where);

const itemDescription: ComputedField = {
  name: "itemDescription",
  kind: "text",
  sql: `(SELECT i."description" FROM "item" i WHERE i."no" = t."itemNo")`,
};

export const COMPUTED: Record<string, readonly ComputedField[]> = {
  customer: [
    { name: "balanceLcy", kind: "amount", sql: dcle(`d."customerNo" = t."no"`) },
    {
      name: "balanceDueLcy",
      kind: "amount",
      sql: dcle(`d."customerNo" = t."no" AND d."initialEntryDueDate" <= :workDate`),
    },
    {
      name: "outstandingOrdersLcy",
      kind: "amount",
      sql: lines(
        "salesLine",
        "outstandingAmountLcy",
        `l."documentType" = 'Order' AND l."billToCustomerNo" = t."no"`,
      ),
    },
    {
      name: "shippedNotInvoicedLcy",
      kind: "amount",
      sql: lines(
        "salesLine",
        "shippedNotInvoicedLcy",
        `l."documentType" = 'Order' AND l."billToCustomerNo" = t."no"`,
      ),
    },
    {
      name: "outstandingInvoicesLcy",
      kind: "amount",
      sql: lines(
        "salesLine",
        "outstandingAmountLcy",
        `l."documentType" = 'Invoice' AND l."billToCustomerNo" = t."no"`,
      ),
    },
    {
      name: "salesLcy",
      kind: "amount",
      sql: sumOf(`c."salesLcy"`, `"custLedgerEntry" c`, `c."customerNo" = t."no"`),
    },
    {
      name: "profitLcy",
      kind: "amount",
      sql: sumOf(`c."profitLcy"`, `"custLedgerEntry" c`, `c."customerNo" = t."no"`),
    },
  ],
  custLedgerEntry: [
    // BC's Customer Name on the entry: the name beside the number in ledger lists.
    {
      name: "customerName",
      kind: "text",
      sql: `(SELECT c."name" FROM "customer" c WHERE c."no" = t."customerNo")`,
    },
    {
      name: "amount",
      kind: "amount",
      sql: dcle(`d."custLedgerEntryNo" = t."entryNo" AND d."entryType" = 'Initial Entry'`, "amount"),
    },
    {
      name: "amountLcy",
      kind: "amount",
      sql: dcle(`d."custLedgerEntryNo" = t."entryNo" AND d."entryType" = 'Initial Entry'`),
    },
    {
      name: "originalAmount",
      kind: "amount",
      sql: dcle(`d."custLedgerEntryNo" = t."entryNo" AND d."entryType" = 'Initial Entry'`, "amount"),
    },
    {
      name: "originalAmtLcy",
      kind: "amount",
      sql: dcle(`d."custLedgerEntryNo" = t."entryNo" AND d."entryType" = 'Initial Entry'`),
    },
    { name: "remainingAmount", kind: "amount", sql: dcle(`d."custLedgerEntryNo" = t."entryNo"`, "amount") },
    { name: "remainingAmtLcy", kind: "amount", sql: dcle(`d."custLedgerEntryNo" = t."entryNo"`) },
  ],
  glEntry: [
    // BC's G/L Account Name (a FlowField on G/L Entry): the name beside the number in every list.
    {
      name: "glAccountName",
      kind: "text",
      sql: `(SELECT a."name" FROM "glAccount" a WHERE a."no" = t."glAccountNo")`,
    },
  ],
  // The item's description beside its number; the entry's own Description is the line's text.
  valueEntry: [itemDescription],
  glAccount: [
    { name: "balance", kind: "amount", sql: sumOf(`g."amount"`, `"glEntry" g`, `g."glAccountNo" = t."no"`) },
    {
      name: "balanceAtDate",
      kind: "amount",
      sql: sumOf(`g."amount"`, `"glEntry" g`, `g."glAccountNo" = t."no" AND g."postingDate" <= :workDate`),
    },
    {
      name: "netChange",
      kind: "amount",
      sql: sumOf(`g."amount"`, `"glEntry" g`, `g."glAccountNo" = t."no"`),
    },
  ],
  item: [
    {
      name: "inventory",
      kind: "qty",
      sql: sumOf(`e."quantity"`, `"itemLedgerEntry" e`, `e."itemNo" = t."no"`),
    },
    {
      name: "qtyOnSalesOrder",
      kind: "qty",
      sql: lines(
        "salesLine",
        "outstandingQuantity",
        `l."documentType" = 'Order' AND l."type" = 'Item' AND l."no" = t."no"`,
      ),
    },
  ],
  salesHeader: [
    {
      name: "amount",
      kind: "amount",
      sql: lines("salesLine", "amount", `l."documentType" = t."documentType" AND l."documentNo" = t."no"`),
    },
    {
      name: "amountIncludingVat",
      kind: "amount",
      sql: lines(
        "salesLine",
        "amountIncludingVat",
        `l."documentType" = t."documentType" AND l."documentNo" = t."no"`,
      ),
    },
    {
      name: "shipped",
      kind: "bool",
      sql: `EXISTS (SELECT 1 FROM "salesLine" l WHERE l."documentType" = t."documentType" AND l."documentNo" = t."no" AND l."quantityShipped" <> 0)`,
    },
    {
      name: "completelyShipped",
      kind: "bool",
      sql: `(EXISTS (SELECT 1 FROM "salesLine" l WHERE l."documentType" = t."documentType" AND l."documentNo" = t."no" AND l."type" <> ' ') AND NOT EXISTS (SELECT 1 FROM "salesLine" l WHERE l."documentType" = t."documentType" AND l."documentNo" = t."no" AND l."type" <> ' ' AND l."outstandingQuantity" <> 0))`,
    },
    {
      name: "shippedNotInvoiced",
      kind: "bool",
      sql: `EXISTS (SELECT 1 FROM "salesLine" l WHERE l."documentType" = t."documentType" AND l."documentNo" = t."no" AND l."qtyShippedNotInvoiced" <> 0)`,
    },
  ],
  salesInvoiceHeader: [
    { name: "amount", kind: "amount", sql: lines("salesInvoiceLine", "amount", `l."documentNo" = t."no"`) },
    {
      name: "amountIncludingVat",
      kind: "amount",
      sql: lines("salesInvoiceLine", "amountIncludingVat", `l."documentNo" = t."no"`),
    },
    {
      name: "remainingAmount",
      kind: "amount",
      sql: dcle(`d."custLedgerEntryNo" = t."custLedgerEntryNo"`, "amount"),
    },
    {
      name: "closed",
      kind: "bool",
      sql: `NOT EXISTS (SELECT 1 FROM "custLedgerEntry" c WHERE c."entryNo" = t."custLedgerEntryNo" AND c."open" = 1)`,
    },
  ],
  salesCrMemoHeader: [
    { name: "amount", kind: "amount", sql: lines("salesCrMemoLine", "amount", `l."documentNo" = t."no"`) },
    {
      name: "amountIncludingVat",
      kind: "amount",
      sql: lines("salesCrMemoLine", "amountIncludingVat", `l."documentNo" = t."no"`),
    },
    {
      name: "remainingAmount",
      kind: "amount",
      sql: dcle(`d."custLedgerEntryNo" = t."custLedgerEntryNo"`, "amount"),
    },
  ],
  itemLedgerEntry: [
    itemDescription,
    ...(["costAmountActual", "costAmountExpected", "salesAmountActual", "salesAmountExpected"] as const).map(
      (name) => ({
        name,
        kind: "amount" as const,
        sql: sumOf(`v."${name}"`, `"valueEntry" v`, `v."itemLedgerEntryNo" = t."entryNo"`),
      }),
    ),
  ],
};
