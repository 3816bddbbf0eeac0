import type { CustomerRow } from "../../db/schema/rows.generated.js";
import { notNegative, percent } from "./common.js";
import type { TableRule } from "./types.js";

/**
 * Customer (table 18). Posting groups, payment terms, location and Bill-to Customer No. are checked as
 * references by the generic rule (a bill-to customer given in the same upsert counts); Blocked is an
 * option, so the input parser already limits it to " ", Ship, Invoice, All.
 */
export const customerRules: TableRule<CustomerRow>[] = [
  notNegative("creditLimitLcy"),
  percent("prepaymentPct"),
];
