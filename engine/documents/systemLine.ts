import type { Repo } from "../db/repo.js";
import type { SalesHeaderRow, SalesLineRow } from "../db/schema/rows.generated.js";
import { ONE } from "../kernel/decimal.js";
import { checkGlAccount, getVatPostingSetup } from "../setup/postingSetup.js";
import { newLine } from "./salesLine.js";

/**
 * A system-created G/L line of one unit on `accountNo` (service charge, invoice rounding): the
 * account's posting groups and VAT, no invoice discount, not editable by the user.
 */
export function systemGlLine(
  repo: Repo,
  h: SalesHeaderRow,
  lineNo: number,
  accountNo: string,
  description?: string,
): SalesLineRow {
  const account = checkGlAccount(repo, accountNo);
  const vat = getVatPostingSetup(repo, h.vatBusPostingGroup, account.vatProdPostingGroup);
  const l = newLine(h, lineNo);
  Object.assign(l, {
    type: "G/L Account",
    no: account.no,
    description: description ?? account.name,
    genProdPostingGroup: account.genProdPostingGroup,
    vatProdPostingGroup: account.vatProdPostingGroup,
    vatPct: vat.vatPct,
    vatCalculationType: vat.vatCalculationType,
    vatIdentifier: vat.vatIdentifier,
    systemCreatedEntry: true,
    allowInvoiceDisc: false,
    quantity: ONE,
  });
  return l;
}

export function nextLineNo(lines: readonly SalesLineRow[]): number {
  return lines.reduce((m, x) => Math.max(m, x.lineNo), 0) + 10000;
}
