import { collectError } from "../api/input.js";
import type { Ctx } from "../api/context.js";
import type { SalesHeaderRow, SalesLineRow } from "../db/schema/rows.generated.js";
import { blockedMessage } from "../documents/customerCheck.js";
import { headerAt } from "../documents/salesHeader.js";
import { lineAt } from "../documents/salesLine.js";
import { ZERO } from "../kernel/decimal.js";
import { ErrorCollector, LedgerpaneError } from "../kernel/errors.js";
import { checkPostingDate } from "../setup/postingDate.js";
import {
  checkGlAccount,
  getCustomerPostingGroup,
  getGeneralPostingSetup,
  getInventoryPostingSetup,
  getVatPostingSetup,
  keyText,
  requireAccount,
} from "../setup/postingSetup.js";
import { getInventorySetup, getSalesSetup } from "../setup/setupTables.js";

function collect(errors: ErrorCollector, at: ReturnType<typeof headerAt>, fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    collectError(errors, e, at);
  }
}

const mustHaveValue = (h: SalesHeaderRow, caption: string) =>
  `${caption} must have a value in Sales Header: Document Type=${h.documentType}, No.=${h.no}. It cannot be zero or empty.`;

/**
 * Spec 7.1 step 3 (CheckSalesDocument) and the set-up the posting will need: every problem is
 * collected, tied to its header field or line, before anything is numbered or written.
 */
