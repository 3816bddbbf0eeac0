import type { GeneralLedgerSetupRow } from "../../db/schema/rows.generated.js";
import { compareDates } from "../../kernel/dates.js";
import { notNegative, percent, positive } from "./common.js";
import type { RuleContext, TableRule } from "./types.js";

function postingRangeInOrder(c: RuleContext<GeneralLedgerSetupRow>): void {
  const { allowPostingFrom: from, allowPostingTo: to } = c.row;
  if (from !== null && to !== null && compareDates(from, to) > 0)
    c.error("allowPostingFrom", `Allow Posting From (${from}) must not be after Allow Posting To (${to}).`);
}

/**
 * Amounts are rounded to the cent and unit amounts to 0.00001 throughout the engine; another precision
 * would be stored and then ignored, so it is refused (docs/differences.md).
 */
function supportedPrecisions(c: RuleContext<GeneralLedgerSetupRow>): void {
  // Zero and negative values already have their own message.
  if (c.row.amountRoundingPrecision.gt(0) && !c.row.amountRoundingPrecision.eq("0.01"))
    c.error(
      "amountRoundingPrecision",
      `Amount Rounding Precision must be 0.01: Ledgerpane rounds amounts to the cent (not ${c.row.amountRoundingPrecision.toFixed()}).`,
    );
  if (c.row.unitAmountRoundingPrecision.gt(0) && !c.row.unitAmountRoundingPrecision.eq("0.00001"))
    c.error(
      "unitAmountRoundingPrecision",
      `Unit-Amount Rounding Precision must be 0.00001: Ledgerpane rounds unit prices and costs to five decimals (not ${c.row.unitAmountRoundingPrecision.toFixed()}).`,
    );
}

export const generalLedgerSetupRules: TableRule<GeneralLedgerSetupRow>[] = [
  postingRangeInOrder,
  supportedPrecisions,
  positive("amountRoundingPrecision", "unitAmountRoundingPrecision", "invoiceRoundingPrecision"),
  percent("vatTolerancePct"),
  notNegative("maxVatDifferenceAllowed"),
];
