import type { Ctx } from "../api/context.js";
import type { SalesHeaderRow, SalesLineRow } from "../db/schema/rows.generated.js";
import { ErrorCollector, fail } from "../kernel/errors.js";
import { getInventorySetup, getSalesSetup } from "../setup/setupTables.js";
import { applyInvoiceDiscount, calcInvoiceDiscount, respreadVat } from "./documentVat.js";
import { headerAt, saveHeader } from "./salesHeader.js";
import { lineAt, saveLine } from "./salesLine.js";

export function loadLines(ctx: Ctx, h: SalesHeaderRow): SalesLineRow[] {
  return ctx.repo.select("salesLine", { documentType: h.documentType, documentNo: h.no });
}

/** Spec 3.4 Release (codeunit 414), as far as the engine's features reach. */
/** `persist` false: the caller (posting) writes the lines and header itself when it is done with them. */
export function releaseDocument(ctx: Ctx, h: SalesHeaderRow, lines: SalesLineRow[], persist = true): void {
  if (h.status === "Released") return;
  if (h.status === "Pending Approval") {
    fail(
      "validation",
      "This document can only be released when the approval process is complete.",
      headerAt(h, "status"),
    );
  }
  const errors = new ErrorCollector();
  if (!h.sellToCustomerNo)
    errors.add("Sell-to Customer No. must have a value in Sales Header.", headerAt(h, "sellToCustomerNo"));
  if (!lines.some((l) => l.type !== " " && !l.quantity.isZero())) {
    errors.add(
      `There is nothing to release for the document of type ${h.documentType} with the number ${h.no}.`,
      headerAt(h),
    );
  }
  const invt = getInventorySetup(ctx.repo);
  for (const l of lines) {
    if (l.type !== "Item" || l.quantity.isZero()) continue;
    const item = ctx.repo.get("item", l.no);
    if (item?.type !== "Inventory") continue;
    if (invt.locationMandatory && !l.locationCode) {
      errors.add(
        `Location Code must have a value in Sales Line: Document Type=${l.documentType}, Document No.=${l.documentNo}, Line No.=${l.lineNo}. It cannot be zero or empty.`,
        lineAt(l, "locationCode"),
      );
    }
    if (!l.unitOfMeasureCode) {
      errors.add(
        `Unit of Measure Code must have a value in Sales Line: Document Type=${l.documentType}, Document No.=${l.documentNo}, Line No.=${l.lineNo}. It cannot be zero or empty.`,
        lineAt(l, "unitOfMeasureCode"),
      );
    }
  }
  errors.throwIfAny("validation");
  // An amount or % the user entered stands; otherwise the customer's discount when the set-up asks.
  if (getSalesSetup(ctx.repo).calcInvDiscount) calcInvoiceDiscount(ctx.repo, h, lines);
  else if (h.invoiceDiscountCalculation !== "None") applyInvoiceDiscount(ctx.repo, h, lines);
  h.status = "Released";
  respreadVat(ctx.repo, h, lines);
  if (!persist) return;
  for (const l of lines) saveLine(ctx, l);
  saveHeader(ctx, h);
}

export function reopenDocument(ctx: Ctx, h: SalesHeaderRow): void {
  if (h.status === "Open") return;
  if (h.status === "Pending Approval") {
    fail(
      "validation",
      "The approval process must be cancelled or completed to reopen this document.",
      headerAt(h, "status"),
    );
  }
  h.status = "Open";
  saveHeader(ctx, h);
}