export function checkSalesDocument(
  ctx: Ctx,
  h: SalesHeaderRow,
  lines: readonly SalesLineRow[],
  ship: boolean,
  invoice: boolean,
  shipsSomething: boolean,
): ErrorCollector {
  const errors = new ErrorCollector();
  const repo = ctx.repo;
  if (!h.sellToCustomerNo)
    errors.add(mustHaveValue(h, "Sell-to Customer No."), headerAt(h, "sellToCustomerNo"));
  if (!h.billToCustomerNo)
    errors.add(mustHaveValue(h, "Bill-to Customer No."), headerAt(h, "billToCustomerNo"));
  if (!h.documentDate) errors.add(mustHaveValue(h, "Document Date"), headerAt(h, "documentDate"));
  const dateError = checkPostingDate(repo, h.postingDate);
  if (dateError) errors.add(dateError, headerAt(h, "postingDate"));
  const seen = new Set<string>();
  for (const no of [h.sellToCustomerNo, h.billToCustomerNo]) {
    if (!no || seen.has(no)) continue;
    seen.add(no);
    const c = repo.get("customer", no);
    if (!c) {
      errors.add(
        `The Customer does not exist. Identification fields and values: No.='${no}'`,
        headerAt(h, "sellToCustomerNo"),
      );
      continue;
    }
    const msg = blockedMessage(c, h.documentType, true, shipsSomething);
    if (msg)
      errors.add(msg, headerAt(h, no === h.sellToCustomerNo ? "sellToCustomerNo" : "billToCustomerNo"));
  }
  const salesSetup = getSalesSetup(repo);
  if (invoice) {
    if (!h.dueDate) errors.add(mustHaveValue(h, "Due Date"), headerAt(h, "dueDate"));
    if (salesSetup.extDocNoMandatory && !h.externalDocumentNo) {
      errors.add(mustHaveValue(h, "External Document No."), headerAt(h, "externalDocumentNo"));
    }
    collect(errors, headerAt(h, "customerPostingGroup"), () => {
      const cpg = getCustomerPostingGroup(repo, h.customerPostingGroup);
      requireAccount(
        cpg,
        "receivablesAccount",
        "Customer Posting Group",
        keyText("customerPostingGroup", cpg),
        repo,
      );
    });
  }
  if (ship && h.shippingAdvice === "Complete") {
    const total = lines.reduce((s, l) => s.plus(l.qtyToShip), ZERO);
    const incomplete = lines.some(
      (l) => l.type === "Item" && !l.dropShipment && !l.quantity.eq(l.quantityShipped.plus(l.qtyToShip)),
    );
    if (!total.isZero() && incomplete) {
      errors.add(
        "This document cannot be shipped completely. Change the value in the Shipping Advice field to Partial.",
        headerAt(h, "shippingAdvice"),
      );
    }
  }
  const invt = getInventorySetup(repo);
  for (const l of lines) {
    if (l.type === " " || l.quantity.isZero()) continue;
    const at = lineAt(l, "no");
    if (
      h.documentType === "Invoice" &&
      !l.shipmentNo &&
      (!l.qtyToShip.eq(l.quantity) || !l.qtyToInvoice.eq(l.quantity))
    ) {
      errors.add(
        `Qty. to Ship and Qty. to Invoice must equal Quantity on invoice line ${l.lineNo}.`,
        lineAt(l, "qtyToInvoice"),
      );
    }
    if (l.type === "Item") {
      const item = repo.get("item", l.no);
      if (!item) {
        errors.add(`The Item does not exist. Identification fields and values: No.='${l.no}'`, at);
        continue;
      }
      if (item.blocked)
        errors.add(`Blocked must be equal to 'No'  in Item: No.=${l.no}. Current value is 'Yes'.`, at);
      if (item.salesBlocked)
        errors.add(
          `You cannot sell Item ${l.no} because the Sales Blocked check box is selected on the Item card.`,
          at,
        );
      if (item.type === "Inventory") {
        if (!item.inventoryPostingGroup) {
          errors.add(
            `Inventory Posting Group must have a value in Item: No.=${l.no}. It cannot be zero or empty.`,
            at,
          );
        } else if (invt.automaticCostPosting) {
          collect(errors, at, () => {
            const ips = getInventoryPostingSetup(repo, l.locationCode, item.inventoryPostingGroup, at);
            requireAccount(
              ips,
              "inventoryAccount",
              "Inventory Posting Setup",
              keyText("inventoryPostingSetup", ips),
              repo,
            );
          });
        }
      }
    } else if (l.type === "G/L Account") {
      collect(errors, at, () => {
        const acc = checkGlAccount(repo, l.no, at);
        // Spec 7.1 step 6d: a G/L line posts only to an account that allows direct posting.
        if (!acc.directPosting && !l.systemCreatedEntry) {
          throw new LedgerpaneError(
            "posting",
            `Direct Posting must be equal to 'Yes'  in G/L Account: No.=${l.no}. Current value is 'No'.`,
            [
              {
                message: `Direct Posting must be equal to 'Yes'  in G/L Account: No.=${l.no}. Current value is 'No'.`,
                ...at,
              },
            ],
          );
        }
      });
    }
    collect(errors, at, () => {
      const gps = getGeneralPostingSetup(repo, l.genBusPostingGroup, l.genProdPostingGroup, at);
      const k = keyText("generalPostingSetup", gps);
      if (invoice && l.type !== "G/L Account")
        requireAccount(gps, "salesAccount", "General Posting Setup", k, repo);
      if (
        invoice &&
        (salesSetup.discountPosting === "Invoice Discounts" ||
          salesSetup.discountPosting === "All Discounts") &&
        !l.invDiscountAmount.isZero()
      ) {
        requireAccount(gps, "salesInvDiscAccount", "General Posting Setup", k, repo);
      }
      if (
        invoice &&
        (salesSetup.discountPosting === "Line Discounts" || salesSetup.discountPosting === "All Discounts") &&
        !l.lineDiscountAmount.isZero()
      ) {
        requireAccount(gps, "salesLineDiscAccount", "General Posting Setup", k, repo);
      }
      if (l.type === "Item" && invt.automaticCostPosting && repo.get("item", l.no)?.type === "Inventory") {
        requireAccount(gps, "cogsAccount", "General Posting Setup", k, repo);
      }
    });
    collect(errors, at, () => {
      const vps = getVatPostingSetup(repo, l.vatBusPostingGroup, l.vatProdPostingGroup, at);
      if (invoice && !vps.vatPct.isZero())
        requireAccount(vps, "salesVatAccount", "VAT Posting Setup", keyText("vatPostingSetup", vps), repo);
    });
  }
  return errors;
}
