import type { Ctx } from "../api/context.js";
import type { ItemLedgerEntryRow, ItemRow } from "../db/schema/rows.generated.js";
import type { Dec } from "../kernel/decimal.js";
import { fromScaled } from "../db/codec.js";
import { fail } from "../kernel/errors.js";
import type { ItemPoster } from "./itemPoster.js";

function insertApplication(
  ctx: Ctx,
  poster: ItemPoster,
  ile: number,
  inbound: number,
  outbound: number,
  quantity: Dec,
  date: string | null,
): void {
  ctx.repo.insert("itemApplicationEntry", {
    entryNo: poster.nextApplicationEntryNo(),
    itemLedgerEntryNo: ile,
    inboundItemEntryNo: inbound,
    outboundItemEntryNo: outbound,
    quantity,
    postingDate: date,
  });
}

export interface Application {
  inbound: number;
  /** Negative: the quantity taken from the inbound entry. */
  quantity: Dec;
}

/**
 * Spec 7.4.5: an outbound entry takes its quantity from open inbound entries, oldest first (FIFO,
 * Average, Standard) or newest first (LIFO), or from the one entry it is fixed to. Whatever cannot
 * be covered stays open as negative inventory, to be applied when stock arrives. Sets the entry's
 * remaining quantity before it is written, and writes the applications after.
 */
export function planOutbound(ctx: Ctx, e: ItemLedgerEntryRow, item: ItemRow): Application[] {
  const repo = ctx.repo;
  let remaining = e.quantity.neg();
  let candidates: { entryNo: number; remainingQuantity: Dec }[];
  if (e.appliesToEntry) {
    const fixed = repo.get("itemLedgerEntry", e.appliesToEntry);
    if (!fixed || fixed.itemNo !== e.itemNo || !fixed.positive) {
      return fail(
        "posting",
        `Item ledger entry ${e.appliesToEntry} cannot be applied to: it is not an inbound entry of item ${e.itemNo}.`,
      );
    }
    if (!fixed.open || fixed.remainingQuantity.lt(remaining)) {
      return fail(
        "posting",
        `The remaining quantity of item ledger entry ${fixed.entryNo} (${fixed.remainingQuantity.toFixed()}) is too low to cover ${remaining.toFixed()} units.`,
      );
    }
    candidates = [fixed];
  } else {
    const order =
      item.costingMethod === "LIFO" ? `"postingDate" DESC, "entryNo" DESC` : `"postingDate", "entryNo"`;
    // Only the two fields the application needs: fetching whole rows cost more than the search.
    candidates = repo.db
      .all(
        `SELECT "entryNo", "remainingQuantity" FROM "itemLedgerEntry"
          WHERE "itemNo" = CAST(? AS TEXT) AND "open" = 1 AND "positive" = 1 AND "locationCode" = CAST(? AS TEXT) ORDER BY ${order}`,
        [e.itemNo, e.locationCode],
      )
      .map((r) => ({ entryNo: Number(r[0]), remainingQuantity: fromScaled(r[1] ?? 0, 5) }));
  }
  const apps: Application[] = [];
  for (const c of candidates) {
    if (remaining.isZero()) break;
    const take = c.remainingQuantity.lt(remaining) ? c.remainingQuantity : remaining;
    if (take.lte(0)) continue;
    const left = c.remainingQuantity.minus(take);
    repo.update("itemLedgerEntry", [c.entryNo], { remainingQuantity: left, open: !left.isZero() });
    apps.push({ inbound: c.entryNo, quantity: take.neg() });
    remaining = remaining.minus(take);
  }
  e.remainingQuantity = remaining.neg();
  e.open = !remaining.isZero();
  return apps;
}

export function writeOutboundApplications(
  ctx: Ctx,
  poster: ItemPoster,
  e: ItemLedgerEntryRow,
  apps: readonly Application[],
): void {
  for (const a of apps)
    insertApplication(ctx, poster, e.entryNo, a.inbound, e.entryNo, a.quantity, e.postingDate);
}

/** An inbound entry first covers outbound entries left open by negative inventory, oldest first. */
export function applyInbound(ctx: Ctx, poster: ItemPoster, e: ItemLedgerEntryRow): void {
  const repo = ctx.repo;
  insertApplication(ctx, poster, e.entryNo, e.entryNo, 0, e.quantity, e.postingDate);
  let remaining = e.quantity;
  const open = repo.select(
    "itemLedgerEntry",
    { itemNo: e.itemNo, open: true, positive: false, locationCode: e.locationCode },
    `"postingDate", "entryNo"`,
  );
  for (const o of open) {
    if (remaining.isZero()) break;
    const need = o.remainingQuantity.neg();
    const take = need.lt(remaining) ? need : remaining;
    const left = o.remainingQuantity.plus(take);
    repo.update("itemLedgerEntry", [o.entryNo], { remainingQuantity: left, open: !left.isZero() });
    insertApplication(ctx, poster, o.entryNo, e.entryNo, o.entryNo, take.neg(), e.postingDate);
    poster.touchedOutbound.add(o.entryNo);
    const fresh = poster.fresh.get(o.entryNo);
    if (fresh) {
      fresh.ile.remainingQuantity = left;
      fresh.ile.open = !left.isZero();
      fresh.applications.push({ inbound: e.entryNo, quantity: take.neg() });
    }
    remaining = remaining.minus(take);
  }
  if (!remaining.eq(e.quantity)) {
    e.remainingQuantity = remaining;
    e.open = !remaining.isZero();
    repo.update("itemLedgerEntry", [e.entryNo], { remainingQuantity: remaining, open: e.open });
  }
}
