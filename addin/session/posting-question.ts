import Decimal from "decimal.js";
import type { DocumentRef } from "../sheets/layouts.js";
import type { Row } from "./engine-calls.js";
import type { Question } from "./session-state.js";

export type PostMode = "ship" | "invoice" | "shipAndInvoice";

/** One line of a posting's result as JSON: what it ships and invoices (decimals as text). */
export interface PostedLineText {
  lineNo: number;
  shipped: string;
  invoiced: string;
}

const dec = (v: unknown): Decimal => {
  try {
    return new Decimal(v === null || v === undefined || v === "" ? 0 : String(v));
  } catch {
    return new Decimal(0);
  }
};

export function amountText(d: Decimal): string {
  const [whole, frac] = d.toFixed(2).split(".") as [string, string];
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

function what(line: Row): string {
  const uom = line.unitOfMeasureCode ? ` ${String(line.unitOfMeasureCode)}` : "";
  const kind = line.type === "Item" ? "item " : line.type ? `${String(line.type)} ` : "";
  // In brackets: a description such as "-20% promo" must not read as part of the quantity or price.
  const description = line.description ? ` (${String(line.description)})` : "";
  return `${uom} of ${kind}${String(line.no ?? "")}${description}`;
}

/**
 * Business Central's "Do you want to ship and invoice the order?", with what this click would post:
 * the quantity of every line, out of what is still open, and the amount the customer will owe.
 * Quantities to ship and invoice reset to the remainder after each posting, so a second click posts
 * more than the first; saying the quantity is what makes a repeated click visible.
 */
export function postingQuestion(
  doc: DocumentRef,
  mode: PostMode,
  header: Row,
  lines: Row[],
  preview: { entries: Record<string, Row[]>; posted: readonly PostedLineText[] },
): Question {
  const isOrder = doc.documentType === "Order";
  const ship = isOrder ? mode !== "invoice" : false;
  const invoice = isOrder ? mode !== "ship" : true;
  const verb = ship && invoice ? "ship and invoice" : ship ? "ship" : isOrder ? "invoice" : "post";
  const out: string[] = [];
  // The quantities are the preview's: what the posting will do after its own limits (an invoice-only
  // posting invoices no more than was shipped), not what the Qty. to Ship/Invoice cells say.
  const posted = new Map(preview.posted.map((p) => [p.lineNo, p]));
  for (const l of lines) {
    const p = posted.get(Number(l.lineNo));
    if (!l.no || !p) continue;
    if (ship && !dec(p.shipped).isZero()) {
      const open = dec(l.quantity).minus(dec(l.quantityShipped));
      out.push(`Ship ${dec(p.shipped).toFixed()} of ${open.toFixed()}${what(l)}`);
    }
    if (invoice && !dec(p.invoiced).isZero()) {
      const open = dec(l.quantity).minus(dec(l.quantityInvoiced));
      out.push(`Invoice ${dec(p.invoiced).toFixed()} of ${open.toFixed()}${what(l)}`);
    }
  }
  if (invoice) {
    const owed = (preview.entries.custLedgerEntry ?? []).reduce(
      (sum, e) => sum.plus(dec(e.amount)),
      new Decimal(0),
    );
    const customer = String(header.billToCustomerNo ?? header.sellToCustomerNo ?? "");
    out.push(`Amount incl. VAT: ${amountText(owed)}, owed by customer ${customer}.`);
  }
  if (header.postingDate) out.push(`Posting date: ${String(header.postingDate)}.`);
  return {
    title: `Do you want to ${verb} ${doc.documentType} ${doc.no}?`,
    lines: out,
    yes: verb === "post" ? "Post" : verb[0]!.toUpperCase() + verb.slice(1),
    no: "Cancel",
  };
}
