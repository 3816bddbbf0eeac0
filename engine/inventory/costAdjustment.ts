import type { Ctx } from "../api/context.js";
import { fromScaled } from "../db/codec.js";
import { exactSumSql } from "../db/exactSum.js";
import type { ItemLedgerEntryRow, ItemRow } from "../db/schema/rows.generated.js";
import { addDays, makeDate, weekday, yearMonthDay, daysInMonth, type IsoDate } from "../kernel/dates.js";
import { ZERO, type Dec } from "../kernel/decimal.js";
import { RemainderRounder, roundAmount, roundUnitAmount } from "../kernel/rounding.js";
import { defaultRow } from "../setup/defaults.js";
import { getInventorySetup } from "../setup/setupTables.js";
import type { ItemPoster } from "./itemPoster.js";

const amount = (v: unknown) => fromScaled((v ?? 0n) as bigint, 2);
const qty = (v: unknown) => fromScaled((v ?? 0n) as bigint, 5);

/** Cost per unit of an inbound entry: all its value (actual and expected) over its quantity. */
function inboundUnitCost(ctx: Ctx, poster: ItemPoster, entryNo: number): Dec {
  const known = poster.inboundCost.get(entryNo);
  if (known) return known;
  const r = ctx.db.all(
    `SELECT e."quantity", (SELECT COALESCE(SUM(v."costAmountActual" + v."costAmountExpected"), 0)
                             FROM "valueEntry" v WHERE v."itemLedgerEntryNo" = e."entryNo")
       FROM "itemLedgerEntry" e WHERE e."entryNo" = ?`,
    [BigInt(entryNo)],
  )[0];
  if (!r) return ZERO;
  const q = qty(r[0]);
  const cost = q.isZero() ? ZERO : amount(r[1]).div(q);
  poster.inboundCost.set(entryNo, cost);
  return cost;
}

/**
 * Brings an outbound entry's cost to `targetExact` (negative for outbound) with adjustment value
 * entries: the invoiced share as actual cost, the rest as expected cost (spec 10.2, Adjust Cost).
 */
function setTargetCost(
  ctx: Ctx,
  poster: ItemPoster,
  item: ItemRow,
  e: ItemLedgerEntryRow,
  targetExact: Dec,
): boolean {
  const fresh = poster.fresh.get(e.entryNo);
  let current: { actual: Dec; expected: Dec };
  if (fresh) current = { actual: fresh.costActual, expected: fresh.costExpected };
  else {
    const r = ctx.db.all(
      `SELECT COALESCE(SUM("costAmountActual"),0), COALESCE(SUM("costAmountExpected"),0) FROM "valueEntry" WHERE "itemLedgerEntryNo" = ?`,
      [BigInt(e.entryNo)],
    )[0]!;
    current = { actual: amount(r[0]), expected: amount(r[1]) };
  }
  const total = roundAmount(targetExact);
  let targetActual: Dec;
  if (e.invoicedQuantity.eq(e.quantity)) targetActual = total;
  else if (e.invoicedQuantity.isZero()) targetActual = ZERO;
  else targetActual = roundAmount(total.times(e.invoicedQuantity).div(e.quantity));
  const targetExpected = total.minus(targetActual);
  const deltaActual = targetActual.minus(current.actual);
  const deltaExpected = targetExpected.minus(current.expected);
  if (deltaActual.isZero() && deltaExpected.isZero()) return false;
  const last = ctx.repo.select("valueEntry", { itemLedgerEntryNo: e.entryNo }, `"entryNo" DESC`)[0]!;
  for (const [delta, expected] of [
    [deltaActual, false],
    [deltaExpected, true],
  ] as const) {
    if (delta.isZero()) continue;
    const v = defaultRow("valueEntry");
    Object.assign(v, {
      entryNo: poster.allocateValueEntryNo(),
      itemNo: e.itemNo,
      postingDate: last.postingDate,
      valuationDate: e.postingDate,
      itemLedgerEntryType: e.entryType,
      itemLedgerEntryNo: e.entryNo,
      sourceType: e.sourceType,
      sourceNo: e.sourceNo,
      documentNo: last.documentNo,
      documentType: last.documentType,
      documentLineNo: last.documentLineNo,
      description: last.description,
      locationCode: e.locationCode,
      inventoryPostingGroup: last.inventoryPostingGroup,
      genBusPostingGroup: last.genBusPostingGroup,
      genProdPostingGroup: last.genProdPostingGroup,
      entryType: "Direct Cost",
      adjustment: true,
      expectedCost: expected,
      valuedQuantity: e.quantity,
      costPerUnit: roundUnitAmount(delta.div(e.quantity)),
      costAmountActual: expected ? ZERO : delta,
      costAmountExpected: expected ? delta : ZERO,
      documentDate: last.documentDate,
      externalDocumentNo: last.externalDocumentNo,
    });
    poster.writeValueEntry(item, v);
  }
  return true;
}

