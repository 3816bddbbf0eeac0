import type { Ctx } from "../api/context.js";
import {
  asArray,
  asObject,
  onlyFields,
  parseField,
  parseRow,
  required,
  type JsonObject,
  collectError,
} from "../api/input.js";
import type { Value } from "../db/codec.js";
import type { SalesHeaderRow, SalesLineRow } from "../db/schema/rows.generated.js";
import { tableDef } from "../db/schema/index.js";
import { HUNDRED, ONE, ZERO } from "../kernel/decimal.js";
import { ErrorCollector, fail } from "../kernel/errors.js";
import { roundUnitAmount } from "../kernel/rounding.js";
import { stockoutWarnings } from "./availability.js";
import { creditWarnings } from "./creditLimit.js";

const AVAILABILITY_FIELDS = ["type", "no", "quantity", "locationCode", "shipmentDate", "unitOfMeasureCode"];
import { applyInvoiceDiscount } from "./documentVat.js";
import type { SalesDocumentType } from "./docTypes.js";
import { DocumentVatTotals, recalcLineAmounts } from "./lineAmounts.js";
import { loadLines, releaseDocument, reopenDocument } from "./release.js";
import {
  applyHeaderFields,
  getHeader,
  headerAt,
  HEADER_INPUT_FIELDS,
  newHeader,
  saveHeader,
  setSellToCustomer,
  testStatusOpen,
} from "./salesHeader.js";
import {
  finishDeferredAmounts,
  initQuantities,
  lineAt,
  LINE_INPUT_FIELDS,
  newLine,
  saveLine,
  setLineField,
} from "./salesLine.js";

const col = (table: string, name: string) => tableDef(table)!.columns.find((c) => c.name === name)!;

function documentTypeOf(input: JsonObject, command: string): SalesDocumentType {
  return parseField(
    col("salesHeader", "documentType"),
    required(input, "documentType", command),
    `${command}: documentType`,
  ) as SalesDocumentType;
}

function docNoOf(input: JsonObject, command: string): string {
  return parseField(col("salesHeader", "no"), required(input, "no", command), `${command}: no`) as string;
}

const LINE_FIELDS = new Set<string>(LINE_INPUT_FIELDS);

/**
 * Builds lines from JSON: type and No. first (they define the line), then every other field in
 * the order written, as a user filling the row left to right. Errors of all lines are collected.
 */
function addLines(ctx: Ctx, h: SalesHeaderRow, raw: unknown[], errors: ErrorCollector): SalesLineRow[] {
  const existing = ctx.repo.db.all(
    `SELECT COALESCE(MAX("lineNo"), 0) FROM "salesLine" WHERE "documentType" = ? AND "documentNo" = ?`,
    [h.documentType, h.no],
  );
  let nextLineNo = Number(existing[0]![0]) + 10000;
  const totals = DocumentVatTotals.load(ctx.repo, h);
  const added: SalesLineRow[] = [];
  raw.forEach((r, i) => {
    const obj = asObject(r, `line ${i + 1}`, "lines");
    const given = typeof obj.lineNo === "number" ? obj.lineNo : nextLineNo;
    const where = { documentType: h.documentType, documentNo: h.no, lineNo: given };
    const before = errors.details.length;
    const values = parseRow("salesLine", obj, errors, { allowed: LINE_FIELDS, where });
    if (errors.details.length > before) return;
    const lineNo = (values.lineNo as number | undefined) ?? nextLineNo;
    if (values.lineNo !== undefined && ctx.repo.get("salesLine", h.documentType, h.no, lineNo)) {
      errors.add(`Line ${lineNo} already exists on ${h.documentType} ${h.no}.`, {
        ...where,
        lineNo,
        field: "lineNo",
      });
      return;
    }
    nextLineNo = Math.max(nextLineNo, lineNo) + 10000;
    const l = newLine(h, lineNo);
    try {
      if (values.type === undefined && values.no !== undefined) values.type = "Item";
      const ordered: [string, Value][] = [];
      if (values.type !== undefined) ordered.push(["type", values.type]);
      if (values.no !== undefined) ordered.push(["no", values.no]);
      for (const [k, v] of Object.entries(values))
        if (k !== "type" && k !== "no" && k !== "lineNo") ordered.push([k, v]);
      const deferred = { pending: false, keepDiscountAmount: false, totals };
      for (const [k, v] of ordered) setLineField(ctx, h, l, k, v, deferred);
      finishDeferredAmounts(ctx, h, l, deferred);
      if (values.quantity === undefined) initQuantities(ctx, l);
      ctx.repo.insert("salesLine", l);
      totals.add(l);
      added.push(l);
    } catch (e) {
      collectError(errors, e, lineAt(l));
    }
  });
  return added;
}

