import type { EngineApi } from "../engine-host/protocol.js";
import type { Progress, WorkbookGateway } from "../gateway/gateway.js";
import {
  readDocumentSheet,
  writeDocumentSheet,
  type DocumentSheetRead,
  type OutputRow,
} from "../sheets/document-sheet.js";
import {
  CUSTOMERS,
  ITEMS,
  MASTER_LAYOUTS,
  documentSheetName,
  type DocumentRef,
  type MasterLayout,
} from "../sheets/layouts.js";
import { HEADER_FIELDS } from "../sheets/layouts.js";
import { isBlocking, type CellError } from "../sheets/table-reader.js";
import { CHUNK_CHARS } from "../storage/codec.js";
import { DatabaseStore, StoreConflictError } from "../storage/database-store.js";
import { documentStamp, syncDocument, type SyncOutcome } from "./document-sync.js";
import { EngineCommandError, readRows, unwrap, type Row } from "./engine-calls.js";
import { refreshLedgerSheets } from "./ledger-refresh.js";
import { refreshMasterSheet, syncMasterSheet } from "./master-sync.js";
import { openStored } from "./open-stored.js";
import { documentSheetStamp, isStale } from "./books-stamp.js";
import { summarizeBooks, verificationMessage, verifyBooks, type BooksSummary } from "./books-checks.js";
import { postingQuestion, type PostedLineText, type PostMode } from "./posting-question.js";
import { initialState, type Question, type SessionState } from "./session-state.js";
import { readWorkbookSettings, writeWorkbookSettings } from "./workbook-settings.js";

export type { PostMode } from "./posting-question.js";

const STALE_SHEET =
  "did not show the books as they are now (an undo in Excel puts back the sheet but not the books), " +
  "so it was rewritten from the books; nothing on it was sent. Enter any change again.";

const LEDGER_TABLES = ["glEntry", "custLedgerEntry", "vatEntry", "itemLedgerEntry", "valueEntry"];

/**
 * The pane's brain: one operation at a time, each ending in a saved workbook or a clear message.
 * The rule that matters: when an operation changed the books, the database is saved into the
 * workbook before the pane says it succeeded; if that save fails, the engine is put back to the
 * workbook's copy, so the pane never shows books the file does not hold.
 */
export class Session extends EventTarget {
  state: SessionState;
  private running = false;
  private pendingAnswer: ((yes: boolean) => void) | null = null;

  constructor(
    readonly gateway: WorkbookGateway,
    readonly engine: EngineApi,
    mode: "office" | "standalone",
    readonly options: { chunkChars?: number; workDate?: string } = {},
  ) {
    super();
    this.store = new DatabaseStore(gateway);
    this.state = initialState(mode, options.workDate ?? new Date().toISOString().slice(0, 10));
  }

  readonly store: DatabaseStore;

