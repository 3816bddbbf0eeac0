import type { GeneralLedgerSetupRow } from "../../db/schema/rows.generated.js";
import { compareDates } from "../../kernel/dates.js";
import { notNegative, percent, positive } from "./common.js";
import type { RuleContext, TableRule } from "./types.js";

function postingRangeInOrder(c: RuleContext<GeneralLedgerSetupRow>): void {
  const { allowPostingFrom: from, allowPostingTo: to } = c.row;
  if (from !== null && to !== null && compareDates(from, to) > 0)
    c.error("allowPostingFrom", `Allow Posting From (${from}) must not be after Allow Posting To (${to}).`);
}

export const generalLedgerSetupRules: TableRule<GeneralLedgerSetupRow>[] = [
  postingRangeInOrder,
  positive("amountRoundingPrecision", "unitAmountRoundingPrecision", "invoiceRoundingPrecision"),
  percent("vatTolerancePct"),
  notNegative("maxVatDifferenceAllowed"),
];
