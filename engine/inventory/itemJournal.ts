import type { Ctx } from "../api/context.js";
import {
  asArray,
  asObject,
  onlyFields,
  parseField,
  required,
  type JsonObject,
  collectError,
} from "../api/input.js";
import { tableDef } from "../db/schema/index.js";
import type { IsoDate } from "../kernel/dates.js";
import type { Dec } from "../kernel/decimal.js";
import { ErrorCollector, fail } from "../kernel/errors.js";
import { describeValue } from "../kernel/text.js";
import { GlPoster } from "../posting/glPoster.js";
import { checkPostingDate } from "../setup/postingDate.js";
import { getGeneralPostingSetup, getInventoryPostingSetup } from "../setup/postingSetup.js";
import { adjustCost } from "./costAdjustment.js";
import { ItemPoster } from "./itemPoster.js";

const ENTRY_TYPES = ["Purchase", "Positive Adjmt.", "Negative Adjmt."] as const;
type JournalEntryType = (typeof ENTRY_TYPES)[number];

interface JournalLine {
  entryType: JournalEntryType;
  itemNo: string;
  quantity: Dec;
  unitCost: Dec;
  postingDate: IsoDate;
  locationCode: string;
  description: string;
}

const col = (table: string, name: string) => tableDef(table)!.columns.find((c) => c.name === name)!;

function parseLine(ctx: Ctx, raw: unknown, i: number, errors: ErrorCollector): JournalLine | undefined {
  const where = { table: "itemJournalLine", lineNo: i + 1 };
  const obj = asObject(raw, `postItemJournal line ${i + 1}`, "lines");
  const fields = [
    "entryType",
    "itemNo",
    "quantity",
    "unitCost",
    "postingDate",
    "locationCode",
    "description",
  ];
  for (const k of Object.keys(obj))
    if (!fields.includes(k))
      errors.add(`postItemJournal line ${i + 1}: unknown field '${k}'.`, { ...where, field: k });
  const get = <T>(field: string, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      errors.add(`postItemJournal line ${i + 1}: ${e instanceof Error ? e.message : String(e)}`, {
        ...where,
        field,
      });
      return undefined;
    }
  };
  const label = (f: string) => `${f}`;
  const entryType = get("entryType", () => {
    const v = required(obj, "entryType", "postItemJournal");
    if (!ENTRY_TYPES.includes(v as JournalEntryType))
      throw new Error(
        `entryType must be one of ${ENTRY_TYPES.map((t) => `"${t}"`).join(", ")}, not ${describeValue(v)}.`,
      );
    return v as JournalEntryType;
  });
  const itemNo = get(
    "itemNo",
    () =>
      parseField(col("item", "no"), required(obj, "itemNo", "postItemJournal"), label("itemNo")) as string,
  );
  const quantity = get(
    "quantity",
    () =>
      parseField(
        col("itemLedgerEntry", "quantity"),
        required(obj, "quantity", "postItemJournal"),
        label("quantity"),
      ) as Dec,
  );
  // A blank unit cost is not zero: the journal proposes the item's cost for it, as BC does.
  const costGiven = obj.unitCost !== undefined && obj.unitCost !== null && obj.unitCost !== "";
  const unitCost = costGiven
    ? get("unitCost", () => parseField(col("item", "unitCost"), obj.unitCost, label("unitCost")) as Dec)
    : null;
  const postingDate = get(
    "postingDate",
    () =>
      (parseField(
        col("itemLedgerEntry", "postingDate"),
        obj.postingDate ?? ctx.workDate,
        label("postingDate"),
      ) as string | null) ?? ctx.workDate,
  );
  const locationCode = get(
    "locationCode",
    () => parseField(col("location", "code"), obj.locationCode ?? "", label("locationCode")) as string,
  );
  const description = get("description", () =>
    obj.description === undefined || obj.description === null
      ? ""
      : (parseField(col("itemLedgerEntry", "description"), obj.description, label("description")) as string),
  );
  if (
    entryType === undefined ||
    itemNo === undefined ||
    quantity === undefined ||
    (costGiven && unitCost === undefined) ||
    postingDate === undefined ||
    locationCode === undefined ||
    description === undefined
  )
    return undefined;
  if (quantity.lte(0))
    errors.add(
      `postItemJournal line ${i + 1}: quantity must be positive (use Negative Adjmt. to take stock out).`,
      { ...where, field: "quantity" },
    );
  if (unitCost?.lt(0))
    errors.add(`postItemJournal line ${i + 1}: unitCost must not be negative.`, {
      ...where,
      field: "unitCost",
    });
  const item = ctx.repo.get("item", itemNo);
  // Without a cost given, the journal proposes the item's cost (standard cost for Standard items).
  const cost =
    unitCost ?? (item ? (item.costingMethod === "Standard" ? item.standardCost : item.unitCost) : undefined);
  if (!item)
    errors.add(`The Item does not exist. Identification fields and values: No.='${itemNo}'`, {
      ...where,
      field: "itemNo",
    });
  else {
    if (item.blocked)
      errors.add(`Blocked must be equal to 'No'  in Item: No.=${itemNo}. Current value is 'Yes'.`, {
        ...where,
        field: "itemNo",
      });
    if (item.type === "Inventory") {
      try {
        getInventoryPostingSetup(ctx.repo, locationCode, item.inventoryPostingGroup);
        getGeneralPostingSetup(ctx.repo, "", item.genProdPostingGroup);
      } catch (e) {
        collectError(errors, e, { ...where, field: "itemNo" });
      }
    }
  }
  if (locationCode && !ctx.repo.get("location", locationCode)) {
    errors.add(`The Location does not exist. Identification fields and values: Code='${locationCode}'`, {
      ...where,
      field: "locationCode",
    });
  }
  const dateError = checkPostingDate(ctx.repo, postingDate);
  if (dateError) errors.add(dateError, { ...where, field: "postingDate" });
  if (cost === undefined) return undefined;
  return { entryType, itemNo, quantity, unitCost: cost, postingDate, locationCode, description };
}

