import type { CommandRequest, CommandResponse, EngineApi, EngineErrorJson } from "../engine-host/protocol.js";
import { sameValue } from "../sheets/cell-values.js";
import type { DocumentSheetRead, OutputRow } from "../sheets/document-sheet.js";
import { lineValues } from "../sheets/document-sheet.js";
import { HEADER_FIELDS, LINE_COLUMNS, type DocumentRef } from "../sheets/layouts.js";
import { isBlankRow, type FieldError, type ReadRow } from "../sheets/table-reader.js";
import { documentSheetStamp, isStale } from "./books-stamp.js";
import { lineWarningsOf, readRows, warningsOf, type Row } from "./engine-calls.js";

/**
 * Turns what the user left in a document sheet into engine commands and runs them: the header's
 * changed fields, deleted lines, changed lines, new lines. Each line succeeds or fails on its own, so
 * one bad item number does not hold back the other lines; a failed line keeps what the user typed
 * and carries the engine's message to its cell. Nothing here posts.
 */
export interface SyncOutcome {
  rows: OutputRow[];
  headerErrors: FieldError[];
  header: Row;
  changed: boolean;
  warnings: string[];
  errorCount: number;
  /** The stamp of the books the rows and header come from. */
  stamp: string;
  /**
   * The sheet was not written from the books as they are (an undo in Excel put back an older
   * version): nothing was sent, and `rows`/`header` are the books' own, to rewrite the sheet with.
   */
  stale: boolean;
}

type Planned =
  | { kind: "skip"; row: ReadRow }
  | { kind: "invalid"; row: ReadRow; lineNo: number | null }
  | { kind: "keep"; row: ReadRow; lineNo: number }
  | { kind: "update"; row: ReadRow; lineNo: number; fields: Row }
  | { kind: "add"; row: ReadRow; line: Row };

const INPUTS = LINE_COLUMNS.filter((c) => c.role === "input");
const ADD_SLICE = 500;

/** Engine fields validated left to right, as a user fills a line: type and number first. */
function ordered(fields: Row): Row {
  const out: Row = {};
  for (const c of INPUTS) if (c.field in fields) out[c.field] = fields[c.field];
  return out;
}

export function planLines(
  read: DocumentSheetRead,
  engineLines: Row[],
): { plan: Planned[]; deletes: number[] } {
  const byNo = new Map<number, Row>(engineLines.map((l) => [Number(l.lineNo), l]));
  const seen = new Set<number>();
  let keyTrouble = false;
  const plan: Planned[] = read.lines.rows.map((row): Planned => {
    if (isBlankRow(row, LINE_COLUMNS)) return { kind: "skip", row };
    const lineNo = typeof row.values.lineNo === "number" ? row.values.lineNo : null;
    if (row.errors.some((e) => e.field === "lineNo")) keyTrouble = true;
    if (row.errors.length > 0) return { kind: "invalid", row, lineNo };
    if (lineNo !== null) {
      const line = byNo.get(lineNo);
      if (!line || seen.has(lineNo)) {
        keyTrouble = true;
        row.errors.push({
          field: "lineNo",
          message: line
            ? `Line ${lineNo} appears twice. Clear the Line No. cell of the copy to add it as a new line.`
            : `Line ${lineNo} is not on this document (copied from another sheet?). Clear the Line No. cell to add it as a new line.`,
        });
        return { kind: "invalid", row, lineNo: null };
      }
      seen.add(lineNo);
      const fields: Row = {};
      for (const c of INPUTS) {
        const v = row.values[c.field] ?? null;
        if (!sameValue(c.kind, v, line[c.field])) fields[c.field] = v ?? (c.kind === "decimal" ? "0" : "");
      }
      return Object.keys(fields).length === 0
        ? { kind: "keep", row, lineNo }
        : { kind: "update", row, lineNo, fields: ordered(fields) };
    }
    const line: Row = {};
    for (const c of INPUTS) {
      const v = row.values[c.field];
      if (v !== null && v !== undefined && v !== "") line[c.field] = v;
    }
    line.type ??= "Item";
    if (line.no === undefined)
      row.errors.push({ field: "no", message: "No.: enter the item (or account) number." });
    if (line.quantity === undefined)
      row.errors.push({ field: "quantity", message: "Quantity: enter how many (the cell is empty)." });
    if (row.errors.length > 0) return { kind: "invalid", row, lineNo: null };
    return { kind: "add", row, line: ordered(line) };
  });
  // Only when every row's Line No. is trustworthy may a missing line mean "the user deleted it".
  const deletes = keyTrouble ? [] : [...byNo.keys()].filter((n) => !seen.has(n));
  return { plan, deletes };
}

