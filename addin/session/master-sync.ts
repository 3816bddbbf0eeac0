import type { EngineApi, EngineErrorJson } from "../engine-host/protocol.js";
import type { WorkbookGateway, Progress } from "../gateway/gateway.js";
import { sameValue } from "../sheets/cell-values.js";
import type { OutputRow } from "../sheets/document-sheet.js";
import type { MasterLayout } from "../sheets/layouts.js";
import { LIST_TOP, writeListSheet } from "../sheets/list-sheet.js";
import {
  isBlankRow,
  readTableRows,
  type CellError,
  type FieldError,
  type ReadRow,
} from "../sheets/table-reader.js";
import { isStale, shownStamp } from "./books-stamp.js";
import { readRows, warningsOf, type Row } from "./engine-calls.js";

export interface MasterSyncOutcome {
  errors: CellError[];
  changed: boolean;
  saved: number;
  /** What the engine said of rows it saved (a customer or item that cannot be used yet). */
  warnings: string[];
}

const fieldsOf = (layout: MasterLayout) => layout.columns.map((c) => c.field);

/** Writes the customers or items sheet from the books. */
export async function refreshMasterSheet(
  gw: WorkbookGateway,
  engine: EngineApi,
  layout: MasterLayout,
  progress?: Progress,
): Promise<void> {
  const rows = await readRows(engine, layout.engineTable);
  await writeListSheet(
    gw,
    layout,
    rows.map((values) => ({ values, errors: [] })),
    progress,
    shownStamp(fieldsOf(layout), rows),
  );
}

function errorsFor(error: EngineErrorJson, layout: MasterLayout): FieldError[] {
  const fields = new Set(layout.columns.map((c) => c.field));
  const details = error.details.length > 0 ? error.details : [{ message: error.message }];
  return details.map((d) => ({ field: d.field && fields.has(d.field) ? d.field : "no", message: d.message }));
}

/**
 * Reads the customers or items sheet and upserts what changed, row by row when a batch is refused
 * so each row gets its own answer. Rows are never deleted from the books by deleting them from
 * the sheet (the engine keeps master data that ledger entries point to); they come back on refresh.
 */
export async function syncMasterSheet(
  gw: WorkbookGateway,
  engine: EngineApi,
  layout: MasterLayout,
  progress?: Progress,
): Promise<MasterSyncOutcome | { fatal: CellError[] } | { stale: true }> {
  const snapshot = await gw.readTable(layout.table, progress);
  const read = readTableRows(snapshot, layout.columns, {
    sheet: layout.sheet,
    table: layout.table,
    top: LIST_TOP,
  });
  if (read.fatal.length > 0) return { fatal: read.fatal };

  const storedRows = await readRows(engine, layout.engineTable);
  // A sheet not written from these books (an undo in Excel) holds no edits we can tell apart; the
  // caller rewrites it (after checking that these books are the workbook's current ones).
  if (isStale(await gw.readTableStamp(layout.table), shownStamp(fieldsOf(layout), storedRows)))
    return { stale: true };
  const stored = new Map(storedRows.map((r) => [String(r.no), r]));
  const seen = new Set<string>();
  const pending: { row: ReadRow; input: Row }[] = [];
  const active = read.rows.filter((r) => !isBlankRow(r, layout.columns));
  for (const row of active) {
    const no = row.values.no;
    if (typeof no !== "string" || no === "") {
      row.errors.push({ field: "no", message: "No.: every row needs a number." });
      continue;
    }
    if (seen.has(no)) {
      row.errors.push({ field: "no", message: `No.: ${no} appears more than once in the sheet.` });
      continue;
    }
    seen.add(no);
    if (row.errors.length > 0) continue;
    const before = stored.get(no);
    const input: Row = { no };
    for (const c of layout.columns) {
      if (c.role !== "input") continue;
      const v = row.values[c.field] ?? null;
      if (before && sameValue(c.kind, v, before[c.field])) continue;
      if (!before && v === null) continue;
      input[c.field] = v ?? (c.kind === "decimal" ? "0" : c.kind === "option" ? " " : "");
    }
    if (Object.keys(input).length > 1 || !before) pending.push({ row, input });
  }

  let changed = false;
  const warnings: string[] = [];
  if (pending.length > 0) {
    const batch = await engine.dispatch(
      [{ do: "upsert", with: { table: layout.engineTable, rows: pending.map((p) => p.input) } }],
      `Saving ${layout.sheet}`,
    );
    changed ||= batch.changed;
    warnings.push(...warningsOf(batch.responses[0]));
    if (!batch.responses[0]!.ok) {
      const single = await engine.dispatch(
        pending.map((p) => ({ do: "upsert", with: { table: layout.engineTable, rows: [p.input] } })),
        `Checking ${layout.sheet} row by row`,
      );
      changed ||= single.changed;
      pending.forEach((p, i) => {
        const r = single.responses[i]!;
        if (!r.ok) p.row.errors.push(...errorsFor(r.error, layout));
        else warnings.push(...warningsOf(r));
      });
    }
  }

  const freshRows = await readRows(engine, layout.engineTable);
  const fresh = new Map(freshRows.map((r) => [String(r.no), r]));
  const shown = new Set<string>();
  const rows: OutputRow[] = active.map((row) => {
    const no = typeof row.values.no === "string" ? row.values.no : "";
    const rec = fresh.get(no);
    if (rec && row.errors.length === 0) {
      shown.add(no);
      return { values: rec, errors: [] };
    }
    if (rec && !shown.has(no)) shown.add(no);
    const values: Row = {};
    for (const c of layout.columns)
      values[c.field] = c.role === "computed" ? rec?.[c.field] : row.raw[c.field];
    return { values, errors: row.errors };
  });
  for (const [no, rec] of fresh)
    if (!shown.has(no)) rows.push({ values: rec, errors: [], note: "Back from the books" });
  const errors = await writeListSheet(gw, layout, rows, progress, shownStamp(fieldsOf(layout), freshRows));
  return { errors, changed, saved: pending.filter((p) => p.row.errors.length === 0).length, warnings };
}
