import type { CustInvoiceDiscRow } from "../../db/schema/rows.generated.js";
import { notNegative, percent } from "./common.js";
import type { TableRule } from "./types.js";

/** Cust. Invoice Disc. (table 19): Minimum Amount and Service Charge are never negative. */
export const custInvoiceDiscRules: TableRule<CustInvoiceDiscRow>[] = [
  percent("discountPct"),
  notNegative("minimumAmount", "serviceCharge"),
];
