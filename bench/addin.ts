/**
 * The add-in's share of `npm run bench` (bench/run.ts calls runAddinBench()):
 *
 * - sheet: a sales order sheet of 10,000 lines typed by the user, read through the in-memory
 *   gateway (in Excel-sized requests), checked and stored by the engine, and written back with
 *   computed columns; then the same sheet validated again unchanged (the steady case).
 * - storage: a database holding 10,000 posted invoices saved into the workbook (export, gzip,
 *   SHA-256, base64, chunked custom XML parts, manifest flip) and reopened (read, verify, integrity
 *   check, open), in milliseconds per MiB of database.
 *
 * Run alone: `npx tsx bench/addin.ts [lines] [invoices]`.
 */
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { createInProcessEngine } from "../addin/engine-host/in-process.js";
import type { EngineHost } from "../addin/engine-host/engine-host.js";
import { MemoryGateway } from "../addin/gateway/memory-gateway.js";
import type { CellValue } from "../addin/gateway/cells.js";
import { openStored } from "../addin/session/open-stored.js";
import { syncDocument } from "../addin/session/document-sync.js";
import { readRows, unwrap } from "../addin/session/engine-calls.js";
import { readDocumentSheet, writeDocumentSheet } from "../addin/sheets/document-sheet.js";
import { LINE_COLUMNS, LINES_TOP_ROW, documentSheetName } from "../addin/sheets/layouts.js";
import { DatabaseStore } from "../addin/storage/database-store.js";

const MiB = 1024 * 1024;
const ms = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;
const ITEMS = ["1000", "1001", "1002"];

async function stockUp(engine: EngineHost, quantity: number): Promise<void> {
  const r = await engine.dispatch([
    {
      do: "postItemJournal",
      with: {
        lines: ITEMS.map((itemNo) => ({
          entryType: "Positive Adjmt.",
          itemNo,
          quantity,
          unitCost: "10.00",
          postingDate: "2025-01-02",
        })),
      },
    },
  ]);
  unwrap(r.responses[0]);
}

async function sheetBench(lines: number) {
  const engine = await createInProcessEngine();
  await engine.create({ demo: true, workDate: "2025-01-15" });
  const created = unwrap<{ documentType: string; no: string }>(
    (
      await engine.dispatch([
        { do: "createSalesDocument", with: { documentType: "Order", sellToCustomerNo: "C10000", lines: [] } },
      ])
    ).responses[0],
  );
  const doc = { documentType: created.documentType, no: created.no };
  const gw = new MemoryGateway();
  const [header] = await readRows(engine, "salesHeader", { documentType: doc.documentType, no: doc.no });
  await writeDocumentSheet(gw, { doc, header: header!, headerErrors: [], rows: [] });

  // The user pastes 10,000 lines: item, description left blank, quantity.
  const col = (h: string) => LINE_COLUMNS.findIndex((c) => c.header === h);
  const pasted: CellValue[][] = Array.from({ length: lines }, (_, i) => {
    const row: CellValue[] = LINE_COLUMNS.map(() => null);
    row[col("No.")] = ITEMS[i % 3]!;
    row[col("Quantity")] = (i % 4) + 1;
    return row;
  });
  gw.workbook.userPaste(documentSheetName(doc), { row: LINES_TOP_ROW + 1, col: 0 }, pasted);

  const requestsBefore = gw.log.length;
  let t = performance.now();
  const read = await readDocumentSheet(gw, doc);
  const readMs = ms(t);
  const readRequests = gw.log.length - requestsBefore;
  t = performance.now();
  const outcome = await syncDocument(engine, doc, read);
  const validateMs = ms(t);
  t = performance.now();
  const writeBefore = gw.log.length;
  await writeDocumentSheet(gw, {
    doc,
    header: outcome.header,
    headerErrors: outcome.headerErrors,
    rows: outcome.rows,
  });
  const writeMs = ms(t);
  const writeRequests = gw.log.length - writeBefore;
  if (outcome.errorCount > 0) throw new Error(`the bench sheet has ${outcome.errorCount} errors`);

  t = performance.now();
  const again = await readDocumentSheet(gw, doc);
  const unchanged = await syncDocument(engine, doc, again);
  await writeDocumentSheet(gw, { doc, header: unchanged.header, headerErrors: [], rows: unchanged.rows });
  const revalidateMs = ms(t);
  if (unchanged.changed) throw new Error("an unchanged sheet produced changes");
  await engine.close();
  return {
    lines,
    readMs,
    readRequests,
    validateMs,
    writeMs,
    writeRequests,
    totalMs: Math.round(readMs + validateMs + writeMs),
    linesPerSec: Math.round(lines / ((readMs + validateMs + writeMs) / 1000)),
    revalidateUnchangedMs: revalidateMs,
  };
}

