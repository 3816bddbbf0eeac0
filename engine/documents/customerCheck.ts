import type { CustomerRow } from "../db/schema/rows.generated.js";
import type { Repo } from "../db/repo.js";
import { fail, type ErrorDetail } from "../kernel/errors.js";
import { isCreditDoc, type SalesDocumentType } from "./docTypes.js";

export function getCustomer(repo: Repo, no: string, at: Omit<ErrorDetail, "message"> = {}): CustomerRow {
  const c = repo.get("customer", no);
  if (!c)
    return fail(
      "not_found",
      `The Customer does not exist. Identification fields and values: No.='${no}'`,
      at,
    );
  return c;
}

/**
 * Spec 1.1.1: may this customer be used on this document? `transaction` is false when creating or
 * selecting, true when posting; `shipment` is true when the posting ships something.
 */
export function blockedMessage(
  customer: CustomerRow,
  docType: SalesDocumentType,
  transaction: boolean,
  shipment: boolean,
): string | null {
  const action = transaction ? "post" : "create";
  if (customer.privacyBlocked) {
    return `You cannot ${action} this type of document when Customer ${customer.no} is blocked for privacy.`;
  }
  const b = customer.blocked;
  if (b === " ") return null;
  let refused: boolean;
  if (isCreditDoc(docType)) refused = b === "All";
  else if (b === "All" || b === "Invoice") refused = true;
  else if (!transaction)
    refused = docType !== "Invoice"; // Ship: quotes, orders and blanket orders refused
  else refused = shipment; // Ship: posting refused only when it ships
  return refused
    ? `You cannot ${action} this type of document when Customer ${customer.no} is blocked with type ${b}`
    : null;
}
