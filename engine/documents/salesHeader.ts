import { collectError } from "../api/input.js";
import type { Ctx } from "../api/context.js";
import type { Value } from "../db/codec.js";
import type { CustomerRow, SalesHeaderRow } from "../db/schema/rows.generated.js";
import { calcDate } from "../kernel/dateFormula.js";
import { ErrorCollector, fail, type ErrorDetail } from "../kernel/errors.js";
import { defaultRow } from "../setup/defaults.js";
import { getNextNo } from "../setup/noSeries.js";
import { checkGlAccount } from "../setup/postingSetup.js";
import { getGlSetup, getSalesSetup } from "../setup/setupTables.js";
import { blockedMessage, getCustomer } from "./customerCheck.js";
import { DOCUMENT_NOS_FIELD, isCreditDoc, type SalesDocumentType } from "./docTypes.js";
import { applyPaymentTerms, setPaymentDiscountPct } from "./paymentTerms.js";
import type { Dec } from "../kernel/decimal.js";

export function headerAt(
  h: Pick<SalesHeaderRow, "documentType" | "no">,
  field?: string,
): Omit<ErrorDetail, "message"> {
  return {
    table: "salesHeader",
    documentType: h.documentType,
    documentNo: h.no,
    ...(field ? { field } : {}),
  };
}

export function getHeader(ctx: Ctx, documentType: SalesDocumentType, no: string): SalesHeaderRow {
  const h = ctx.repo.get("salesHeader", documentType, no);
  if (!h) {
    return fail(
      "not_found",
      `The Sales Header does not exist. Identification fields and values: Document Type='${documentType}',No.='${no}'`,
      {
        table: "salesHeader",
        documentType,
        documentNo: no,
      },
    );
  }
  return h;
}

export function saveHeader(ctx: Ctx, h: SalesHeaderRow): void {
  ctx.repo.update("salesHeader", [h.documentType, h.no], h);
}

/** Spec 3.4 TestStatusOpen. */
export function testStatusOpen(h: SalesHeaderRow, field?: string): void {
  if (h.status !== "Open") {
    fail(
      "validation",
      `Status must be equal to 'Open'  in Sales Header: Document Type=${h.documentType}, No.=${h.no}. Current value is '${h.status}'.`,
      headerAt(h, field),
    );
  }
}

/** Spec 2.1: fields taken from the sell-to customer. */
function copySellTo(h: SalesHeaderRow, c: CustomerRow): void {
  h.sellToCustomerNo = c.no;
  h.sellToCustomerName = c.name;
  h.sellToAddress = c.address;
  h.sellToCity = c.city;
  h.sellToContact = c.contact;
  h.genBusPostingGroup = c.genBusPostingGroup;
  h.vatBusPostingGroup = c.vatBusPostingGroup;
  h.vatRegistrationNo = c.vatRegistrationNo;
  h.shippingAdvice = c.shippingAdvice;
  h.salespersonCode = c.salespersonCode;
  h.locationCode = c.locationCode;
  h.shipToCode = "";
  h.shipToName = c.name;
  h.shipToAddress = c.address;
  h.shipToCity = c.city;
}

/** Spec 2.1: fields taken from the bill-to customer. */
function copyBillTo(ctx: Ctx, h: SalesHeaderRow, c: CustomerRow): void {
  h.billToCustomerNo = c.no;
  h.billToName = c.name;
  h.billToAddress = c.address;
  h.billToCity = c.city;
  h.billToContact = c.contact;
  h.paymentTermsCode = c.paymentTermsCode;
  h.paymentMethodCode = isCreditDoc(h.documentType) ? "" : c.paymentMethodCode;
  h.customerPostingGroup = c.customerPostingGroup;
  h.currencyCode = c.currencyCode;
  h.customerPriceGroup = c.customerPriceGroup;
  h.customerDiscGroup = c.customerDiscGroup;
  h.pricesIncludingVat = c.pricesIncludingVat;
  h.allowLineDisc = c.allowLineDisc;
  h.invoiceDiscCode = c.invoiceDiscCode;
  h.combineShipments = c.combineShipments;
  h.prepaymentPct =
    h.documentType === "Order" || h.documentType === "Quote" ? c.prepaymentPct : h.prepaymentPct;
  applyPaymentTerms(ctx.repo, h);
}

function checkCustomerUsable(c: CustomerRow, h: SalesHeaderRow, field: string): void {
  const msg = blockedMessage(c, h.documentType, false, false);
  if (msg) fail("validation", msg, headerAt(h, field));
}

export function setSellToCustomer(ctx: Ctx, h: SalesHeaderRow, no: string, billToNo?: string): void {
  const sellTo = getCustomer(ctx.repo, no, headerAt(h, "sellToCustomerNo"));
  checkCustomerUsable(sellTo, h, "sellToCustomerNo");
  copySellTo(h, sellTo);
  setBillToCustomer(ctx, h, billToNo || sellTo.billToCustomerNo || sellTo.no);
}

export function setBillToCustomer(ctx: Ctx, h: SalesHeaderRow, no: string): void {
  const billTo = getCustomer(ctx.repo, no, headerAt(h, "billToCustomerNo"));
  checkCustomerUsable(billTo, h, "billToCustomerNo");
  copyBillTo(ctx, h, billTo);
}