export function createSalesDocument(ctx: Ctx, input: JsonObject) {
  const command = "createSalesDocument";
  onlyFields(input, ["documentType", "no", "sellToCustomerNo", "lines", ...HEADER_INPUT_FIELDS], command);
  const documentType = documentTypeOf(input, command);
  const no = input.no === undefined || input.no === "" ? undefined : docNoOf(input, command);
  const sellTo = parseField(
    col("salesHeader", "sellToCustomerNo"),
    required(input, "sellToCustomerNo", command),
    `${command}: sellToCustomerNo`,
  ) as string;
  const errors = new ErrorCollector();
  const {
    lines: rawLines,
    documentType: _t,
    no: _n,
    sellToCustomerNo: _s,
    billToCustomerNo,
    ...rest
  } = input;
  const fields = parseRow("salesHeader", rest, errors, { allowed: new Set(HEADER_INPUT_FIELDS) });
  errors.throwIfAny("input");
  const h = newHeader(ctx, documentType, no);
  const billTo =
    billToCustomerNo === undefined
      ? undefined
      : (parseField(
          col("salesHeader", "billToCustomerNo"),
          billToCustomerNo,
          `${command}: billToCustomerNo`,
        ) as string);
  setSellToCustomer(ctx, h, sellTo, billTo);
  applyHeaderFields(ctx, h, fields, errors);
  errors.throwIfAny("validation");
  ctx.repo.insert("salesHeader", h);
  const lines = addLines(
    ctx,
    h,
    rawLines === undefined ? [] : asArray(rawLines, `${command}: lines`, "lines"),
    errors,
  );
  errors.throwIfAny("validation");
  creditWarnings(ctx, h, true);
  stockoutWarnings(ctx, h, lines);
  return {
    documentType: h.documentType,
    no: h.no,
    lines: lines.map((l) => ({ lineNo: l.lineNo })),
    warnings: ctx.warnings,
    warningDetails: ctx.warningDetails,
  };
}

export function addSalesLines(ctx: Ctx, input: JsonObject) {
  const command = "addSalesLines";
  onlyFields(input, ["documentType", "no", "lines"], command);
  const h = getHeader(ctx, documentTypeOf(input, command), docNoOf(input, command));
  testStatusOpen(h, "lines");
  const errors = new ErrorCollector();
  const lines = addLines(
    ctx,
    h,
    asArray(required(input, "lines", command), `${command}: lines`, "lines"),
    errors,
  );
  errors.throwIfAny("validation");
  creditWarnings(ctx, h, false);
  stockoutWarnings(ctx, h, lines);
  return {
    lines: lines.map((l) => ({ lineNo: l.lineNo })),
    warnings: ctx.warnings,
    warningDetails: ctx.warningDetails,
  };
}

/** The line a command names by `lineNo`, or BC's "does not exist" error. */
function getLine(ctx: Ctx, h: SalesHeaderRow, input: JsonObject, command: string): SalesLineRow {
  const lineNo = parseField(
    col("salesLine", "lineNo"),
    required(input, "lineNo", command),
    `${command}: lineNo`,
  ) as number;
  const l = ctx.repo.get("salesLine", h.documentType, h.no, lineNo);
  if (!l) {
    return fail(
      "not_found",
      `The Sales Line does not exist. Identification fields and values: Document Type='${h.documentType}',Document No.='${h.no}',Line No.='${lineNo}'`,
      { ...headerAt(h), lineNo, field: "lineNo" },
    );
  }
  return l;
}

export function updateSalesLine(ctx: Ctx, input: JsonObject) {
  const command = "updateSalesLine";
  const h = getHeader(ctx, documentTypeOf(input, command), docNoOf(input, command));
  const l = getLine(ctx, h, input, command);
  const { documentType: _t, no: _n, lineNo: _l, ...rest } = input;
  const errors = new ErrorCollector();
  const allowed = new Set<string>(LINE_INPUT_FIELDS.filter((f) => f !== "lineNo"));
  const values = parseRow("salesLine", rest, errors, { allowed, where: lineAt(l) });
  errors.throwIfAny("input");
  for (const [k, v] of Object.entries(values)) {
    try {
      setLineField(ctx, h, l, k, v);
    } catch (e) {
      collectError(errors, e, lineAt(l, k));
    }
  }
  errors.throwIfAny("validation");
  saveLine(ctx, l);
  creditWarnings(ctx, h, false);
  // BC checks availability when what, where, when or how many changes, not on Qty. to Ship.
  if (AVAILABILITY_FIELDS.some((f) => f in values)) stockoutWarnings(ctx, h, [l]);
  return { warnings: ctx.warnings, warningDetails: ctx.warningDetails };
}

export function deleteSalesLine(ctx: Ctx, input: JsonObject) {
  const command = "deleteSalesLine";
  onlyFields(input, ["documentType", "no", "lineNo"], command);
  const h = getHeader(ctx, documentTypeOf(input, command), docNoOf(input, command));
  testStatusOpen(h);
  const l = getLine(ctx, h, input, command);
  const lineNo = l.lineNo;
  if (!l.qtyShippedNotInvoiced.isZero() || !l.returnQtyRcdNotInvd.isZero()) {
    fail(
      "validation",
      `You cannot delete line ${lineNo} because it has been shipped and not yet invoiced.`,
      lineAt(l),
    );
  }
  ctx.repo.delete("salesLine", { documentType: h.documentType, documentNo: h.no, lineNo });
  return {};
}

