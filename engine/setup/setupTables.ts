import type { Repo } from "../db/repo.js";
import type {
  GeneralLedgerSetupRow,
  InventorySetupRow,
  SalesReceivablesSetupRow,
} from "../db/schema/rows.generated.js";
import { defaultRow } from "./defaults.js";

/**
 * The singleton set-up rows. A company that never upserted one behaves as if the row held the schema
 * defaults (Business Central creates the record on first use with its InitValues).
 */
export function getSalesSetup(repo: Repo): SalesReceivablesSetupRow {
  return repo.get("salesReceivablesSetup", "") ?? defaultRow("salesReceivablesSetup");
}

export function getInventorySetup(repo: Repo): InventorySetupRow {
  return repo.get("inventorySetup", "") ?? defaultRow("inventorySetup");
}

export function getGlSetup(repo: Repo): GeneralLedgerSetupRow {
  return repo.get("generalLedgerSetup", "") ?? defaultRow("generalLedgerSetup");
}