/** Spec 3.2 InitRecord: a new header with the defaults of the document type, before the customer. */
export function newHeader(ctx: Ctx, documentType: SalesDocumentType, no: string | undefined): SalesHeaderRow {
  const setup = getSalesSetup(ctx.repo);
  const h = defaultRow("salesHeader");
  h.documentType = documentType;
  const seriesField = DOCUMENT_NOS_FIELD[documentType];
  const series = setup[seriesField];
  if (no) {
    h.no = no;
  } else {
    if (!series) {
      fail(
        "validation",
        `You must specify a number series in ${seriesField} of Sales & Receivables Setup, or give the document a No.`,
        {
          table: "salesReceivablesSetup",
          field: seriesField,
        },
      );
    }
    h.no = getNextNo(ctx.repo, series, ctx.workDate, ctx.warnings);
    h.noSeries = series;
  }
  if (ctx.repo.get("salesHeader", documentType, h.no)) {
    fail(
      "validation",
      `The Sales Header already exists. Identification fields and values: Document Type='${documentType}',No.='${h.no}'`,
      headerAt(h, "no"),
    );
  }
  h.orderDate = ctx.workDate;
  h.documentDate = ctx.workDate;
  h.shipmentDate = ctx.workDate;
  h.postingDate = setup.defaultPostingDate === "No Date" ? null : ctx.workDate;
  h.status = "Open";
  h.invoiceDiscountCalculation = "None";
  h.postingNoSeries = isCreditDoc(documentType) ? setup.postedCreditMemoNos : setup.postedInvoiceNos;
  h.shippingNoSeries = setup.postedShipmentNos;
  h.returnReceiptNoSeries = setup.postedReturnReceiptNos;
  h.correction = isCreditDoc(documentType) ? getGlSetup(ctx.repo).markCrMemosAsCorrections : false;
  if (documentType === "Quote" && setup.quoteValidityCalculation) {
    h.quoteValidUntilDate = calcDate(setup.quoteValidityCalculation, ctx.workDate, {
      table: "salesReceivablesSetup",
      field: "quoteValidityCalculation",
    });
  }
  return h;
}

/** Header fields a user may set directly (customers are set through their own rules). */
export const HEADER_INPUT_FIELDS = [
  "billToCustomerNo",
  "orderDate",
  "postingDate",
  "documentDate",
  "shipmentDate",
  "dueDate",
  "paymentTermsCode",
  "paymentDiscountPct",
  "pmtDiscountDate",
  "paymentMethodCode",
  "locationCode",
  "pricesIncludingVat",
  "salespersonCode",
  "externalDocumentNo",
  "yourReference",
  "shippingAdvice",
  "requestedDeliveryDate",
  "promisedDeliveryDate",
  "reasonCode",
  "appliesToDocType",
  "appliesToDocNo",
  "combineShipments",
  "invoiceDiscountCalculation",
  "invoiceDiscountValue",
  "balAccountType",
  "balAccountNo",
  "sellToCustomerName",
  "sellToAddress",
  "sellToCity",
  "sellToContact",
  "billToName",
  "billToAddress",
  "billToCity",
  "billToContact",
  "shipToName",
  "shipToAddress",
  "shipToCity",
] as const;

/** Fields that may change on a released document (BC does not call TestStatusOpen for them). */
const EDITABLE_WHEN_RELEASED = new Set<string>([
  "postingDate",
  "documentDate",
  "dueDate",
  "pmtDiscountDate",
  "paymentDiscountPct",
  "externalDocumentNo",
  "yourReference",
  "salespersonCode",
  "requestedDeliveryDate",
  "promisedDeliveryDate",
  "shippingAdvice",
]);

/**
 * Applies header field values in the order given, with the side effects BC's OnValidate triggers
 * have (dates re-derive due dates, a new bill-to customer re-copies its fields). Returns whether
 * lines must be recalculated.
 */
export function applyHeaderFields(
  ctx: Ctx,
  h: SalesHeaderRow,
  values: Record<string, Value>,
  errors: ErrorCollector,
): boolean {
  let linesChanged = false;
  const setup = getSalesSetup(ctx.repo);
  for (const [field, value] of Object.entries(values)) {
    try {
      if (h.status !== "Open" && !EDITABLE_WHEN_RELEASED.has(field)) testStatusOpen(h, field);
      switch (field) {
        case "billToCustomerNo":
          setBillToCustomer(ctx, h, value as string);
          linesChanged = true;
          break;
        case "postingDate":
          h.postingDate = value as string | null;
          if (setup.linkDocDateToPostingDate && h.postingDate) {
            h.documentDate = h.postingDate;
            applyPaymentTerms(ctx.repo, h);
          }
          break;
        case "documentDate":
          h.documentDate = value as string | null;
          applyPaymentTerms(ctx.repo, h);
          break;
        case "paymentTermsCode":
          h.paymentTermsCode = value as string;
          applyPaymentTerms(ctx.repo, h);
          break;
        case "paymentDiscountPct":
          setPaymentDiscountPct(ctx.repo, h, value as Dec);
          break;
        case "locationCode":
          if (value && !ctx.repo.get("location", value as string)) {
            fail(
              "not_found",
              `The Location does not exist. Identification fields and values: Code='${String(value)}'`,
              headerAt(h, field),
            );
          }
          h.locationCode = value as string;
          break;
        case "balAccountType":
          if (value !== "G/L Account") {
            fail(
              "validation",
              "Only a G/L account can be the balancing account of a sales document in this version.",
              headerAt(h, field),
            );
          }
          h.balAccountType = value;
          break;
        case "balAccountNo":
          if (value) checkGlAccount(ctx.repo, value as string, headerAt(h, field));
          h.balAccountNo = value as string;
          break;
        case "pricesIncludingVat":
          if (h.pricesIncludingVat !== value) linesChanged = true;
          h.pricesIncludingVat = value as boolean;
          break;
        default:
          (h as unknown as Record<string, Value>)[field] = value;
      }
    } catch (e) {
      collectError(errors, e, headerAt(h, field));
    }
  }
  return linesChanged;
}
