import { isBlank, type CellRef, type CellValue } from "./cells.js";
import {
  EXCEL_REQUEST_LIMIT_BYTES,
  ExcelLimitError,
  checkCellText,
  planReadBatches,
  planRowBatches,
  rowPayloadBytes,
} from "./excel-limits.js";
import {
  TEXT_FORMAT,
  becomesFormula,
  STAMP_FORMAT,
  STAMP_GAP,
  STAMP_PREFIX,
  STAMP_SEARCH,
  findStamp,
  stampCell,
  type BlockStyle,
  type Progress,
  type TableColumn,
  type TableSnapshot,
  type TableSpec,
  type WorkbookGateway,
} from "./gateway.js";
import { MemoryWorkbook, type MemoryTable } from "./memory-workbook.js";

/** Thrown by an injected fault: the add-in "died" between two requests. */
export class InjectedFailure extends Error {
  constructor(readonly writeIndex: number) {
    super(`Injected failure before write #${writeIndex}.`);
    this.name = "InjectedFailure";
  }
}

export interface RequestLog {
  kind: "read" | "write";
  op: string;
  bytes: number;
}

/**
 * Plays Excel over a MemoryWorkbook. Every method is one request, in the same batches the Office.js
 * gateway sends, so that limits and faults land where they would in Excel: a request over 5 MB is
 * refused whole, a cell over 32,767 characters is refused, and `failAtWrite(n)` makes the n-th
 * write (0-based) and everything after it fail without touching the workbook.
 */
export class MemoryGateway implements WorkbookGateway {
  readonly kind = "memory" as const;
  readonly log: RequestLog[] = [];
  private writes = 0;
  private failAt: number | undefined;
  private dead = false;
  /** Awaited after every write, so a caller's `await` covers persistence (the standalone page). */
  afterWrite: (() => Promise<void>) | undefined;

  constructor(readonly workbook: MemoryWorkbook = new MemoryWorkbook()) {}

  failAtWrite(index: number | undefined): void {
    this.failAt = index;
  }

  get writeCount(): number {
    return this.writes;
  }

  private async read<T>(op: string, fn: () => T, bytes = 0): Promise<T> {
    if (this.dead) throw new InjectedFailure(this.writes);
    this.log.push({ kind: "read", op, bytes });
    // A real request never completes synchronously; keep callers honest about awaiting.
    await Promise.resolve();
    if (bytes > EXCEL_REQUEST_LIMIT_BYTES)
      throw new ExcelLimitError("RequestPayloadSizeLimitExceeded", `The response of ${op} exceeds 5 MB.`);
    return fn();
  }

  private async write(op: string, bytes: number, fn: () => void): Promise<void> {
    if (this.dead) throw new InjectedFailure(this.writes);
    if (this.failAt !== undefined && this.writes === this.failAt) {
      this.dead = true;
      throw new InjectedFailure(this.writes);
    }
    this.writes++;
    this.log.push({ kind: "write", op, bytes });
    await Promise.resolve();
    if (bytes > EXCEL_REQUEST_LIMIT_BYTES)
      throw new ExcelLimitError(
        "RequestPayloadSizeLimitExceeded",
        `The request ${op} carries ${bytes} bytes; Excel accepts about 5 MB per request.`,
      );
    fn();
    this.workbook.notify("addin");
    if (this.afterWrite) await this.afterWrite();
  }

  async listSheets(): Promise<string[]> {
    return this.read("listSheets", () => this.workbook.state.sheets.map((s) => s.name));
  }

  async ensureSheet(name: string): Promise<boolean> {
    if (await this.read("getSheet", () => this.workbook.sheet(name) !== undefined)) return false;
    await this.write("addSheet", name.length, () => {
      this.workbook.addSheet(name);
    });
    return true;
  }

  async activateSheet(name: string): Promise<void> {
    await this.write("activate", name.length, () => {
      this.workbook.state.activeSheet = this.workbook.requireSheet(name).name;
    });
  }

  async deleteSheet(name: string): Promise<void> {
    await this.write("deleteSheet", name.length, () => this.workbook.removeSheet(name));
  }

  async readRange(sheet: string, top: CellRef, rows: number, cols: number): Promise<CellValue[][]> {
    return this.read(
      "readRange",
      () => {
        const s = this.workbook.requireSheet(sheet);
        return this.block(s, top, rows, cols);
      },
      rows * cols * 8,
    );
  }