async function storageBench(invoices: number) {
  const engine = await createInProcessEngine();
  await engine.create({ demo: true, workDate: "2025-01-15" });
  await stockUp(engine, invoices * 3 + 100);
  let t = performance.now();
  const BATCH = 250;
  for (let start = 0; start < invoices; start += BATCH) {
    const count = Math.min(BATCH, invoices - start);
    const created = await engine.dispatch(
      Array.from({ length: count }, (_, i) => ({
        do: "createSalesDocument",
        with: {
          documentType: "Invoice",
          sellToCustomerNo: ["C10000", "C20000", "C30000"][(start + i) % 3],
          lines: [{ type: "Item", no: ITEMS[(start + i) % 3], quantity: ((start + i) % 3) + 1 }],
        },
      })),
    );
    const nos = created.responses.map((r) => unwrap<{ no: string }>(r).no);
    const posted = await engine.dispatch(
      nos.map((no) => ({ do: "postSalesDocument", with: { documentType: "Invoice", no } })),
    );
    for (const r of posted.responses) unwrap(r);
  }
  const buildMs = ms(t);

  const gw = new MemoryGateway();
  const store = new DatabaseStore(gw);
  t = performance.now();
  const encoded = await engine.encode();
  const encodeMs = ms(t);
  t = performance.now();
  await store.save(encoded);
  const writeMs = ms(t);
  const saveMs = encodeMs + writeMs;

  const reader = await createInProcessEngine();
  await reader.schemaVersion(); // the one-time probe is not part of reopening
  t = performance.now();
  const outcome = await openStored(new DatabaseStore(new MemoryGateway(gw.workbook)), reader);
  const reopenMs = ms(t);
  if (outcome.status !== "opened") throw new Error(`reopen failed: ${outcome.status}`);
  const count = (await readRows(reader, "salesInvoiceHeader")).length;
  if (count !== invoices) throw new Error(`reopened ${count} invoices, expected ${invoices}`);
  await engine.close();
  await reader.close();
  const size = encoded.size / MiB;
  return {
    invoices,
    buildMs: Math.round(buildMs),
    databaseMiB: Math.round(size * 100) / 100,
    gzipMiB: Math.round((encoded.gzipSize / MiB) * 100) / 100,
    chunks: encoded.chunks.length,
    saveMs: Math.round(saveMs),
    saveMsPerMiB: Math.round((saveMs / size) * 10) / 10,
    reopenMs: Math.round(reopenMs),
    reopenMsPerMiB: Math.round((reopenMs / size) * 10) / 10,
  };
}

export async function runAddinBench(options: { lines?: number; invoices?: number } = {}): Promise<unknown> {
  const lines = options.lines ?? 10_000;
  const invoices = options.invoices ?? 10_000;
  return { sheet: await sheetBench(lines), storage: await storageBench(invoices) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [lines, invoices] = process.argv.slice(2).map(Number);
  console.log(
    JSON.stringify(
      await runAddinBench({ ...(lines ? { lines } : {}), ...(invoices ? { invoices } : {}) }),
      null,
      2,
    ),
  );
}
