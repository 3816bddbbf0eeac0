import type { Repo } from "../db/repo.js";
import type { SalesHeaderRow, SalesLineRow } from "../db/schema/rows.generated.js";
import { HUNDRED, ONE, ZERO, type Dec } from "../kernel/decimal.js";
import { roundUnitAmount } from "../kernel/rounding.js";
import { getCustomerPostingGroup, keyText, requireAccount } from "../setup/postingSetup.js";
import { initQuantities } from "./salesLine.js";
import { nextLineNo, systemGlLine } from "./systemLine.js";

/** A service-charge line is the system-created G/L line on the customer posting group's account. */
export function isServiceChargeLine(repo: Repo, h: SalesHeaderRow, l: SalesLineRow): boolean {
  if (!l.systemCreatedEntry || l.type !== "G/L Account") return false;
  const cpg = repo.get("customerPostingGroup", h.customerPostingGroup);
  return !!cpg && cpg.serviceChargeAcc === l.no;
}

/**
 * Spec 5.3 step 3: when the invoice discount record found for the charge base carries a Service
 * Charge, the document gets (or keeps) one system-created G/L line for it; otherwise an unshipped
 * service-charge line is removed. `lines` is updated in place.
 */
export function updateServiceCharge(repo: Repo, h: SalesHeaderRow, lines: SalesLineRow[], charge: Dec): void {
  const existing = lines.find((l) => isServiceChargeLine(repo, h, l));
  if (charge.isZero()) {
    if (existing && existing.quantityShipped.isZero()) {
      repo.delete("salesLine", { documentType: h.documentType, documentNo: h.no, lineNo: existing.lineNo });
      lines.splice(lines.indexOf(existing), 1);
    }
    return;
  }
  const cpg = getCustomerPostingGroup(repo, h.customerPostingGroup);
  const accountNo = requireAccount(
    cpg,
    "serviceChargeAcc",
    "Customer Posting Group",
    keyText("customerPostingGroup", cpg),
  );
  let l = existing;
  if (!l) {
    l = systemGlLine(repo, h, nextLineNo(lines), accountNo, "Service Charge");
    initQuantities({ repo }, l);
    repo.insert("salesLine", l);
    lines.push(l);
  }
  const vatPct = l.vatPct;
  const price = h.pricesIncludingVat ? roundUnitAmount(charge.times(ONE.plus(vatPct.div(HUNDRED)))) : charge;
  l.unitPrice = price;
  l.lineAmount = price;
  l.lineDiscountAmount = ZERO;
}
