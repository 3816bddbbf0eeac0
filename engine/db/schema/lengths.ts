import type { ColumnDef } from "../columns.js";

/**
 * Business Central's field lengths. Codes are Code[20] and texts Text[100] unless BC says otherwise;
 * these lengths are checked after normalisation and upper-casing (ß upper-cases to SS).
 */
const CODE_10 = new Set([
  "unitOfMeasureCode",
  "salesUnitOfMeasure",
  "baseUnitOfMeasure",
  "locationCode",
  "paymentTermsCode",
  "currencyCode",
  "lcyCode",
  "shipmentMethodCode",
  "countryRegionCode",
  "paymentMethodCode",
  "reasonCode",
  "returnReasonCode",
  "sourceCode",
  "purchasingCode",
  "shipToCode",
  "customerPriceGroup",
  "journalBatchName",
]);
/** Tables whose own key is a Code[10] in BC. */
const CODE_10_KEYS = new Set(["unitOfMeasure", "paymentTerms", "location"]);
const CODE_LENGTHS: Record<string, number> = { userId: 50, appliesToId: 50, externalDocumentNo: 35 };
const TEXT_LENGTHS: Record<string, number> = {
  name2: 50,
  address2: 50,
  city: 30,
  sellToCity: 30,
  billToCity: 30,
  shipToCity: 30,
  phoneNo: 30,
  eMail: 80,
  yourReference: 35,
  externalDocumentNo: 35,
  vatRegistrationNo: 20,
};

export function maxLength(table: string, col: ColumnDef): number | undefined {
  if (col.kind === "code") {
    if (col.name === "code" && CODE_10_KEYS.has(table)) return 10;
    return CODE_10.has(col.name) ? 10 : (CODE_LENGTHS[col.name] ?? 20);
  }
  if (col.kind === "text") return TEXT_LENGTHS[col.name] ?? 100;
  return undefined;
}