function detailErrors(error: EngineErrorJson, fallbackField: string | null = null): FieldError[] {
  const fields = new Set(LINE_COLUMNS.map((c) => c.field));
  const details = error.details.length > 0 ? error.details : [{ message: error.message }];
  return details.map((d) => ({
    field: d.field && fields.has(d.field) ? d.field : fallbackField,
    message: d.message,
  }));
}

function headerDetailErrors(error: EngineErrorJson, sent: string): FieldError[] {
  const fields = new Set(HEADER_FIELDS.map((f) => f.field));
  const details = error.details.length > 0 ? error.details : [{ message: error.message }];
  return details.map((d) => ({
    field: d.field && fields.has(d.field) ? d.field : sent,
    message: d.message,
  }));
}

/** The stamp of a document's rows as the books hold them now. */
export async function documentStamp(engine: EngineApi, doc: DocumentRef): Promise<string> {
  const [header] = await readRows(engine, "salesHeader", { documentType: doc.documentType, no: doc.no });
  const lines = await readRows(engine, "salesLine", { documentType: doc.documentType, documentNo: doc.no });
  return documentSheetStamp(header, lines);
}

export async function syncDocument(
  engine: EngineApi,
  doc: DocumentRef,
  read: DocumentSheetRead,
): Promise<SyncOutcome> {
  const key = { documentType: doc.documentType, no: doc.no };
  const [header] = await readRows(engine, "salesHeader", key);
  if (!header) throw new Error(`${doc.documentType} ${doc.no} does not exist in the books any more.`);
  const engineLines = await readRows(engine, "salesLine", {
    documentType: doc.documentType,
    documentNo: doc.no,
  });
  const stamp = documentSheetStamp(header, engineLines);
  if (isStale(read.stamp, stamp))
    return {
      rows: engineLines.map((l) => ({ values: lineValues(l), errors: [] })),
      headerErrors: [],
      header,
      changed: false,
      warnings: [],
      errorCount: 0,
      stamp,
      stale: true,
    };
  const warnings: string[] = [];
  const lineWarnings = new Map<number, FieldError[]>();
  let changed = false;

  // Header first: a new customer or posting date changes what the lines may hold. One command per
  // field, as a user validates them one by one: a refused customer must not take a good date with it.
  const headerErrors: FieldError[] = [...read.header.errors];
  const headerChanges: [string, unknown][] = [];
  for (const f of HEADER_FIELDS) {
    if (f.role !== "input" || headerErrors.some((e) => e.field === f.field)) continue;
    const v = read.header.values[f.field] ?? null;
    if (!sameValue(f.kind, v, header[f.field]))
      headerChanges.push([f.field, v ?? (f.kind === "date" ? null : "")]);
  }
  const commands: CommandRequest[] = headerChanges.map(([field, value]) => ({
    do: "updateSalesHeader",
    with: { ...key, [field]: value },
  }));

  const { plan, deletes } = planLines(read, engineLines);
  const deleteAt = commands.length;
  for (const lineNo of deletes) commands.push({ do: "deleteSalesLine", with: { ...key, lineNo } });
  const updates = plan.filter((p): p is Extract<Planned, { kind: "update" }> => p.kind === "update");
  const updateAt = commands.length;
  for (const u of updates)
    commands.push({ do: "updateSalesLine", with: { ...key, lineNo: u.lineNo, ...u.fields } });
  const adds = plan.filter((p): p is Extract<Planned, { kind: "add" }> => p.kind === "add");
  const addAt = commands.length;
  // New lines go in slices, so a long sheet shows progress and one bad line costs a retry of its slice only.
  const slices: (typeof adds)[] = [];
  for (let i = 0; i < adds.length; i += ADD_SLICE) slices.push(adds.slice(i, i + ADD_SLICE));
  for (const slice of slices)
    commands.push({ do: "addSalesLines", with: { ...key, lines: slice.map((a) => a.line) } });

  const failedDeletes = new Map<number, FieldError[]>();
  const added = new Map<Planned, number>();
  if (commands.length > 0) {
    const batch = await engine.dispatch(commands, "Saving lines");
    changed ||= batch.changed;
    const res = (i: number): CommandResponse => batch.responses[i]!;
    headerChanges.forEach(([field], i) => {
      const r = res(i);
      if (!r.ok) headerErrors.push(...headerDetailErrors(r.error, field));
      warnings.push(...warningsOf(r));
    });
    deletes.forEach((lineNo, i) => {
      const r = res(deleteAt + i);
      if (!r.ok) failedDeletes.set(lineNo, detailErrors(r.error));
    });
    updates.forEach((u, i) => {
      const r = res(updateAt + i);
      if (!r.ok) u.row.errors.push(...detailErrors(r.error));
      warnings.push(...warningsOf(r));
      lineWarningsOf(r, lineWarnings);
    });
    const retry: typeof adds = [];
    slices.forEach((slice, k) => {
      const r = res(addAt + k);
      if (!r.ok) return retry.push(...slice);
      const lines = (r.result as { lines?: { lineNo: number }[] }).lines ?? [];
      slice.forEach((a, i) => {
        if (lines[i]) added.set(a, lines[i].lineNo);
      });
      warnings.push(...warningsOf(r));
      lineWarningsOf(r, lineWarnings);
    });
    if (retry.length > 0) {
      // A slice is all or nothing; add its lines one by one so each gets its own answer.
      const single = await engine.dispatch(
        retry.map((a) => ({ do: "addSalesLines", with: { ...key, lines: [a.line] } })),
        "Checking lines one by one",
      );
      changed ||= single.changed;
      retry.forEach((a, i) => {
        const one = single.responses[i]!;
        if (one.ok) {
          const ln = (one.result as { lines?: { lineNo: number }[] }).lines?.[0]?.lineNo;
          if (ln !== undefined) added.set(a, ln);
          warnings.push(...warningsOf(one));
          lineWarningsOf(one, lineWarnings);
        } else a.row.errors.push(...detailErrors(one.error, "no"));
      });
    }
  }

  // Nothing sent, nothing changed: what we read before is still the truth.
  const [freshHeader] = commands.length === 0 ? [header] : await readRows(engine, "salesHeader", key);
  const fresh =
    commands.length === 0
      ? engineLines
      : await readRows(engine, "salesLine", { documentType: doc.documentType, documentNo: doc.no });
  const freshBy = new Map<number, Row>(fresh.map((l) => [Number(l.lineNo), l]));
  const shown = new Set<number>();
  const rows: OutputRow[] = [];
  for (const p of plan) {
    if (p.kind === "skip") continue;
    const lineNo = p.kind === "add" ? added.get(p) : p.kind === "invalid" ? p.lineNo : p.lineNo;
    const line = lineNo !== undefined && lineNo !== null ? freshBy.get(lineNo) : undefined;
    if (line && p.row.errors.length === 0) {
      shown.add(Number(line.lineNo));
      rows.push({
        values: lineValues(line),
        errors: [],
        warnings: lineWarnings.get(Number(line.lineNo)) ?? [],
      });
    } else {
      // Keep what the user typed so it can be corrected; computed cells show the stored line, if any.
      const values: Row = {};
      for (const c of LINE_COLUMNS)
        values[c.field] = c.role === "input" || c.role === "key" ? p.row.raw[c.field] : line?.[c.field];
      if (line) shown.add(Number(line.lineNo));
      rows.push({ values, errors: p.row.errors });
    }
  }
  for (const l of fresh) {
    const n = Number(l.lineNo);
    if (shown.has(n)) continue;
    rows.push({
      values: lineValues(l),
      errors: failedDeletes.get(n) ?? [
        {
          field: null,
          message: "This line is in the books but was missing from the sheet, so it was put back.",
        },
      ],
    });
  }
  const errorCount = headerErrors.length + rows.reduce((n, r) => n + r.errors.length, 0);
  const books = freshHeader ?? header;
  // A header cell with an error keeps what the user typed, as a line cell does.
  const shownHeader: Row = { ...books };
  for (const e of headerErrors)
    if (e.field !== null && e.field in read.header.raw) shownHeader[e.field] = read.header.raw[e.field];
  return {
    rows,
    headerErrors,
    header: shownHeader,
    changed,
    warnings,
    errorCount,
    stamp: documentSheetStamp(books, fresh),
    stale: false,
  };
}
