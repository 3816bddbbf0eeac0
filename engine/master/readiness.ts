import type { Ctx } from "../api/context.js";
import type { Row } from "../db/codec.js";
import { fieldCaption } from "../setup/captions.js";

/**
 * A customer or item saved without what a sales document needs is valid master data, but it cannot
 * be used yet. Saying so when it is saved (a warning, never a refusal) spares the surprise at the
 * first document. The fields are what BC's posting checks ask for on the first sale.
 */
const NEEDED: Record<string, { what: string; fields: (row: Row) => string[] }> = {
  customer: {
    what: "cannot be invoiced yet",
    fields: () => ["customerPostingGroup", "genBusPostingGroup", "vatBusPostingGroup"],
  },
  item: {
    what: "cannot be sold yet",
    fields: (row) => [
      "baseUnitOfMeasure",
      "genProdPostingGroup",
      "vatProdPostingGroup",
      ...(row.type === "Inventory" ? ["inventoryPostingGroup"] : []),
    ],
  },
};

const caption = { customer: "Customer", item: "Item" } as Record<string, string>;

export function readinessWarnings(
  ctx: Ctx,
  table: string,
  rows: readonly { key: readonly (string | number)[]; merged: Row }[],
): void {
  const need = NEEDED[table];
  if (!need) return;
  for (const { key, merged } of rows) {
    const missing = need.fields(merged).filter((f) => merged[f] === "" || merged[f] === null);
    if (missing.length === 0) continue;
    const message = `${caption[table]} ${key.join(" ")} ${need.what}: ${missing.map(fieldCaption).join(", ")} ${
      missing.length === 1 ? "has" : "have"
    } no value.`;
    ctx.warnings.push(message);
    ctx.warningDetails.push({ message, table, key: { no: String(key[0]) }, field: missing[0]! });
  }
}