/** FIFO, LIFO: an outbound entry costs what the inbound entries it was applied to cost. */
function adjustApplied(ctx: Ctx, poster: ItemPoster, item: ItemRow, e: ItemLedgerEntryRow): boolean {
  if (!e.remainingQuantity.isZero()) return false; // not fully applied yet: adjusted when stock arrives
  const fresh = poster.fresh.get(e.entryNo);
  const apps = fresh
    ? fresh.applications.map((a) => [a.inbound, a.quantity] as const)
    : ctx.db
        .all(
          `SELECT "inboundItemEntryNo", "quantity" FROM "itemApplicationEntry" WHERE "outboundItemEntryNo" = ?`,
          [BigInt(e.entryNo)],
        )
        .map((r) => [Number(r[0]), qty(r[1])] as const);
  let target = ZERO;
  for (const [inbound, q] of apps) target = target.plus(q.times(inboundUnitCost(ctx, poster, inbound)));
  return setTargetCost(ctx, poster, item, e, target);
}

function periodStart(date: IsoDate, period: string): IsoDate {
  const { y, m } = yearMonthDay(date);
  switch (period) {
    case "Week":
      return addDays(date, 1 - weekday(date));
    case "Month":
    case "Accounting Period":
      return makeDate(y, m, 1);
    case "Quarter":
      return makeDate(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
    case "Year":
      return makeDate(y, 1, 1);
    default:
      return date;
  }
}

function periodEnd(date: IsoDate, period: string): IsoDate {
  const { y, m } = yearMonthDay(date);
  switch (period) {
    case "Week":
      return addDays(date, 7 - weekday(date));
    case "Month":
    case "Accounting Period":
      return makeDate(y, m, daysInMonth(y, m));
    case "Quarter": {
      const last = Math.floor((m - 1) / 3) * 3 + 3;
      return makeDate(y, last, daysInMonth(y, last));
    }
    case "Year":
      return makeDate(y, 12, 31);
    default:
      return date;
  }
}

/**
 * Average: every outbound entry of an average-cost period costs (value at the period's start + the
 * period's inbound value) ÷ (quantity at the start + the period's inbound quantity) (spec 10.1).
 * Periods are adjusted in order, so a period starts from the adjusted value of the ones before; within
 * a period the rounding remainder runs from entry to entry, so the period's total rounds once. With
 * "Item & Location & Variant" the average is kept per location.
 */
function adjustAverage(
  ctx: Ctx,
  poster: ItemPoster,
  item: ItemRow,
  from: IsoDate,
  location: string | null,
): boolean {
  const setup = getInventorySetup(ctx.repo);
  const period = setup.averageCostPeriod;
  const loc = location === null ? "" : ` AND "locationCode" = ?`;
  const locE = location === null ? "" : ` AND e."locationCode" = ?`;
  const withLoc = (params: (string | bigint)[]) => (location === null ? params : [...params, location]);
  const outbound = ctx.repo
    .select(
      "itemLedgerEntry",
      { itemNo: item.no, positive: false, ...(location === null ? {} : { locationCode: location }) },
      `"postingDate", "entryNo"`,
    )
    .filter((e) => e.postingDate! >= periodStart(from, period));
  let changed = false;
  let i = 0;
  while (i < outbound.length) {
    const start = periodStart(outbound[i]!.postingDate!, period);
    const end = periodEnd(start, period);
    const inPeriod: ItemLedgerEntryRow[] = [];
    while (i < outbound.length && outbound[i]!.postingDate! <= end) inPeriod.push(outbound[i++]!);
    const before = ctx.db.all(
      `SELECT ${exactSumSql(`"costAmountActual" + "costAmountExpected"`, `"valueEntry"`, `"itemNo" = ? AND "valuationDate" < ?${loc}`)}`,
      withLoc([item.no, start]),
    )[0]!;
    const qtyBefore = ctx.db.all(
      `SELECT ${exactSumSql(`"quantity"`, `"itemLedgerEntry"`, `"itemNo" = ? AND "postingDate" < ?${loc}`)}`,
      withLoc([item.no, start]),
    )[0]!;
    const inbound = ctx.db.all(
      `SELECT ${exactSumSql(
        `v."costAmountActual" + v."costAmountExpected"`,
        `"valueEntry" v JOIN "itemLedgerEntry" e ON e."entryNo" = v."itemLedgerEntryNo"`,
        `e."itemNo" = ? AND e."positive" = 1 AND e."postingDate" BETWEEN ? AND ?${locE}`,
      )}`,
      withLoc([item.no, start, end]),
    )[0]!;
    const inboundQty = ctx.db.all(
      `SELECT ${exactSumSql(`"quantity"`, `"itemLedgerEntry"`, `"itemNo" = ? AND "positive" = 1 AND "postingDate" BETWEEN ? AND ?${loc}`)}`,
      withLoc([item.no, start, end]),
    )[0]!;
    const denominator = qty(qtyBefore[0]).plus(qty(inboundQty[0]));
    if (denominator.lte(0)) continue;
    const avg = amount(before[0]).plus(amount(inbound[0])).div(denominator);
    const rounder = new RemainderRounder();
    for (const e of inPeriod)
      changed = setTargetCost(ctx, poster, item, e, rounder.next(e.quantity.times(avg))) || changed;
  }
  return changed;
}

/**
 * BC's rounding entry: once an inbound entry is used up, whatever its value and the cost its outbound
 * entries took from it do not account for (a cent from 10.00 / 3) goes out as a Rounding value entry
 * on the inbound entry, so inventory value returns to zero with its quantity.
 */
function postRoundingEntry(ctx: Ctx, poster: ItemPoster, item: ItemRow, inboundNo: number): boolean {
  const open = ctx.db.all(`SELECT "remainingQuantity" FROM "itemLedgerEntry" WHERE "entryNo" = ?`, [
    inboundNo,
  ])[0];
  if (!open || !qty(open[0]).isZero()) return false;
  const inbound = ctx.repo.get("itemLedgerEntry", inboundNo)!;
  const value = ctx.db.all(
    `SELECT COALESCE(SUM("costAmountActual" + "costAmountExpected"),0) FROM "valueEntry" WHERE "itemLedgerEntryNo" = ?`,
    [BigInt(inboundNo)],
  )[0]!;
  // Each application took its quantity at the inbound entry's unit cost, rounded to the cent; what
  // those cents leave over once the entry is used up is the rounding.
  const inboundValue = amount(value[0]);
  const unitCost = inboundValue.div(inbound.quantity);
  let residual = inboundValue;
  const apps = ctx.db.all(
    `SELECT "quantity" FROM "itemApplicationEntry" WHERE "inboundItemEntryNo" = ? AND "outboundItemEntryNo" <> 0`,
    [BigInt(inboundNo)],
  );
  for (const [applied] of apps) residual = residual.plus(roundAmount(qty(applied).times(unitCost)));
  const rounding = roundAmount(residual).neg();
  if (rounding.isZero()) return false;
  const last = ctx.repo.select("valueEntry", { itemLedgerEntryNo: inboundNo }, `"entryNo" DESC`)[0]!;
  const v = defaultRow("valueEntry");
  Object.assign(v, {
    entryNo: poster.allocateValueEntryNo(),
    itemNo: item.no,
    postingDate: inbound.postingDate,
    valuationDate: inbound.postingDate,
    itemLedgerEntryType: inbound.entryType,
    itemLedgerEntryNo: inboundNo,
    sourceType: inbound.sourceType,
    sourceNo: inbound.sourceNo,
    documentNo: last.documentNo,
    documentType: last.documentType,
    documentLineNo: last.documentLineNo,
    description: last.description,
    locationCode: inbound.locationCode,
    inventoryPostingGroup: last.inventoryPostingGroup,
    genBusPostingGroup: last.genBusPostingGroup,
    genProdPostingGroup: last.genProdPostingGroup,
    entryType: "Rounding",
    adjustment: true,
    costAmountActual: rounding,
    documentDate: last.documentDate,
    externalDocumentNo: last.externalDocumentNo,
  });
  poster.writeValueEntry(item, v);
  return true;
}

/** Item Unit Cost = the average cost of what is on hand (spec 10.2), refreshed after cost changes. */
function refreshUnitCost(ctx: Ctx, item: ItemRow): void {
  if (item.costingMethod === "Standard") return;
  const r = ctx.db.all(
    `SELECT ${exactSumSql(`"quantity"`, `"itemLedgerEntry"`, `"itemNo" = ?`)},
            ${exactSumSql(`"costAmountActual" + "costAmountExpected"`, `"valueEntry"`, `"itemNo" = ?`)}`,
    [item.no, item.no],
  )[0]!;
  const q = qty(r[0]);
  if (q.lte(0)) return;
  const unitCost = roundUnitAmount(amount(r[1]).div(q));
  if (!unitCost.eq(item.unitCost)) {
    ctx.repo.update("item", [item.no], { unitCost });
    item.unitCost = unitCost;
  }
}

/** Adjust Cost – Item Entries for what this posting touched (Automatic Cost Adjustment). */
export function adjustCost(ctx: Ctx, poster: ItemPoster): void {
  if (getInventorySetup(ctx.repo).automaticCostAdjustment === "Never") return;
  const outboundByItem = new Map<string, ItemLedgerEntryRow[]>();
  for (const no of poster.touchedOutbound) {
    const e = poster.fresh.get(no)?.ile ?? ctx.repo.get("itemLedgerEntry", no)!;
    const list = outboundByItem.get(e.itemNo) ?? [];
    list.push(e);
    outboundByItem.set(e.itemNo, list);
  }
  for (const itemNo of poster.touchedItems) {
    const item = poster.item(itemNo);
    if (item.type !== "Inventory") continue;
    let changed = false;
    if (item.costingMethod === "Average") {
      const touched = ctx.repo
        .select("itemLedgerEntry", { itemNo })
        .filter((e) => poster.createdEntries.includes(e.entryNo) || poster.touchedOutbound.has(e.entryNo));
      const perLocation = getInventorySetup(ctx.repo).averageCostCalcType !== "Item";
      const groups = new Map<string | null, IsoDate>();
      for (const e of touched) {
        const key = perLocation ? e.locationCode : null;
        const d = groups.get(key);
        if (d === undefined || e.postingDate! < d) groups.set(key, e.postingDate!);
      }
      for (const [location, from] of groups)
        changed = adjustAverage(ctx, poster, item, from, location) || changed;
    } else if (item.costingMethod !== "Standard") {
      const inbound = new Set<number>();
      for (const e of outboundByItem.get(itemNo) ?? []) {
        changed = adjustApplied(ctx, poster, item, e) || changed;
        for (const a of poster.fresh.get(e.entryNo)?.applications ?? []) inbound.add(a.inbound);
      }
      for (const no of inbound) changed = postRoundingEntry(ctx, poster, item, no) || changed;
    }
    if (changed || poster.inboundItems.has(itemNo)) refreshUnitCost(ctx, item);
  }
}
