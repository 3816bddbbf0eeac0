import type { VatPostingSetupRow } from "../../db/schema/rows.generated.js";
import { percent } from "./common.js";
import type { RuleContext, TableRule } from "./types.js";

/** BC VAT Posting Setup: a blank VAT Identifier takes the VAT Prod. Posting Group's code. */
function defaultVatIdentifier(c: RuleContext<VatPostingSetupRow>): void {
  if (c.row.vatIdentifier === "") c.row.vatIdentifier = c.row.vatProdPostingGroup;
}

export const vatPostingSetupRules: TableRule<VatPostingSetupRow>[] = [
  percent("vatPct"),
  defaultVatIdentifier,
];