  /** A notice from the host (the standalone page after "Undo start over"), shown like open notices. */
  notice(text: string): void {
    this.set({ notices: [...this.state.notices, text] });
  }

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    this.dispatchEvent(new Event("change"));
  }

  progress(label: string): Progress {
    return (done, total) => this.set({ busy: { label, done, total } });
  }

  /** Engine-side progress (long batches in the worker) lands here. */
  engineProgress = (label: string, done: number, total: number): void => {
    if (this.state.busy) this.set({ busy: { label, done, total } });
  };

  /**
   * Asks the pane a yes/no question and waits for `answer`. The action that asks keeps the session
   * busy meanwhile, so no other click can slip in between the question and what it confirms.
   */
  ask(question: Question): Promise<boolean> {
    this.pendingAnswer?.(false);
    return new Promise<boolean>((resolve) => {
      this.pendingAnswer = resolve;
      this.set({ question });
    });
  }

  answer(yes: boolean): void {
    const resolve = this.pendingAnswer;
    this.pendingAnswer = null;
    this.set({ question: null });
    resolve?.(yes);
  }

  /** Runs one user action: busy while it runs, its failure becomes the pane's message. */
  private async run<T>(label: string, fn: () => Promise<T>): Promise<T | undefined> {
    if (this.running) {
      this.set({ message: { kind: "warning", text: "Ledgerpane is still working on the previous action." } });
      return undefined;
    }
    this.running = true;
    this.set({ busy: { label, done: 0, total: 0 }, message: null });
    try {
      return await fn();
    } catch (e) {
      this.set({ message: { kind: "error", text: describeError(e) } });
      return undefined;
    } finally {
      this.running = false;
      this.set({ busy: null });
    }
  }

  /** Saves the database into the workbook; on failure the engine goes back to the workbook's copy. */
  private async commit(changed: boolean): Promise<void> {
    if (!changed) return;
    this.set({ busy: { label: "Saving the books into the workbook", done: 0, total: 0 } });
    try {
      const encoded = await this.engine.encode(this.options.chunkChars ?? CHUNK_CHARS);
      await this.store.save(encoded, this.progress("Saving the books into the workbook"));
      this.set({
        storage: {
          generation: this.store.generation,
          slot: this.store.slot,
          savedAt: new Date().toISOString(),
          bytes: encoded.size,
        },
      });
    } catch (e) {
      const reason = describeError(e);
      let after = "The change was undone: the books are as the workbook last saved them.";
      try {
        const outcome = await openStored(this.store, this.engine, { workDate: this.state.workDate });
        if (outcome.status !== "opened") after = "Reopen the workbook before going on.";
        else await this.refreshLists();
      } catch {
        after = "Reopen the workbook before going on.";
      }
      const conflict = e instanceof StoreConflictError;
      throw new Error(`${conflict ? "" : "Could not save the books into the workbook: "}${reason} ${after}`);
    }
  }

  // ---- company ----

  async start(): Promise<void> {
    await this.run("Opening the books in this workbook", async () => {
      const outcome = await openStored(this.store, this.engine, {
        workDate: this.state.workDate,
        progress: this.progress("Reading the books from the workbook"),
      });
      this.set({ settings: await readWorkbookSettings(this.gateway) });
      if (outcome.status === "none") return this.set({ phase: "no-company" });
      if (outcome.status === "refused" || outcome.status === "damaged")
        return this.set({ phase: outcome.status, message: { kind: "error", text: outcome.message } });
      this.set({
        phase: "open",
        notices: outcome.notices,
        storage: {
          generation: outcome.generation,
          slot: outcome.slot,
          savedAt: outcome.savedAt,
          bytes: outcome.bytes,
        },
      });
      // An upgraded or repaired copy is saved at once, so the workbook holds the books that are open.
      await this.commit(outcome.upgraded);
      await this.refreshLists();
    });
  }

  async newCompany(demo: boolean): Promise<void> {
    await this.run(demo ? "Creating the demo company" : "Creating an empty company", async () => {
      if (this.state.phase !== "no-company")
        throw new Error("This workbook already holds books; a new company needs a new workbook.");
      const { warnings } = await this.engine.create({ demo, workDate: this.state.workDate });
      await this.commit(true);
      this.set({ phase: "open" });
      await this.writeOverviewSheets();
      await this.refreshLists();
      this.set({
        message: {
          kind: warnings.length > 0 ? "warning" : "success",
          text:
            (demo
              ? "Demo company created and saved in this workbook."
              : "Empty company created and saved in this workbook.") +
            (warnings.length > 0 ? ` Not everything could be set up: ${warnings.join(" ")}` : ""),
        },
      });
    });
  }

  async setWorkDate(workDate: string): Promise<void> {
    await this.run("Changing the work date", async () => {
      unwrap((await this.engine.dispatch([{ do: "setWorkDate", with: { workDate } }])).responses[0]);
      this.set({ workDate, message: { kind: "info", text: `Work date is now ${workDate}.` } });
    });
  }

  async setConfirmPosting(on: boolean): Promise<void> {
    await this.run("Saving the setting in the workbook", async () => {
      const settings = { ...this.state.settings, confirmPosting: on };
      await writeWorkbookSettings(this.gateway, settings);
      this.set({
        settings,
        message: {
          kind: "info",
          text: on
            ? "Posting asks for confirmation in this workbook."
            : "Posting no longer asks for confirmation in this workbook.",
        },
      });
    });
  }

  /** Recomputes the G/L registers' hash chain and the ledger invariants (engine command `verifyBooks`). */
  async verifyBooks(): Promise<void> {
    await this.run("Verifying the books", async () => {
      const verification = await verifyBooks(this.engine);
      this.set({ verification, message: verificationMessage(verification) });
    });
  }

  /** What a new start would erase. */
  describeBooks(): Promise<BooksSummary> {
    return summarizeBooks(this.engine);
  }

  async refreshSheets(): Promise<void> {
    await this.run("Refreshing the sheets", async () => {
      await this.writeOverviewSheets();
      await this.refreshLists();
      this.set({
        message: { kind: "success", text: "Customers, items and ledger sheets rewritten from the books." },
      });
    });
  }

  private async writeOverviewSheets(): Promise<void> {
    for (const layout of MASTER_LAYOUTS)
      await refreshMasterSheet(this.gateway, this.engine, layout, this.progress(`Writing ${layout.sheet}`));
    await refreshLedgerSheets(
      this.gateway,
      this.engine,
      (label, done, total) => this.set({ busy: { label, done, total } }),
      this.state.workDate,
    );
  }

  private async refreshLists(): Promise<void> {
    const headers = await readRows(this.engine, "salesHeader");
    const customers = await readRows(this.engine, "customer");
    const invoices = await readRows(this.engine, "salesInvoiceHeader");
    const shipments = await readRows(this.engine, "salesShipmentHeader");
    const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
    this.set({
      customers: customers.map((c) => ({ no: str(c.no), name: str(c.name) })),
      documents: headers
        .filter((h) => h.documentType === "Order" || h.documentType === "Invoice")
        .map((h) => ({
          documentType: str(h.documentType),
          no: str(h.no),
          customerNo: str(h.sellToCustomerNo),
          customerName: str(h.sellToCustomerName),
          status: str(h.status),
          amountIncludingVat: str(h.amountIncludingVat),
        })),
      posted: [
        ...invoices.map((h) => ({
          kind: "Invoice" as const,
          no: str(h.no),
          customerNo: str(h.sellToCustomerNo),
          postingDate: str(h.postingDate),
          orderNo: str(h.orderNo),
          amountIncludingVat: str(h.amountIncludingVat),
        })),
        ...shipments.map((h) => ({
          kind: "Shipment" as const,
          no: str(h.no),
          customerNo: str(h.sellToCustomerNo),
          postingDate: str(h.postingDate),
          orderNo: str(h.orderNo),
          amountIncludingVat: "",
        })),
      ],
    });
  }

  // ---- documents ----

  async newDocument(documentType: "Order" | "Invoice", customerNo: string): Promise<void> {
    await this.run(`Creating a sales ${documentType.toLowerCase()}`, async () => {
      const batch = await this.engine.dispatch([
        { do: "createSalesDocument", with: { documentType, sellToCustomerNo: customerNo, lines: [] } },
      ]);
      const created = unwrap<{ documentType: string; no: string }>(batch.responses[0]);
      await this.commit(batch.changed);
      const doc = { documentType: created.documentType, no: created.no };
      await this.rebuild(doc);
      await this.gateway.activateSheet(documentSheetName(doc));
      await this.refreshLists();
      this.set({
        current: doc,
        errors: [],
        entries: null,
        message: {
          kind: "success",
          text: `${documentType} ${doc.no} created. Enter its lines on the sheet '${documentSheetName(doc)}', then Validate.`,
        },
      });
    });
  }

  async openDocument(doc: DocumentRef): Promise<void> {
    await this.run(`Opening ${doc.documentType} ${doc.no}`, async () => {
      const sheets = (await this.gateway.listSheets()).map((s) => s.toLowerCase());
      if (!sheets.includes(documentSheetName(doc).toLowerCase())) await this.rebuild(doc);
      await this.gateway.activateSheet(documentSheetName(doc));
      this.set({ current: doc, errors: [], entries: null });
    });
  }

  async rebuildDocument(doc: DocumentRef): Promise<void> {
    await this.run(`Rebuilding the sheet of ${doc.documentType} ${doc.no}`, async () => {
      await this.rebuild(doc);
      await this.gateway.activateSheet(documentSheetName(doc));
      this.set({
        current: doc,
        errors: [],
        message: { kind: "info", text: "Sheet rewritten from the books." },
      });
    });
  }

  private async rebuild(doc: DocumentRef): Promise<void> {
    const key = { documentType: doc.documentType, no: doc.no };
    const [header] = await readRows(this.engine, "salesHeader", key);
    if (!header) throw new Error(`${doc.documentType} ${doc.no} is not an open document in the books.`);
    const lines = await readRows(this.engine, "salesLine", {
      documentType: doc.documentType,
      documentNo: doc.no,
    });
    await writeDocumentSheet(
      this.gateway,
      {
        doc,
        header,
        headerErrors: [],
        rows: lines.map((values) => ({ values, errors: [] })),
        stamp: documentSheetStamp(header, lines),
      },
      this.progress("Writing the document sheet"),
    );
  }

  /** Reads the sheet, stores what changed, writes the sheet back; returns the sync when it could run. */
  private async validate(doc: DocumentRef): Promise<SyncOutcome | null> {
    const read = await this.readSheet(doc);
    return read ? this.sync(doc, read) : null;
  }

  private async readSheet(doc: DocumentRef): Promise<DocumentSheetRead | null> {
    const read = await readDocumentSheet(this.gateway, doc, this.progress("Reading the document sheet"));
    if (read.fatal.length === 0) return read;
    this.set({ errors: read.fatal });
    return null;
  }

  /**
   * A sheet whose stamp does not match may come from newer books, saved by another pane on this
   * workbook; then this pane's books are the old ones. Reopen the workbook's copy before judging
   * the sheet. True when the books were reopened.
   */
  private async catchUp(): Promise<boolean> {
    const current = await this.store.inspect();
    if (current.kind === "empty") return false;
    if (current.kind === "manifest" && current.manifest.generation === this.store.generation) return false;
    const outcome = await openStored(this.store, this.engine, { workDate: this.state.workDate });
    if (outcome.status !== "opened")
      throw new Error(
        `The books in this workbook were saved by another window and cannot be opened here: ${
          "message" in outcome ? outcome.message : "no company"
        }`,
      );
    this.set({
      notices: [...this.state.notices, ...outcome.notices],
      storage: {
        generation: outcome.generation,
        slot: outcome.slot,
        savedAt: outcome.savedAt,
        bytes: outcome.bytes,
      },
    });
    await this.refreshLists();
    return true;
  }

  /** Sends what the user changed on a sheet read earlier; null when the sheet was stale and rewritten. */
  private async sync(doc: DocumentRef, read: DocumentSheetRead): Promise<SyncOutcome | null> {
    this.set({ busy: { label: "Checking the lines with the engine", done: 0, total: 0 } });
    let outcome = await syncDocument(this.engine, doc, read);
    if (outcome.stale && (await this.catchUp())) outcome = await syncDocument(this.engine, doc, read);
    await this.commit(outcome.changed);
    if (outcome.changed) await this.refreshLists();
    const errors = await writeDocumentSheet(
      this.gateway,
      {
        doc,
        header: outcome.header,
        headerErrors: outcome.headerErrors,
        rows: outcome.rows,
        stamp: outcome.stamp,
      },
      this.progress("Writing the document sheet"),
    );
    this.set({ errors });
    if (!outcome.stale) return outcome;
    this.set({ message: { kind: "warning", text: `The sheet '${read.sheet}' ${STALE_SHEET}` } });
    return null;
  }

  async validateDocument(doc: DocumentRef): Promise<void> {
    await this.run(`Validating ${doc.documentType} ${doc.no}`, async () => {
      this.set({ current: doc, entries: null });
      const outcome = await this.validate(doc);
      this.reportValidation(
        outcome,
        "Validated: no errors. Lines are saved in the books; nothing was posted.",
      );
    });
  }

  private reportValidation(
    outcome: SyncOutcome | null,
    okText: string,
    notDone = "nothing was posted",
  ): boolean {
    const n = this.state.errors.filter(isBlocking).length;
    if (outcome === null && n === 0) return false; // the sheet was rewritten; its message stands
    if (outcome === null || n > 0) {
      this.set({
        message: {
          kind: "error",
          text: `${n} error(s) to fix; ${notDone}. Click an error to go to its cell.`,
        },
      });
      return false;
    }
    const warnings = outcome.warnings.length > 0 ? ` Warnings: ${outcome.warnings.join(" ")}` : "";
    this.set({
      message: { kind: outcome.warnings.length > 0 ? "warning" : "success", text: okText + warnings },
    });
    return true;
  }

  /**
   * Release or reopen: a released document keeps its lines fixed except quantities to ship and invoice.
   * What the user typed is never dropped: it is sent before a release, and sent again after a reopen
   * (a quantity refused while the document was released is accepted once it is open).
   */
  async setDocumentStatus(doc: DocumentRef, action: "release" | "reopen"): Promise<void> {
    const command = action === "release" ? "releaseSalesDocument" : "reopenSalesDocument";
    await this.run(
      `${action === "release" ? "Releasing" : "Reopening"} ${doc.documentType} ${doc.no}`,
      async () => {
        this.set({ current: doc, entries: null });
        const notDone = `${doc.documentType} ${doc.no} was not ${action}d`;
        const read = await this.readSheet(doc);
        if (!read) return this.reportValidation(null, "", notDone);
        if (action === "release") {
          if (!this.reportValidation(await this.sync(doc, read), "", notDone)) return;
        } else if (
          isStale(read.stamp, await documentStamp(this.engine, doc)) &&
          (!(await this.catchUp()) || isStale(read.stamp, await documentStamp(this.engine, doc)))
        ) {
          // An older sheet (undo): rewrite it, and reopen nothing on its word.
          return void (await this.sync(doc, read));
        }
        const batch = await this.engine.dispatch([
          { do: command, with: { documentType: doc.documentType, no: doc.no } },
        ]);
        const result = unwrap<{ status?: string }>(batch.responses[0]);
        await this.commit(batch.changed);
        const status = `${doc.documentType} ${doc.no} is ${result.status ?? action + "d"}.`;
        if (action === "release") {
          await this.rebuild(doc);
          await this.refreshLists();
          this.set({ errors: [], message: { kind: "success", text: status } });
          return;
        }
        // The sheet was in step with the books just before the reopen, which changed only the status.
        const outcome = await this.sync(doc, { ...read, stamp: await documentStamp(this.engine, doc) });
        await this.refreshLists();
        const sent = outcome?.changed ? " What was typed on the sheet is now saved in the books." : "";
        this.reportValidation(outcome, status + sent, `${status} Some of what was typed is still refused`);
      },
    );
  }

  private postInput(doc: DocumentRef, mode: PostMode): Row {
    if (doc.documentType !== "Order") return { documentType: doc.documentType, no: doc.no };
    return {
      documentType: doc.documentType,
      no: doc.no,
      ship: mode !== "invoice",
      invoice: mode !== "ship",
    };
  }

  async previewPosting(doc: DocumentRef, mode: PostMode): Promise<void> {
    await this.run(`Previewing the posting of ${doc.documentType} ${doc.no}`, async () => {
      this.set({ current: doc, entries: null });
      const outcome = await this.validate(doc);
      if (!this.reportValidation(outcome, "")) return;
      const batch = await this.engine.dispatch([{ do: "previewPosting", with: this.postInput(doc, mode) }]);
      const r = batch.responses[0]!;
      if (!r.ok) return this.showPostingErrors(doc, outcome!, r.error);
      const entries = (r.result as { entries?: Record<string, Row[]> }).entries ?? {};
      this.set({
        entries: {
          title: `Preview: posting ${doc.documentType} ${doc.no} (${modeText(mode)})`,
          preview: true,
          tables: entries,
        },
        message: { kind: "info", text: "Preview only: these entries would be made. Nothing was written." },
      });
    });
  }

  async postDocument(doc: DocumentRef, mode: PostMode): Promise<void> {
    await this.run(`Posting ${doc.documentType} ${doc.no}`, async () => {
      this.set({ current: doc, entries: null });
      const outcome = await this.validate(doc);
      if (!this.reportValidation(outcome, "")) return;
      // Read again: another pane on this workbook may have changed the setting.
      this.set({ settings: await readWorkbookSettings(this.gateway) });
      if (this.state.settings.confirmPosting && !(await this.confirmPosting(doc, mode, outcome!))) return;
      const batch = await this.engine.dispatch(
        [{ do: "postSalesDocument", with: this.postInput(doc, mode) }],
        "Posting",
      );
      const r = batch.responses[0]!;
      if (!r.ok) {
        await this.commit(batch.changed);
        return this.showPostingErrors(doc, outcome!, r.error);
      }
      await this.commit(batch.changed);
      const posted = r.result as { shipmentNo?: string; invoiceNo?: string };
      const what = [
        posted.shipmentNo ? `shipment ${posted.shipmentNo}` : "",
        posted.invoiceNo ? `invoice ${posted.invoiceNo}` : "",
      ]
        .filter(Boolean)
        .join(" and ");
      await this.afterPosting(doc, outcome!, what);
      const entries = posted.invoiceNo ?? posted.shipmentNo;
      if (entries) await this.loadEntries(entries, `Entries of ${what}`);
      this.set({
        message: {
          kind: "success",
          text: `Posted ${doc.documentType} ${doc.no}: ${what || "done"}. Saved in the workbook.`,
        },
      });
    });
  }

  /**
   * Asks "Do you want to ship and invoice…?" with what the posting would make, found by the engine's
   * own preview (so a posting that would fail says why instead of asking). False: not posted.
   */
  private async confirmPosting(doc: DocumentRef, mode: PostMode, outcome: SyncOutcome): Promise<boolean> {
    const input = this.postInput(doc, mode);
    const preview = (await this.engine.dispatch([{ do: "previewPosting", with: input }])).responses[0]!;
    if (!preview.ok) {
      await this.showPostingErrors(doc, outcome, preview.error);
      return false;
    }
    const key = { documentType: doc.documentType, no: doc.no };
    const [header] = await readRows(this.engine, "salesHeader", key);
    const lines = await readRows(this.engine, "salesLine", {
      documentType: doc.documentType,
      documentNo: doc.no,
    });
    const result = preview.result as { entries?: Record<string, Row[]>; lines?: PostedLineText[] };
    this.set({ busy: { label: "Waiting for your answer", done: 0, total: 0 } });
    const yes = await this.ask(
      postingQuestion(doc, mode, header ?? {}, lines, {
        entries: result.entries ?? {},
        posted: result.lines ?? [],
      }),
    );
    if (!yes)
      this.set({
        message: { kind: "info", text: `Not posted: ${doc.documentType} ${doc.no} was left as it is.` },
      });
    else this.set({ busy: { label: `Posting ${doc.documentType} ${doc.no}`, done: 0, total: 0 } });
    return yes;
  }

  private async afterPosting(doc: DocumentRef, before: SyncOutcome, what: string): Promise<void> {
    const [header] = await readRows(this.engine, "salesHeader", {
      documentType: doc.documentType,
      no: doc.no,
    });
    if (header) await this.rebuild(doc);
    else {
      const rows: OutputRow[] = before.rows.map((r) => ({ ...r, errors: [], note: `Posted (${what})` }));
      await writeDocumentSheet(
        this.gateway,
        {
          doc,
          header: { ...before.header, status: `Posted: ${what}` },
          headerErrors: [],
          rows,
          banner: `posted as ${what}`,
        },
        this.progress("Writing the document sheet"),
      );
      this.set({ current: null });
    }
    await this.writeOverviewSheets();
    await this.refreshLists();
    this.set({ errors: [] });
  }

  private async showPostingErrors(
    doc: DocumentRef,
    before: SyncOutcome,
    error: { message: string; details: { message: string; lineNo?: number; field?: string }[] },
  ): Promise<void> {
    const details = error.details.length > 0 ? error.details : [{ message: error.message }];
    const headerErrors = [...before.headerErrors];
    const rows = before.rows.map((r) => ({ ...r, errors: [...r.errors] }));
    const headerFields = new Set(HEADER_FIELDS.map((f) => f.field));
    for (const d of details) {
      const row = d.lineNo === undefined ? undefined : rows.find((r) => Number(r.values.lineNo) === d.lineNo);
      if (row) row.errors.push({ field: d.field ?? null, message: d.message });
      else
        headerErrors.push({
          field: d.field && headerFields.has(d.field) ? d.field : "check",
          message: d.message,
        });
    }
    const errors = await writeDocumentSheet(
      this.gateway,
      { doc, header: before.header, headerErrors, rows, stamp: before.stamp },
      this.progress("Writing the document sheet"),
    );
    this.set({
      errors,
      message: { kind: "error", text: `Not posted: ${error.message}` },
    });
  }

  async showEntries(documentNo: string): Promise<void> {
    await this.run(`Reading the entries of ${documentNo}`, () =>
      this.loadEntries(documentNo, `Entries of ${documentNo}`),
    );
  }

  private async loadEntries(documentNo: string, title: string): Promise<void> {
    const tables: Record<string, Row[]> = {};
    for (const t of LEDGER_TABLES) tables[t] = await readRows(this.engine, t, { documentNo });
    this.set({ entries: { title, preview: false, tables } });
  }

  closeEntries(): void {
    this.set({ entries: null });
  }

  // ---- master data ----

  async saveMaster(kind: "customers" | "items"): Promise<void> {
    const layout: MasterLayout = kind === "customers" ? CUSTOMERS : ITEMS;
    await this.run(`Saving ${layout.sheet}`, async () => {
      const sync = () =>
        syncMasterSheet(this.gateway, this.engine, layout, this.progress(`Reading ${layout.sheet}`));
      let outcome = await sync();
      if ("stale" in outcome && (await this.catchUp())) outcome = await sync();
      if ("stale" in outcome) {
        await refreshMasterSheet(this.gateway, this.engine, layout, this.progress(`Writing ${layout.sheet}`));
        return this.set({
          errors: [],
          message: { kind: "warning", text: `The sheet '${layout.sheet}' ${STALE_SHEET}` },
        });
      }
      if ("fatal" in outcome) {
        this.set({
          errors: outcome.fatal,
          message: { kind: "error", text: "The sheet cannot be read; nothing was saved." },
        });
        return;
      }
      await this.commit(outcome.changed);
      await this.refreshLists();
      this.set({
        errors: outcome.errors,
        message:
          outcome.errors.length > 0
            ? {
                kind: "error",
                text: `${outcome.errors.length} error(s) on ${layout.sheet}; the other rows were saved.`,
              }
            : outcome.warnings.length > 0
              ? {
                  kind: "warning",
                  text: `${layout.sheet}: ${outcome.saved} row(s) saved. ${outcome.warnings.join(" ")}`,
                }
              : { kind: "success", text: `${layout.sheet}: ${outcome.saved} row(s) saved.` },
      });
    });
  }

  async openSheet(sheet: string): Promise<void> {
    await this.run(`Opening ${sheet}`, async () => {
      await this.gateway.activateSheet(sheet);
    });
  }

  async selectError(error: CellError): Promise<void> {
    try {
      await this.gateway.selectCell(error.sheet, error.cell);
    } catch (e) {
      this.set({ message: { kind: "error", text: describeError(e) } });
    }
  }
}

function modeText(mode: PostMode): string {
  return mode === "ship" ? "Ship" : mode === "invoice" ? "Invoice" : "Ship and Invoice";
}

export function describeError(e: unknown): string {
  if (e instanceof EngineCommandError) return e.error.message;
  return e instanceof Error ? e.message : String(e);
}
