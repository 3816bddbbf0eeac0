import Decimal from "decimal.js";
import type { DocumentRef } from "../sheets/layouts.js";
import type { Row } from "./engine-calls.js";
import type { Question } from "./session-state.js";

export type PostMode = "ship" | "invoice" | "shipAndInvoice";

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
  const description = line.description ? ` ${String(line.description)}` : "";
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
  preview: Record<string, Row[]>,
): Question {
  const isOrder = doc.documentType === "Order";
  const ship = isOrder ? mode !== "invoice" : false;
  const invoice = isOrder ? mode !== "ship" : true;
  const verb = ship && invoice ? "ship and invoice" : ship ? "ship" : isOrder ? "invoice" : "post";
  const out: string[] = [];
  for (const l of lines) {
    if (!l.no) continue;
    if (ship && !dec(l.qtyToShip).isZero()) {
      const open = dec(l.quantity).minus(dec(l.quantityShipped));
      out.push(`Ship ${dec(l.qtyToShip).toFixed()} of ${open.toFixed()}${what(l)}`);
    }
    if (invoice && !dec(l.qtyToInvoice).isZero()) {
      const open = dec(l.quantity).minus(dec(l.quantityInvoiced));
      out.push(`Invoice ${dec(l.qtyToInvoice).toFixed()} of ${open.toFixed()}${what(l)}`);
    }
  }
  if (invoice) {
    const owed = (preview.custLedgerEntry ?? []).reduce((sum, e) => sum.plus(dec(e.amount)), new Decimal(0));
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
