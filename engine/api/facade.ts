import type { Engine } from "./engine.js";
import { errorToJson } from "./engine.js";
import { LedgerpaneError, type ErrorDetail } from "../kernel/errors.js";
import type { TrialBalance } from "../queries/trialBalance.js";

/** What a posting shipped and invoiced on one line (decimals as text). */
export interface PostedLine {
  lineNo: number;
  shipped: string;
  invoiced: string;
}

/**
 * The typed face of the command API for TypeScript callers. Inputs and results are the same plain JSON
 * that `dispatch` carries (decimals as strings or numbers in, strings out); a failure throws the
 * LedgerpaneError that `dispatch` would have returned.
 */
export type Decimalish = string | number;
export type Row = Record<string, unknown>;

export interface SalesLineInput {
  lineNo?: number;
  type?: "Item" | "G/L Account" | " ";
  no?: string;
  description?: string;
  locationCode?: string;
  quantity?: Decimalish;
  unitPrice?: Decimalish;
  unitCostLcy?: Decimalish;
  lineDiscountPct?: Decimalish;
  lineDiscountAmount?: Decimalish;
  lineAmount?: Decimalish;
  allowInvoiceDisc?: boolean;
  qtyToShip?: Decimalish;
  qtyToInvoice?: Decimalish;
  shipmentDate?: string | null;
  requestedDeliveryDate?: string | null;
  promisedDeliveryDate?: string | null;
  applToItemEntry?: number;
  applFromItemEntry?: number;
}

export type DocumentType = "Quote" | "Order" | "Invoice" | "Credit Memo" | "Blanket Order" | "Return Order";
export interface DocumentKey {
  documentType: DocumentType;
  no: string;
}

export interface HeaderFields {
  billToCustomerNo?: string;
  orderDate?: string | null;
  postingDate?: string | null;
  documentDate?: string | null;
  shipmentDate?: string | null;
  dueDate?: string | null;
  paymentTermsCode?: string;
  paymentDiscountPct?: Decimalish;
  pmtDiscountDate?: string | null;
  locationCode?: string;
  pricesIncludingVat?: boolean;
  externalDocumentNo?: string;
  yourReference?: string;
  shippingAdvice?: "Partial" | "Complete";
  invoiceDiscountCalculation?: "None" | "%" | "Amount";
  invoiceDiscountValue?: Decimalish;
  balAccountType?: "G/L Account";
  balAccountNo?: string;
  [field: string]: unknown;
}

export interface CommandMap {
  read: { in: { table: string; where?: Row; limit?: number; fromKey?: number }; out: { rows: Row[] } };
  setWorkDate: { in: { workDate: string }; out: { workDate: string } };
  upsert: {
    in: { table: string; rows: Row[] };
    out: { count: number; warnings: string[]; warningDetails: ErrorDetail[] };
  };
  postItemJournal: {
    in: {
      documentNo?: string;
      lines: {
        entryType: "Purchase" | "Positive Adjmt." | "Negative Adjmt.";
        itemNo: string;
        quantity: Decimalish;
        unitCost?: Decimalish;
        postingDate?: string;
        locationCode?: string;
        description?: string;
      }[];
    };
    out: { entryNos: number[]; documentNo: string };
  };
  createSalesDocument: {
    in: HeaderFields & {
      documentType: DocumentType;
      no?: string;
      sellToCustomerNo: string;
      lines?: SalesLineInput[];
    };
    out: {
      documentType: DocumentType;
      no: string;
      lines: { lineNo: number }[];
      warnings: string[];
      warningDetails: ErrorDetail[];
    };
  };
  updateSalesHeader: {
    in: DocumentKey & HeaderFields & { sellToCustomerNo?: string };
    out: { warnings: string[] };
  };
  addSalesLines: {
    in: DocumentKey & { lines: SalesLineInput[] };
    out: { lines: { lineNo: number }[]; warnings: string[]; warningDetails: ErrorDetail[] };
  };
  updateSalesLine: {
    in: DocumentKey & { lineNo: number } & Omit<SalesLineInput, "lineNo">;
    out: { warnings: string[]; warningDetails: ErrorDetail[] };
  };
  deleteSalesLine: { in: DocumentKey & { lineNo: number }; out: Record<string, never> };
  releaseSalesDocument: { in: DocumentKey; out: { status: string } };
  reopenSalesDocument: { in: DocumentKey; out: { status: string } };
  postSalesDocument: {
    in: DocumentKey & { ship?: boolean; invoice?: boolean; receive?: boolean; postingDate?: string };
    out: { shipmentNo?: string; invoiceNo?: string; lines: PostedLine[]; warnings: string[] };
  };
  previewPosting: {
    in: DocumentKey & { ship?: boolean; invoice?: boolean; receive?: boolean; postingDate?: string };
    out: {
      shipmentNo?: string;
      invoiceNo?: string;
      lines: PostedLine[];
      warnings: string[];
      entries: Record<string, Row[]>;
    };
  };
  trialBalance: { in: { from: string; to: string }; out: TrialBalance };
  verifyBooks: {
    in: Record<string, never>;
    out: {
      ok: boolean;
      registers: number;
      entries: number;
      problems: { registerNo?: number; message: string }[];
      lastHash: string;
    };
  };
}

export type CommandName = keyof CommandMap;
export type Commands = { [K in CommandName]: (input: CommandMap[K]["in"]) => CommandMap[K]["out"] };

export function commandsOf(engine: Engine): Commands {
  const call = (name: CommandName) => (input: unknown) => {
    const r = engine.dispatch({ do: name, with: input });
    if (!r.ok) throw new LedgerpaneError(r.error.code as never, r.error.message, r.error.details);
    return r.result;
  };
  const names: CommandName[] = [
    "read",
    "setWorkDate",
    "upsert",
    "postItemJournal",
    "createSalesDocument",
    "updateSalesHeader",
    "addSalesLines",
    "updateSalesLine",
    "deleteSalesLine",
    "releaseSalesDocument",
    "reopenSalesDocument",
    "postSalesDocument",
    "previewPosting",
    "trialBalance",
    "verifyBooks",
  ];
  return Object.fromEntries(names.map((n) => [n, call(n)])) as unknown as Commands;
}

export { errorToJson };