  async writeRange(sheet: string, top: CellRef, values: CellValue[][], style?: BlockStyle): Promise<void> {
    checkCellText(values);
    const bytes = values.reduce((n, r) => n + rowPayloadBytes(r), 0);
    await this.write("writeRange", bytes, () => {
      const s = this.workbook.requireSheet(sheet);
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          const cell = { row: top.row + i, col: top.col + j };
          const numberFormat = style?.numberFormats?.[i]?.[j] ?? undefined;
          // As in Excel, the format written with the values decides how they are read.
          let format = style?.numberFormats ? (numberFormat ?? "General") : this.workbook.formatAt(s, cell);
          // The gateway's rule, as in the Office one: text that Excel would take for a formula gets the text format.
          if (becomesFormula(v) && format !== TEXT_FORMAT) {
            format = TEXT_FORMAT;
            this.workbook.setStyle(s, cell, { numberFormat: TEXT_FORMAT });
          }
          this.workbook.enter(s, cell.row, cell.col, v, format);
          if (style && (style.bold !== undefined || style.fill !== undefined || numberFormat))
            this.workbook.setStyle(s, cell, {
              ...(style.bold !== undefined ? { bold: style.bold } : {}),
              ...(style.fill !== undefined ? { fill: style.fill ?? undefined } : {}),
              ...(numberFormat ? { numberFormat: format } : {}),
            });
        }),
      );
    });
  }

  async clearRange(sheet: string, top: CellRef, rows: number, cols: number): Promise<void> {
    await this.write("clearRange", 32, () => {
      const s = this.workbook.requireSheet(sheet);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          this.workbook.set(s, top.row + i, top.col + j, null);
          this.workbook.setStyle(s, { row: top.row + i, col: top.col + j }, null);
        }
    });
  }

  async readTable(name: string, progress?: Progress): Promise<TableSnapshot | null> {
    const meta = await this.read("getTable", () => {
      const t = this.workbook.table(name);
      return t ? { ...t, top: { ...t.top } } : null;
    });
    if (!meta) return null;
    const sheet = this.workbook.requireSheet(meta.sheet);
    const cols = meta.columns.length;
    const headers = meta.showHeaders
      ? await this.read("readHeader", () =>
          this.block(sheet, meta.top, 1, cols)[0]!.map((v) => (v === null ? "" : String(v))),
        )
      : null;
    const body = meta.top.row + (meta.showHeaders ? 1 : 0);
    const rows: CellValue[][] = [];
    const batches = planReadBatches(meta.rowCount, cols);
    for (const [i, b] of batches.entries()) {
      const part = await this.read(
        "readTableRows",
        () => this.block(sheet, { row: body + b.start, col: meta.top.col }, b.count, cols),
        b.count * cols * 8,
      );
      rows.push(...part);
      progress?.(i + 1, batches.length);
    }
    return { sheet: sheet.name, name: meta.name, top: meta.top, headers, rows };
  }

  async writeTable(spec: TableSpec, progress?: Progress): Promise<void> {
    checkCellText(spec.rows);
    const existing = await this.read("getTable", () => this.workbook.table(spec.name)?.name ?? null);
    if (existing) {
      await this.write("clearTable", 64, () => {
        const t = this.workbook.table(spec.name)!;
        const s = this.workbook.requireSheet(t.sheet);
        const height = (t.showHeaders ? 1 : 0) + t.rowCount;
        for (let i = 0; i < height; i++)
          for (let j = 0; j < t.columns.length; j++) {
            const cell = { row: t.top.row + i, col: t.top.col + j };
            this.workbook.set(s, cell.row, cell.col, null);
            this.workbook.setStyle(s, cell, null);
          }
        this.workbook.state.tables = this.workbook.state.tables.filter((x) => x !== t);
      });
    }
    const header = spec.columns.map((c) => c.header);
    await this.write("writeHeader", rowPayloadBytes(header), () => {
      const s = this.workbook.requireSheet(spec.sheet);
      header.forEach((h, j) => this.workbook.set(s, spec.top.row, spec.top.col + j, h));
    });
    // As in Excel, a table always has a body row; an empty one is where the user starts typing.
    const rows = spec.rows.length > 0 ? spec.rows : [spec.columns.map((): CellValue => "")];
    const batches = planRowBatches(rows);
    for (const [i, b] of batches.entries()) {
      const slice = rows.slice(b.start, b.start + b.count);
      const bytes = slice.reduce((n, r) => n + rowPayloadBytes(r), 0);
      await this.write("writeTableRows", bytes, () => {
        const s = this.workbook.requireSheet(spec.sheet);
        slice.forEach((row, r) =>
          spec.columns.forEach((c, j) =>
            this.enterTableCell(
              s,
              { row: spec.top.row + 1 + b.start + r, col: spec.top.col + j },
              row[j] ?? null,
              c,
            ),
          ),
        );
      });
      progress?.(i + 1, batches.length);
    }
    await this.write("addTable", 256, () => {
      const table: MemoryTable = {
        name: spec.name,
        sheet: this.workbook.requireSheet(spec.sheet).name,
        top: { ...spec.top },
        columns: spec.columns.map((c) => ({ ...c })),
        rowCount: rows.length,
        showHeaders: true,
        ...(spec.statusColumn !== undefined ? { statusColumn: spec.statusColumn } : {}),
      };
      this.workbook.state.tables.push(table);
      if (spec.stamp !== undefined) {
        const s = this.workbook.requireSheet(spec.sheet);
        const cell = stampCell(spec.top, spec.columns.length);
        this.workbook.set(s, cell.row, cell.col, STAMP_PREFIX + spec.stamp);
        this.workbook.setStyle(s, cell, { numberFormat: STAMP_FORMAT });
      }
    });
  }

  async readTableStamp(name: string): Promise<string | null> {
    return this.read("readTableStamp", () => {
      const t = this.workbook.table(name);
      if (!t) return null;
      const s = this.workbook.requireSheet(t.sheet);
      const from = t.top.col + t.columns.length;
      return findStamp(this.block(s, { row: t.top.row, col: from }, 1, STAMP_GAP + STAMP_SEARCH)[0]!);
    });
  }

  async setCellFills(sheet: string, fills: { cell: CellRef; color: string | null }[]): Promise<void> {
    if (fills.length === 0) return;
    await this.write("setCellFills", fills.length * 24, () => {
      const s = this.workbook.requireSheet(sheet);
      for (const f of fills) this.workbook.setStyle(s, f.cell, { fill: f.color ?? undefined });
    });
  }

  async selectCell(sheet: string, cell: CellRef): Promise<void> {
    await this.read("select", () => this.workbook.userSelect(sheet, cell));
  }

  async listXmlParts(namespace: string): Promise<string[]> {
    return this.read("listXmlParts", () =>
      this.workbook.state.parts.filter((p) => namespaceOf(p.xml) === namespace).map((p) => p.id),
    );
  }

  async readXmlPart(id: string): Promise<string | null> {
    const part = this.workbook.state.parts.find((p) => p.id === id);
    return this.read("readXmlPart", () => part?.xml ?? null, part?.xml.length ?? 0);
  }

  async addXmlPart(xml: string): Promise<string> {
    let id = "";
    await this.write("addXmlPart", xml.length, () => {
      id = `{LP-${String(this.workbook.state.nextPartId++).padStart(8, "0")}}`;
      this.workbook.state.parts.push({ id, xml });
    });
    return id;
  }

  async replaceXmlPart(id: string, xml: string): Promise<void> {
    await this.write("replaceXmlPart", xml.length, () => {
      const part = this.workbook.state.parts.find((p) => p.id === id);
      if (!part) throw new Error(`The custom XML part ${id} does not exist.`);
      part.xml = xml;
    });
  }

  async replaceXmlPartIf(
    id: string,
    expected: (current: string | null) => boolean,
    xml: string,
  ): Promise<boolean> {
    let replaced = false;
    await this.write("replaceXmlPartIf", xml.length, () => {
      const part = this.workbook.state.parts.find((p) => p.id === id);
      if (!part || !expected(part.xml)) return;
      part.xml = xml;
      replaced = true;
    });
    return replaced;
  }

  async deleteXmlParts(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.write("deleteXmlParts", ids.length * 40, () => {
      const gone = new Set(ids);
      this.workbook.state.parts = this.workbook.state.parts.filter((p) => !gone.has(p.id));
    });
  }

  /** A table body cell: its column's format, or the text format for text Excel would take for a formula. */
  private enterTableCell(
    s: ReturnType<MemoryWorkbook["requireSheet"]>,
    cell: CellRef,
    v: CellValue,
    column: TableColumn,
  ): void {
    if (becomesFormula(v) && column.numberFormat !== TEXT_FORMAT)
      this.workbook.setStyle(s, cell, { numberFormat: TEXT_FORMAT });
    this.workbook.enter(
      s,
      cell.row,
      cell.col,
      v,
      becomesFormula(v) ? TEXT_FORMAT : (column.numberFormat ?? "General"),
    );
  }

  private block(
    s: ReturnType<MemoryWorkbook["requireSheet"]>,
    top: CellRef,
    rows: number,
    cols: number,
  ): CellValue[][] {
    const out: CellValue[][] = [];
    for (let i = 0; i < rows; i++) {
      const row: CellValue[] = [];
      for (let j = 0; j < cols; j++) {
        const v = this.workbook.get(s, top.row + i, top.col + j);
        // Excel reports an empty cell as "" in Range.values.
        row.push(isBlank(v) ? "" : v);
      }
      out.push(row);
    }
    return out;
  }
}

/** The default namespace of a part's root element, as Office reports it for getByNamespace. */
export function namespaceOf(xml: string): string | null {
  const m = /<[A-Za-z_][\w.-]*[^>]*?\sxmlns="([^"]*)"/.exec(xml);
  return m ? m[1]! : null;
}