/**
 * Item journal posting (purchases and adjustments), so stock exists to sell. One G/L transaction for
 * the whole journal; the cost G/L follows Automatic Cost Posting.
 */
export function postItemJournal(ctx: Ctx, input: JsonObject) {
  onlyFields(input, ["lines", "documentNo"], "postItemJournal");
  const raw = asArray(required(input, "lines", "postItemJournal"), "postItemJournal: 'lines'", "lines");
  // BC's message for an empty journal; no document number is drawn for it.
  if (raw.length === 0)
    fail("validation", "There is nothing to post.", { table: "itemJournalLine", field: "lines" });
  const errors = new ErrorCollector();
  const lines = raw.map((r, i) => parseLine(ctx, r, i, errors));
  errors.throwIfAny("validation");
  const gl = new GlPoster(ctx, "ITEMJNL");
  const documentNo =
    typeof input.documentNo === "string" && input.documentNo
      ? input.documentNo.toUpperCase()
      : `IJ${String(gl.transactionNo).padStart(6, "0")}`;
  const poster = new ItemPoster(ctx, gl);
  const entryNos: number[] = [];
  lines.forEach((l, i) => {
    const item = poster.item(l!.itemNo);
    const sign = l!.entryType === "Negative Adjmt." ? -1 : 1;
    const q = l!.quantity.times(sign);
    entryNos.push(
      poster.post({
        itemNo: item.no,
        postingDate: l!.postingDate,
        entryType: l!.entryType,
        documentNo,
        documentType: " ",
        documentLineNo: (i + 1) * 10000,
        description: l!.description || item.description,
        locationCode: l!.locationCode,
        quantity: q,
        invoicedQuantity: q,
        unitCost: l!.unitCost,
        salesAmount: q.mul(0),
        discountAmount: q.mul(0),
        sourceType: " ",
        sourceNo: "",
        genBusPostingGroup: "",
        genProdPostingGroup: item.genProdPostingGroup,
        inventoryPostingGroup: item.inventoryPostingGroup,
      }),
    );
    if (l!.entryType === "Purchase") ctx.repo.update("item", [item.no], { lastDirectCost: l!.unitCost });
  });
  adjustCost(ctx, poster);
  gl.commit();
  return { entryNos, documentNo };
}
