import type { Ctx } from "../api/context.js";
import type { ItemRow, ValueEntryRow } from "../db/schema/rows.generated.js";
import type { GlPoster } from "../posting/glPoster.js";
import {
  getGeneralPostingSetup,
  getInventoryPostingSetup,
  keyText,
  requireAccount,
} from "../setup/postingSetup.js";
import { getInventorySetup } from "../setup/setupTables.js";
import { ZERO } from "../kernel/decimal.js";

/**
 * Spec 10.3 (InventoryPostingToGL): the G/L pair of one value entry. Actual cost moves between the
 * inventory account and the entry type's counter-account; expected cost, when the set-up posts it,
 * between the interim accounts. Returns the amounts posted, for the value entry's posted-to-G/L fields.
 */
export function postValueEntryToGl(ctx: Ctx, gl: GlPoster, item: ItemRow, v: ValueEntryRow): void {
  const setup = getInventorySetup(ctx.repo);
  if (!setup.automaticCostPosting || item.type !== "Inventory") return;
  const actual = v.costAmountActual;
  const expected = setup.expectedCostPostingToGl ? v.costAmountExpected : ZERO;
  if (actual.isZero() && expected.isZero()) return;
  const ips = getInventoryPostingSetup(ctx.repo, v.locationCode, v.inventoryPostingGroup);
  const ipsKey = keyText("inventoryPostingSetup", ips);
  const gps = getGeneralPostingSetup(ctx.repo, v.genBusPostingGroup, v.genProdPostingGroup);
  const gpsKey = keyText("generalPostingSetup", gps);
  const base = {
    postingDate: v.postingDate!,
    documentNo: v.documentNo,
    documentType: " " as const,
    description: v.description || item.description,
    genBusPostingGroup: v.genBusPostingGroup,
    genProdPostingGroup: v.genProdPostingGroup,
    sourceType: v.sourceType,
    sourceNo: v.sourceNo,
    externalDocumentNo: v.externalDocumentNo,
    documentDate: v.documentDate,
  };
  if (!actual.isZero()) {
    const inventory = requireAccount(ips, "inventoryAccount", "Inventory Posting Setup", ipsKey);
    let counterField:
      "cogsAccount" | "directCostAppliedAccount" | "inventoryAdjmtAccount" | "purchaseVarianceAccount";
    if (v.entryType === "Variance") counterField = "purchaseVarianceAccount";
    else if (v.entryType === "Rounding") counterField = "inventoryAdjmtAccount";
    else if (v.itemLedgerEntryType === "Sale") counterField = "cogsAccount";
    else if (v.itemLedgerEntryType === "Purchase") counterField = "directCostAppliedAccount";
    else counterField = "inventoryAdjmtAccount";
    const counter = requireAccount(gps, counterField, "General Posting Setup", gpsKey);
    gl.addPair(base, inventory, counter, actual);
    v.costPostedToGl = actual;
  }
  if (!expected.isZero()) {
    const interim = requireAccount(ips, "inventoryAccountInterim", "Inventory Posting Setup", ipsKey);
    const counterField = v.itemLedgerEntryType === "Sale" ? "cogsAccountInterim" : "invtAccrualAccInterim";
    const counter = requireAccount(gps, counterField, "General Posting Setup", gpsKey);
    gl.addPair(base, interim, counter, expected);
    v.expectedCostPostedToGl = expected;
  }
}
