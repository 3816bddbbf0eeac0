import type { Row } from "../../db/codec.js";
import { custInvoiceDiscRules } from "./custInvoiceDisc.js";
import { customerRules } from "./customer.js";
import { generalLedgerSetupRules } from "./generalLedgerSetup.js";
import { itemRules } from "./item.js";
import { noSeriesRules } from "./noSeries.js";
import { paymentTermsRules } from "./paymentTerms.js";
import type { TableRule } from "./types.js";
import { vatPostingSetupRules } from "./vatPostingSetup.js";

export type { RuleContext, TableRule } from "./types.js";

/** Rules are written against a table's typed row; the registry holds them over plain rows. */
function erase<R>(rules: readonly TableRule<R>[]): readonly TableRule<Row>[] {
  return rules as unknown as readonly TableRule<Row>[];
}

/**
 * Table-specific rules, keyed by table name. Every upserted table also gets the generic rules of
 * engine/master/validate.ts (key fields not blank, references exist).
 */
export const TABLE_RULES: Readonly<Record<string, readonly TableRule<Row>[]>> = {
  customer: erase(customerRules),
  item: erase(itemRules),
  vatPostingSetup: erase(vatPostingSetupRules),
  paymentTerms: erase(paymentTermsRules),
  custInvoiceDisc: erase(custInvoiceDiscRules),
  generalLedgerSetup: erase(generalLedgerSetupRules),
  noSeries: erase(noSeriesRules),
};

/**
 * Key fields that may be blank. Business Central allows a blank group in posting set-up keys (the
 * fixture's General Posting Setup for a blank Gen. Bus. Posting Group, its Inventory Posting Setup for
 * the blank location) and a blank currency (LCY) in invoice discount terms.
 */
export const BLANK_KEY_ALLOWED: Readonly<Record<string, readonly string[]>> = {
  generalPostingSetup: ["genBusPostingGroup", "genProdPostingGroup"],
  vatPostingSetup: ["vatBusPostingGroup", "vatProdPostingGroup"],
  inventoryPostingSetup: ["locationCode", "invtPostingGroupCode"],
  custInvoiceDisc: ["currencyCode"],
};
