import type { ItemRow } from "../../db/schema/rows.generated.js";
import { notNegative } from "./common.js";
import type { RuleContext, TableRule } from "./types.js";

function hasLedgerEntries(c: RuleContext<ItemRow>): boolean {
  return c.repo.exists("itemLedgerEntry", { itemNo: c.row.no });
}

/** BC Item."Costing Method" OnValidate: fixed once the item has ledger entries. */
function costingMethodFixedByEntries(c: RuleContext<ItemRow>): void {
  if (!c.before || c.before.costingMethod === c.row.costingMethod) return;
  if (hasLedgerEntries(c))
    c.error(
      "costingMethod",
      "You cannot change Costing Method because there are one or more ledger entries for this item.",
    );
}

/** BC Item.Type OnValidate: an item with ledger entries cannot change between inventory and non-inventory. */
function typeFixedByEntries(c: RuleContext<ItemRow>): void {
  if (!c.before || c.before.type === c.row.type) return;
  if (hasLedgerEntries(c))
    c.error(
      "type",
      `You cannot change the Type field on Item ${c.row.no} because at least one Item Ledger Entry exists for this item.`,
    );
}

/**
 * Service and Non-Inventory items carry no inventory, so an Inventory Posting Group on them would never
 * be used. Business Central clears the field; we refuse it, so an upsert never silently drops a value.
 */
function noInventoryPostingGroupOnNonInventory(c: RuleContext<ItemRow>): void {
  if (c.row.type !== "Inventory" && c.row.inventoryPostingGroup !== "")
    c.error(
      "inventoryPostingGroup",
      `Inventory Posting Group must be blank for an item of type ${c.row.type}, not '${c.row.inventoryPostingGroup}'.`,
    );
}

export const itemRules: TableRule<ItemRow>[] = [
  notNegative("unitPrice", "unitCost", "standardCost", "lastDirectCost"),
  costingMethodFixedByEntries,
  typeFixedByEntries,
  noInventoryPostingGroupOnNonInventory,
];
