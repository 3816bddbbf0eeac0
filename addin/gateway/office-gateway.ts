/// <reference types="office-js" />
import { a1Range, columnLetters, type CellRef, type CellValue } from "./cells.js";
import { checkCellText, planReadBatches, planRowBatches } from "./excel-limits.js";
import {
  ERROR_MARK,
  ERROR_ROW_FILL,
  STAMP_FORMAT,
  STAMP_GAP,
  STAMP_PREFIX,
  STAMP_SEARCH,
  findStamp,
  stampCell,
  type BlockStyle,
  type Progress,
  type TableSnapshot,
  type TableSpec,
  type WorkbookGateway,
  SheetProtectedError,
  TEXT_FORMAT,
  becomesFormula,
} from "./gateway.js";

type Runner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

const COMPUTED_FILL = "#F3F2F1";
const COMPUTED_FONT = "#444444";

/**
 * The only module that touches Office.js. Each method is one `Excel.run` whose syncs are exactly
 * the requests the in-memory gateway counts: load what is read, sync, then read; large writes go
 * out in row batches, one sync each, under Excel's request size limit.
 */
export class OfficeGateway implements WorkbookGateway {
  readonly kind = "office" as const;

  // Without delayForCellEdit a batch that arrives while the user is typing in a cell fails, and a
  // save of many requests would stop midway; with it, Excel holds the batch until the edit ends.
  constructor(private readonly run: Runner = (batch) => Excel.run({ delayForCellEdit: true }, batch)) {}