export function updateSalesHeader(ctx: Ctx, input: JsonObject) {
  const command = "updateSalesHeader";
  onlyFields(input, ["documentType", "no", "sellToCustomerNo", ...HEADER_INPUT_FIELDS], command);
  const h = getHeader(ctx, documentTypeOf(input, command), docNoOf(input, command));
  const { documentType: _t, no: _n, sellToCustomerNo, ...rest } = input;
  const errors = new ErrorCollector();
  const fields = parseRow("salesHeader", rest, errors, {
    allowed: new Set(HEADER_INPUT_FIELDS),
    where: headerAt(h),
  });
  errors.throwIfAny("input");
  const lines = loadLines(ctx, h);
  const wasInclVat = h.pricesIncludingVat;
  let linesChanged = false;
  if (sellToCustomerNo !== undefined) {
    testStatusOpen(h, "sellToCustomerNo");
    const no = parseField(
      col("salesHeader", "sellToCustomerNo"),
      sellToCustomerNo,
      `${command}: sellToCustomerNo`,
    ) as string;
    if (no !== h.sellToCustomerNo) {
      if (
        lines.some(
          (l) => !l.quantityShipped.isZero() || !l.quantityInvoiced.isZero() || !l.returnQtyReceived.isZero(),
        )
      ) {
        fail(
          "validation",
          `You cannot change Sell-to Customer No. because ${h.documentType} ${h.no} has posted lines.`,
          headerAt(h, "sellToCustomerNo"),
        );
      }
      setSellToCustomer(ctx, h, no);
      linesChanged = true;
    }
  }
  linesChanged = applyHeaderFields(ctx, h, fields, errors) || linesChanged;
  errors.throwIfAny("validation");
  saveHeader(ctx, h);
  if (linesChanged) refreshLines(ctx, h, lines, wasInclVat);
  if (fields.invoiceDiscountCalculation !== undefined || fields.invoiceDiscountValue !== undefined) {
    applyDiscountToLines(ctx, h);
  }
  creditWarnings(ctx, h, sellToCustomerNo !== undefined || fields.billToCustomerNo !== undefined);
  return { warnings: ctx.warnings };
}

/** Spec 5.2: an invoice discount typed on the header goes to the lines at once. */
function applyDiscountToLines(ctx: Ctx, h: SalesHeaderRow): void {
  const lines = loadLines(ctx, h);
  applyInvoiceDiscount(ctx.repo, h, lines);
  for (const l of lines) {
    if (l.type !== " ") recalcLineAmounts(ctx.repo, h, l);
    saveLine(ctx, l);
  }
}

/** After a customer or VAT-basis change, lines take the header's new posting groups and are recalculated. */
function refreshLines(ctx: Ctx, h: SalesHeaderRow, lines: SalesLineRow[], wasInclVat: boolean): void {
  for (const l of lines) {
    l.sellToCustomerNo = h.sellToCustomerNo;
    l.billToCustomerNo = h.billToCustomerNo;
    if (l.type !== " ") {
      l.genBusPostingGroup = h.genBusPostingGroup;
      l.vatBusPostingGroup = h.vatBusPostingGroup;
      const no = l.no;
      const qty = l.quantity;
      let price = l.unitPrice;
      setLineField(ctx, h, l, "no", no);
      // Switching the VAT basis converts the prices already on the lines, as BC asks to.
      const factor = ONE.plus(l.vatPct.div(HUNDRED));
      if (h.pricesIncludingVat && !wasInclVat) price = roundUnitAmount(price.times(factor));
      if (!h.pricesIncludingVat && wasInclVat) price = roundUnitAmount(price.div(factor));
      l.quantity = qty;
      l.unitPrice = price;
      l.invDiscountAmount = ZERO;
      recalcLineAmounts(ctx.repo, h, l);
    }
    saveLine(ctx, l);
  }
}

export function releaseSalesDocument(ctx: Ctx, input: JsonObject) {
  onlyFields(input, ["documentType", "no"], "releaseSalesDocument");
  const h = getHeader(
    ctx,
    documentTypeOf(input, "releaseSalesDocument"),
    docNoOf(input, "releaseSalesDocument"),
  );
  releaseDocument(ctx, h, loadLines(ctx, h));
  return { status: h.status };
}

export function reopenSalesDocument(ctx: Ctx, input: JsonObject) {
  onlyFields(input, ["documentType", "no"], "reopenSalesDocument");
  const h = getHeader(
    ctx,
    documentTypeOf(input, "reopenSalesDocument"),
    docNoOf(input, "reopenSalesDocument"),
  );
  reopenDocument(ctx, h);
  return { status: h.status };
}
