import type { Ctx } from "./context.js";
import { asObject, asTableName, onlyFields, required, type JsonObject } from "./input.js";
import { upsert } from "../master/upsert.js";
import {
  addSalesLines,
  createSalesDocument,
  deleteSalesLine,
  releaseSalesDocument,
  reopenSalesDocument,
  updateSalesHeader,
  updateSalesLine,
} from "../documents/commands.js";
import { readTable } from "../queries/read.js";
import { trialBalance } from "../queries/trialBalance.js";
import { postItemJournal } from "../inventory/itemJournal.js";
import { postSalesDocument, previewPosting } from "../posting/commands.js";
import { verifyBooks } from "../audit/verifyBooks.js";
import { isIsoDate } from "../kernel/dates.js";
import { fail } from "../kernel/errors.js";

export interface CommandDef {
  /** Read-only commands run without a transaction. */
  readOnly?: boolean;
  /** Commands that manage their own transaction (preview rolls back). */
  ownTransaction?: boolean;
  run(ctx: Ctx, input: JsonObject): unknown;
}

function read(ctx: Ctx, input: JsonObject) {
  onlyFields(input, ["table", "where", "limit", "fromKey"], "read");
  const table = asTableName(required(input, "table", "read"), "read: 'table'");
  const where = input.where === undefined ? {} : asObject(input.where, "read: 'where'", "where");
  const whole = (field: string): number | undefined => {
    const v = input[field];
    if (v === undefined) return undefined;
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) {
      return fail("input", `read: '${field}' must be a whole number ≥ 0.`, { field });
    }
    return v;
  };
  const limit = whole("limit");
  const fromKey = whole("fromKey");
  return readTable(ctx.repo, ctx.workDate, {
    table,
    where,
    ...(limit !== undefined ? { limit } : {}),
    ...(fromKey !== undefined ? { fromKey } : {}),
  });
}

function setWorkDate(ctx: Ctx, input: JsonObject) {
  onlyFields(input, ["workDate"], "setWorkDate");
  const d = required(input, "workDate", "setWorkDate");
  if (!isIsoDate(d))
    return fail("input", `setWorkDate: '${String(d)}' is not a date (YYYY-MM-DD).`, { field: "workDate" });
  ctx.workDate = d;
  return { workDate: d };
}

function verify(ctx: Ctx, input: JsonObject) {
  onlyFields(input, [], "verifyBooks");
  return verifyBooks(ctx.db);
}

export const COMMANDS: Record<string, CommandDef> = {
  read: { readOnly: true, run: read },
  trialBalance: { readOnly: true, run: trialBalance },
  verifyBooks: { readOnly: true, run: verify },
  setWorkDate: { readOnly: true, run: setWorkDate },
  upsert: { run: upsert },
  createSalesDocument: { run: createSalesDocument },
  updateSalesHeader: { run: updateSalesHeader },
  addSalesLines: { run: addSalesLines },
  updateSalesLine: { run: updateSalesLine },
  deleteSalesLine: { run: deleteSalesLine },
  releaseSalesDocument: { run: releaseSalesDocument },
  reopenSalesDocument: { run: reopenSalesDocument },
  postItemJournal: { run: postItemJournal },
  postSalesDocument: { run: postSalesDocument },
  previewPosting: { ownTransaction: true, run: previewPosting },
};

export function registerCommand(name: string, def: CommandDef): void {
  COMMANDS[name] = def;
}