  listSheets(): Promise<string[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items");
      await ctx.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  ensureSheet(name: string): Promise<boolean> {
    return this.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("isNullObject");
      await ctx.sync();
      if (!sheet.isNullObject) return false;
      ctx.workbook.worksheets.add(name);
      await ctx.sync();
      return true;
    });
  }

  activateSheet(name: string): Promise<void> {
    return this.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(name).activate();
      await ctx.sync();
    });
  }

  deleteSheet(name: string): Promise<void> {
    return this.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("isNullObject");
      await ctx.sync();
      if (sheet.isNullObject) return;
      sheet.delete();
      await ctx.sync();
    });
  }

  readRange(sheet: string, top: CellRef, rows: number, cols: number): Promise<CellValue[][]> {
    return this.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(top.row, top.col, rows, cols);
      range.load("values");
      await ctx.sync();
      return range.values as CellValue[][];
    });
  }

  writeRange(sheet: string, top: CellRef, values: CellValue[][], style?: BlockStyle): Promise<void> {
    checkCellText(values);
    return this.run(async (ctx) => {
      const cols = Math.max(...values.map((r) => r.length), 1);
      const ws = ctx.workbook.worksheets.getItem(sheet);
      const range = ws.getRangeByIndexes(top.row, top.col, values.length, cols);
      // Formats before values: a code like 0100 typed into a text-formatted cell stays text, and
      // text such as "-20% promo" is not taken for a formula.
      if (style?.numberFormats)
        range.numberFormat = style.numberFormats.map((r, i) =>
          r.map((f, j) => (becomesFormula(values[i]?.[j] ?? null) ? TEXT_FORMAT : (f ?? "General"))),
        );
      else
        values.forEach((r, i) =>
          r.forEach((v, j) => {
            if (becomesFormula(v))
              ws.getRangeByIndexes(top.row + i, top.col + j, 1, 1).numberFormat = [[TEXT_FORMAT]];
          }),
        );
      range.values = values.map((r) => r.map((v) => v ?? ""));
      if (style?.bold !== undefined) range.format.font.bold = style.bold;
      if (style?.fill === null) range.format.fill.clear();
      else if (style?.fill) range.format.fill.color = style.fill;
      await ctx.sync();
    });
  }

  clearRange(sheet: string, top: CellRef, rows: number, cols: number): Promise<void> {
    return this.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).getRangeByIndexes(top.row, top.col, rows, cols).clear("All");
      await ctx.sync();
    });
  }

  readTable(name: string, progress?: Progress): Promise<TableSnapshot | null> {
    return this.run(async (ctx) => {
      const table = ctx.workbook.tables.getItemOrNullObject(name);
      table.load("isNullObject");
      await ctx.sync();
      if (table.isNullObject) return null;
      table.load("name,showHeaders");
      table.worksheet.load("name");
      const whole = table.getRange();
      whole.load("rowIndex,columnIndex,rowCount,columnCount");
      await ctx.sync();
      const sheet = table.worksheet;
      let headers: string[] | null = null;
      if (table.showHeaders) {
        const head = table.getHeaderRowRange();
        head.load("values");
        await ctx.sync();
        headers = (head.values[0] ?? []).map((v) => String(v ?? ""));
      }
      const bodyTop = whole.rowIndex + (table.showHeaders ? 1 : 0);
      const bodyRows = whole.rowCount - (table.showHeaders ? 1 : 0);
      const rows: CellValue[][] = [];
      const batches = planReadBatches(bodyRows, whole.columnCount);
      for (const [i, b] of batches.entries()) {
        const part = sheet.getRangeByIndexes(
          bodyTop + b.start,
          whole.columnIndex,
          b.count,
          whole.columnCount,
        );
        part.load("values");
        await ctx.sync();
        rows.push(...(part.values as CellValue[][]));
        progress?.(i + 1, batches.length);
      }
      return {
        sheet: sheet.name,
        name: table.name,
        top: { row: whole.rowIndex, col: whole.columnIndex },
        headers,
        rows,
      };
    });
  }

  writeTable(spec: TableSpec, progress?: Progress): Promise<void> {
    checkCellText(spec.rows);
    return this.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem(spec.sheet);
      const old = ctx.workbook.tables.getItemOrNullObject(spec.name);
      old.load("isNullObject");
      const protection = sheet.protection;
      protection.load("protected");
      await ctx.sync();
      // Batches are not transactional: on a protected sheet the clear below would land and the
      // writes after it fail, so the check comes before anything changes.
      if (protection.protected) throw new SheetProtectedError(spec.sheet);
      if (!old.isNullObject) {
        const range = old.getRange();
        old.convertToRange();
        range.conditionalFormats.clearAll();
        range.dataValidation.clear();
        range.clear("All");
        await ctx.sync();
      }
      const cols = spec.columns.length;
      // An Excel table always has at least one body row; an empty one is where the user starts typing.
      const rows = spec.rows.length > 0 ? spec.rows : [spec.columns.map(() => "" as CellValue)];
      sheet.getRangeByIndexes(spec.top.row, spec.top.col, 1, cols).values = [
        spec.columns.map((c) => c.header),
      ];
      await ctx.sync();

      const formats = spec.columns.map((c) => c.numberFormat ?? "General");
      const batches = planRowBatches(rows);
      for (const [i, b] of batches.entries()) {
        const range = sheet.getRangeByIndexes(spec.top.row + 1 + b.start, spec.top.col, b.count, cols);
        const slice = rows.slice(b.start, b.start + b.count);
        range.numberFormat = slice.map((r) =>
          formats.map((f, j) => (becomesFormula(r[j] ?? null) ? TEXT_FORMAT : f)),
        );
        range.values = slice.map((r) => spec.columns.map((_, j) => r[j] ?? ""));
        await ctx.sync();
        progress?.(i + 1, batches.length);
      }

      const table = sheet.tables.add(a1Range(spec.top, rows.length + 1, cols), true);
      table.name = spec.name;
      table.style = "TableStyleLight9";
      spec.columns.forEach((c, j) => {
        const body = table.columns.getItemAt(j).getDataBodyRange();
        if (c.list) body.dataValidation.rule = { list: { inCellDropDown: true, source: c.list } };
        if (c.computed) {
          body.format.fill.color = COMPUTED_FILL;
          body.format.font.color = COMPUTED_FONT;
        }
      });
      if (spec.statusColumn !== undefined) {
        const status = table.columns.getItemAt(spec.statusColumn).getDataBodyRange();
        const cf = status.conditionalFormats.add("Custom");
        const first = `$${columnLetters(spec.top.col + spec.statusColumn)}${spec.top.row + 2}`;
        cf.custom.rule.formula = `=LEFT(${first},1)="${ERROR_MARK}"`;
        cf.custom.format.fill.color = ERROR_ROW_FILL;
        cf.custom.format.font.color = "#A4262C";
      }
      // In the table's last request: an undo of any part of this write reverts the stamp first.
      if (spec.stamp !== undefined) {
        const at = stampCell(spec.top, cols);
        const cell = sheet.getRangeByIndexes(at.row, at.col, 1, 1);
        cell.numberFormat = [[STAMP_FORMAT]];
        cell.values = [[STAMP_PREFIX + spec.stamp]];
      }
      await ctx.sync();
    });
  }

  readTableStamp(name: string): Promise<string | null> {
    return this.run(async (ctx) => {
      const table = ctx.workbook.tables.getItemOrNullObject(name);
      table.load("isNullObject");
      await ctx.sync();
      if (table.isNullObject) return null;
      const whole = table.getRange();
      whole.load("rowIndex,columnIndex,columnCount");
      await ctx.sync();
      const right = table.worksheet.getRangeByIndexes(
        whole.rowIndex,
        whole.columnIndex + whole.columnCount,
        1,
        STAMP_GAP + STAMP_SEARCH,
      );
      right.load("values");
      await ctx.sync();
      return findStamp((right.values[0] ?? []) as CellValue[]);
    });
  }

  setCellFills(sheet: string, fills: { cell: CellRef; color: string | null }[]): Promise<void> {
    if (fills.length === 0) return Promise.resolve();
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      for (let i = 0; i < fills.length; i += 500) {
        for (const f of fills.slice(i, i + 500)) {
          const fill = ws.getRangeByIndexes(f.cell.row, f.cell.col, 1, 1).format.fill;
          if (f.color) fill.color = f.color;
          else fill.clear();
        }
        await ctx.sync();
      }
    });
  }

  selectCell(sheet: string, cell: CellRef): Promise<void> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRangeByIndexes(cell.row, cell.col, 1, 1).select();
      await ctx.sync();
    });
  }

  listXmlParts(namespace: string): Promise<string[]> {
    return this.run(async (ctx) => {
      const parts = ctx.workbook.customXmlParts.getByNamespace(namespace);
      parts.load("items");
      await ctx.sync();
      return parts.items.map((p) => p.id);
    });
  }

  readXmlPart(id: string): Promise<string | null> {
    return this.run(async (ctx) => {
      const part = ctx.workbook.customXmlParts.getItemOrNullObject(id);
      part.load("isNullObject");
      await ctx.sync();
      if (part.isNullObject) return null;
      const xml = part.getXml();
      await ctx.sync();
      return xml.value;
    });
  }

  addXmlPart(xml: string): Promise<string> {
    return this.run(async (ctx) => {
      const part = ctx.workbook.customXmlParts.add(xml);
      part.load("id");
      await ctx.sync();
      return part.id;
    });
  }

  replaceXmlPart(id: string, xml: string): Promise<void> {
    return this.run(async (ctx) => {
      ctx.workbook.customXmlParts.getItem(id).setXml(xml);
      await ctx.sync();
    });
  }

  replaceXmlPartIf(id: string, expected: (current: string | null) => boolean, xml: string): Promise<boolean> {
    // One Excel.run: no other request of this pane can land between the read and the write.
    return this.run(async (ctx) => {
      const part = ctx.workbook.customXmlParts.getItemOrNullObject(id);
      part.load("isNullObject");
      await ctx.sync();
      if (part.isNullObject) return false;
      const current = part.getXml();
      await ctx.sync();
      if (!expected(current.value)) return false;
      part.setXml(xml);
      await ctx.sync();
      return true;
    });
  }

  deleteXmlParts(ids: string[]): Promise<void> {
    if (ids.length === 0) return Promise.resolve();
    return this.run(async (ctx) => {
      const parts = ids.map((id) => ctx.workbook.customXmlParts.getItemOrNullObject(id));
      for (const p of parts) p.load("isNullObject");
      await ctx.sync();
      for (const p of parts) if (!p.isNullObject) p.delete();
      await ctx.sync();
    });
  }
}
