import type { Ctx } from "../api/context.js";
import { onlyFields, parseField, required, type JsonObject } from "../api/input.js";
import { tableDef } from "../db/schema/index.js";
import { fail } from "../kernel/errors.js";
import type { SalesDocumentType } from "../documents/docTypes.js";
import { readTable } from "../queries/read.js";
import type { TableName } from "../db/schema/rows.generated.js";
import { runSalesPost, type SalesPostOptions } from "./salesPost.js";

const col = (table: string, name: string) => tableDef(table)!.columns.find((c) => c.name === name)!;

function parsePostInput(
  input: JsonObject,
  command: string,
): { documentType: SalesDocumentType; no: string; opts: SalesPostOptions } {
  onlyFields(input, ["documentType", "no", "ship", "invoice", "receive", "postingDate"], command);
  const documentType = parseField(
    col("salesHeader", "documentType"),
    required(input, "documentType", command),
    `${command}: documentType`,
  ) as SalesDocumentType;
  const no = parseField(col("salesHeader", "no"), required(input, "no", command), `${command}: no`) as string;
  const opts: SalesPostOptions = {};
  for (const flag of ["ship", "invoice", "receive"] as const) {
    if (input[flag] !== undefined)
      opts[flag] = parseField(col("salesHeader", flag), input[flag], `${command}: ${flag}`) as boolean;
  }
  // A flag the document type cannot use would be ignored by the posting; say so instead.
  const receives = documentType === "Return Order" || documentType === "Credit Memo";
  if (opts.receive && !receives)
    fail(
      "input",
      `${command}: receive applies to return orders and credit memos, not to a ${documentType}.`,
      {
        field: "receive",
      },
    );
  if (opts.ship && receives)
    fail("input", `${command}: ship applies to orders and invoices, not to a ${documentType}.`, {
      field: "ship",
    });
  if (input.postingDate !== undefined && input.postingDate !== null) {
    opts.postingDate = parseField(
      col("salesHeader", "postingDate"),
      input.postingDate,
      `${command}: postingDate`,
    ) as string;
  }
  return { documentType, no, opts };
}

export function postSalesDocument(ctx: Ctx, input: JsonObject) {
  const { documentType, no, opts } = parsePostInput(input, "postSalesDocument");
  return runSalesPost(ctx, documentType, no, opts);
}

/** The ledgers a posting writes, in the order a reader follows them. */
export const POSTING_LEDGERS: readonly TableName[] = [
  "glEntry",
  "vatEntry",
  "custLedgerEntry",
  "detailedCustLedgEntry",
  "itemLedgerEntry",
  "valueEntry",
];

/**
 * Preview is the real posting, rolled back: the same code runs in a transaction that is always
 * undone, and the entries it made are read before the rollback.
 */
export function previewPosting(ctx: Ctx, input: JsonObject) {
  const { documentType, no, opts } = parsePostInput(input, "previewPosting");
  const start = Object.fromEntries(POSTING_LEDGERS.map((t) => [t, ctx.repo.nextNo(t)]));
  return ctx.db.rollbackAfter(() => {
    const result = runSalesPost(ctx, documentType, no, opts);
    const entries: Record<string, unknown> = {};
    for (const t of POSTING_LEDGERS)
      entries[t] = readTable(ctx.repo, ctx.workDate, { table: t, fromKey: start[t]! });
    return { ...result, entries };
  });
}
