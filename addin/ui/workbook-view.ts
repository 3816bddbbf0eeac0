import { LitElement, css, html, type PropertyValues } from "lit";
import { a1, columnLetters, type CellRef, type CellValue } from "../gateway/cells.js";
import { ERROR_MARK, ERROR_ROW_FILL, STAMP_FORMAT as HIDDEN_FORMAT } from "../gateway/gateway.js";
import type { MemorySheet, MemoryTable, MemoryWorkbook } from "../gateway/memory-workbook.js";

const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 22;
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * The standalone page's stand-in for Excel: the in-memory workbook drawn as a grid with sheet tabs,
 * a formula bar and Excel's habits where the add-in relies on them (typing under a table grows it,
 * numbers typed into a General cell become numbers, pasting bypasses validation). Only the rows in
 * view are drawn, so a sheet of 10,000 lines scrolls freely.
 */
export class WorkbookView extends LitElement {
  static override properties = {
    workbook: { attribute: false },
    scrollTop: { state: true },
    draft: { state: true },
  };
  declare workbook: MemoryWorkbook;
  declare scrollTop: number;
  declare draft: string | null;
  private unsubscribe: (() => void) | undefined;
  private lastSelection = "";
  private lastActiveSheet = "";

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100%;
      min-width: 0;
      font-family: "Segoe UI", system-ui, sans-serif;
      font-size: 12px;
      background: #fff;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 6px;
      padding: 4px 6px;
      border-bottom: 1px solid #d1d1d1;
      background: #f3f2f1;
    }
    .address {
      width: 110px;
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    input.formula {
      flex: 1;
      font: inherit;
      padding: 3px 4px;
      border: 1px solid #c8c6c4;
    }
    .bar button {
      font: inherit;
      padding: 3px 8px;
      border: 1px solid #8a8886;
      background: #fff;
      cursor: pointer;
    }
    .scroller {
      flex: 1;
      overflow: auto;
      position: relative;
      outline: none;
    }
    table {
      border-collapse: collapse;
      table-layout: fixed;
      position: absolute;
      left: 0;
    }
    td,
    th {
      height: ${ROW_HEIGHT - 1}px;
      border: 1px solid #e1dfdd;
      padding: 0 4px;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      cursor: cell;
    }
    th {
      background: #f3f2f1;
      color: #605e5c;
      font-weight: normal;
      position: sticky;
      top: 0;
      z-index: 2;
    }
    th.rowhead,
    td.rowhead {
      background: #f3f2f1;
      color: #605e5c;
      text-align: center;
      width: 40px;
      position: sticky;
      left: 0;
      z-index: 1;
    }
    td.num {
      text-align: right;
    }
    td.spill {
      overflow: visible;
      text-overflow: clip;
      position: relative;
      z-index: 1;
    }
    td.tablehead {
      background: #0f6cbd;
      color: #fff;
      font-weight: 600;
    }
    td.computed {
      background: #f3f2f1;
      color: #444;
    }
    td.selected {
      outline: 2px solid #0f6cbd;
      outline-offset: -2px;
    }
    .tabs {
      display: flex;
      gap: 2px;
      border-top: 1px solid #d1d1d1;
      background: #f3f2f1;
      padding: 0 4px;
      overflow-x: auto;
    }
    .tabs button {
      font: inherit;
      border: none;
      background: none;
      padding: 5px 10px;
      cursor: pointer;
      white-space: nowrap;
    }
    .tabs button[aria-selected="true"] {
      background: #fff;
      border-bottom: 2px solid #107c10;
      font-weight: 600;
    }
    .empty {
      padding: 24px;
      color: #605e5c;
    }
  `;

  constructor() {
    super();
    this.scrollTop = 0;
    this.draft = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.workbook.subscribe(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  private get sheet(): MemorySheet | undefined {
    const name = this.workbook.state.activeSheet;
    return name ? this.workbook.sheet(name) : undefined;
  }

  private get selected(): CellRef {
    const sel = this.workbook.state.selection;
    return sel && sel.sheet === this.sheet?.name ? sel.cell : { row: 0, col: 0 };
  }

  private select(cell: CellRef): void {
    const s = this.sheet;
    if (!s) return;
    // Clicking away from an edit keeps it, as in Excel.
    if (this.draft !== null) this.commit(null);
    this.workbook.userSelect(s.name, { row: Math.max(0, cell.row), col: Math.max(0, cell.col) });
  }

  /** What Excel would store for typed text: numbers become numbers unless the cell is text-formatted. */
  private typed(cell: CellRef, text: string): CellValue {
    const s = this.sheet!;
    const table = this.workbook.tableAt(s.name, cell);
    const format =
      table?.columns[cell.col - table.top.col]?.numberFormat ?? this.workbook.style(s, cell)?.numberFormat;
    if (format !== "@" && NUMERIC.test(text.trim())) return Number(text.trim());
    return text;
  }

  private commit(move: CellRef | null): void {
    const s = this.sheet;
    if (!s || this.draft === null) return;
    const cell = this.selected;
    const text = this.draft;
    this.draft = null;
    this.workbook.userSetCell(s.name, cell, text === "" ? null : this.typed(cell, text));
    if (move) this.select({ row: cell.row + move.row, col: cell.col + move.col });
    this.focusGrid();
  }

  private focusGrid(): void {
    this.renderRoot.querySelector<HTMLElement>(".scroller")?.focus();
  }

  private formula(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>("input.formula");
  }

  private onGridKey(e: KeyboardEvent): void {
    const cell = this.selected;
    const moves: Record<string, CellRef> = {
      ArrowUp: { row: -1, col: 0 },
      ArrowDown: { row: 1, col: 0 },
      ArrowLeft: { row: 0, col: -1 },
      ArrowRight: { row: 0, col: 1 },
      Enter: { row: 1, col: 0 },
      Tab: { row: 0, col: 1 },
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      this.select({ row: cell.row + move.row, col: cell.col + move.col });
      return;
    }
    if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      this.workbook.userSetCell(this.sheet!.name, cell, null);
      return;
    }
    if (e.key === "F2") {
      e.preventDefault();
      this.startEdit(this.display(this.value(cell)));
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(e.key);
    }
  }

  /** Typing into a cell edits it in the formula bar, which then takes the following keystrokes. */
  private startEdit(text: string): void {
    this.draft = text;
    const input = this.formula();
    if (!input) return;
    input.value = text;
    input.focus();
    input.setSelectionRange(text.length, text.length);
  }

  private onFormulaKey(e: KeyboardEvent): void {
    if (e.key === "Enter") {
      e.preventDefault();
      this.commit({ row: 1, col: 0 });
    } else if (e.key === "Tab") {
      e.preventDefault();
      this.commit({ row: 0, col: 1 });
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.draft = null;
      this.focusGrid();
    }
  }

  private onPaste(e: ClipboardEvent): void {
    const s = this.sheet;
    const text = e.clipboardData?.getData("text/plain");
    if (!s || !text || this.draft !== null) return;
    e.preventDefault();
    const top = this.selected;
    const rows = text.replace(/\r/g, "").replace(/\n$/, "").split("\n");
    const values = rows.map((r, i) =>
      r.split("\t").map((t, j) => (t === "" ? null : this.typed({ row: top.row + i, col: top.col + j }, t))),
    );
    this.workbook.userPaste(s.name, top, values);
  }

  private value(cell: CellRef): CellValue {
    const s = this.sheet;
    return s ? this.workbook.get(s, cell.row, cell.col) : null;
  }

  private display(v: CellValue): string {
    if (v === null) return "";
    if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
    return String(v);
  }

  /** What the cell shows: the ";;;" format hides its value, as in Excel (the formula bar still has it). */
  private shown(s: MemorySheet, row: number, col: number): string {
    if (this.workbook.style(s, { row, col })?.numberFormat === HIDDEN_FORMAT) return "";
    return this.display(this.workbook.get(s, row, col));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const sel = this.workbook.state.selection;
    const key = sel ? `${sel.sheet}!${a1(sel.cell)}` : "";
    if (key !== this.lastSelection) {
      this.lastSelection = key;
      const scroller = this.renderRoot.querySelector<HTMLElement>(".scroller");
      if (scroller && sel) {
        const y = HEADER_HEIGHT + sel.cell.row * ROW_HEIGHT;
        if (
          y < scroller.scrollTop + HEADER_HEIGHT ||
          y > scroller.scrollTop + scroller.clientHeight - ROW_HEIGHT
        )
          scroller.scrollTop = Math.max(0, y - scroller.clientHeight / 3);
        const cell = this.renderRoot.querySelector<HTMLElement>(`td[data-cell="${a1(sel.cell)}"]`);
        if (cell) {
          const left = cell.offsetLeft - 40;
          if (
            left < scroller.scrollLeft ||
            cell.offsetLeft + cell.offsetWidth > scroller.scrollLeft + scroller.clientWidth
          )
            scroller.scrollLeft = Math.max(0, left);
        }
        // A cell chosen from the pane (an error, a new document) takes the keyboard, as Excel's grid would.
        if (!(this.renderRoot as ShadowRoot).activeElement) scroller.focus({ preventScroll: true });
      }
    }
    const active = this.workbook.state.activeSheet ?? "";
    if (active !== this.lastActiveSheet) {
      this.lastActiveSheet = active;
      // With many sheets the tab bar scrolls; the active sheet's tab is always in view.
      this.renderRoot
        .querySelector<HTMLElement>('.tabs button[aria-selected="true"]')
        ?.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  }

  /** Text outside a table whose right neighbour is empty is drawn over it, as in Excel. */
  private spills(s: MemorySheet, tables: MemoryTable[], row: number, col: number): boolean {
    const v = this.workbook.get(s, row, col);
    if (typeof v !== "string" || v === "" || NUMERIC.test(v)) return false;
    const inTable = (c: number) =>
      tables.some(
        (t) =>
          c >= t.top.col &&
          c < t.top.col + t.columns.length &&
          row >= t.top.row &&
          row < this.workbook.firstBodyRow(t) + t.rowCount,
      );
    if (inTable(col)) return false;
    const next = this.workbook.get(s, row, col + 1);
    return (next === null || next === undefined || next === "") && !inTable(col + 1);
  }

  private cellClass(s: MemorySheet, tables: MemoryTable[], row: number, col: number, v: CellValue): string {
    const classes: string[] = [];
    if (this.spills(s, tables, row, col)) classes.push("spill");
    let numeric = typeof v === "number";
    for (const t of tables) {
      const j = col - t.top.col;
      if (j < 0 || j >= t.columns.length) continue;
      // Excel stores number-like text written into a General cell as a number, and right-aligns it.
      if (typeof v === "string" && t.columns[j]?.numberFormat !== "@" && NUMERIC.test(v)) numeric = true;
      if (t.showHeaders && row === t.top.row) classes.push("tablehead");
      else if (row >= this.workbook.firstBodyRow(t) && row < this.workbook.firstBodyRow(t) + t.rowCount) {
        if (t.columns[j]?.computed && !this.workbook.style(s, { row, col })?.fill) classes.push("computed");
      }
    }
    const format = this.workbook.style(s, { row, col })?.numberFormat;
    if (typeof v === "string" && format && format !== "@" && NUMERIC.test(v)) numeric = true;
    if (numeric) classes.push("num");
    return classes.join(" ");
  }

  private cellStyle(s: MemorySheet, tables: MemoryTable[], row: number, col: number, v: CellValue): string {
    const st = this.workbook.style(s, { row, col });
    const parts: string[] = [];
    let fill = st?.fill;
    for (const t of tables)
      if (
        t.statusColumn !== undefined &&
        col === t.top.col + t.statusColumn &&
        typeof v === "string" &&
        v.startsWith(ERROR_MARK)
      )
        fill = ERROR_ROW_FILL;
    if (fill) parts.push(`background:${fill}`);
    if (st?.bold) parts.push("font-weight:600");
    return parts.join(";");
  }

  override render() {
    const s = this.sheet;
    const sheets = this.workbook.state.sheets;
    if (!s)
      return html`<div class="empty">
          This workbook has no sheets yet. Start a company in the pane on the right.
        </div>
        <div class="tabs"></div>`;
    const used = this.workbook.usedSize(s);
    const totalRows = Math.max(used.rows + 30, 60);
    const totalCols = Math.max(used.cols + 2, 10);
    const tables = this.workbook.tablesOn(s.name);
    // As Excel does, text with empty cells to its right spills into them instead of widening its column:
    // an instruction above a table must not push the table's columns off the screen.
    // A table's caption does not widen its column past 96 px (it is cut, with the whole caption as
    // its tooltip), so a document's lines, amounts and Status fit on a 1400 px screen.
    const headerRows = new Set(tables.filter((t) => t.showHeaders).map((t) => t.top.row));
    const widths = Array.from({ length: totalCols }, (_, j) => {
      let w = 64;
      for (let r = 0; r < Math.min(used.rows, 40); r++) {
        if (this.spills(s, tables, r, j)) continue;
        const need = this.shown(s, r, j).length * 7.5 + 14;
        w = Math.max(w, headerRows.has(r) ? Math.min(need, 96) : need);
      }
      return Math.min(w, 280);
    });
    const viewRows = Math.ceil((this.clientHeight || 800) / ROW_HEIGHT) + 10;
    const first = Math.max(0, Math.floor(this.scrollTop / ROW_HEIGHT) - 5);
    const last = Math.min(totalRows, first + viewRows);
    const sel = this.selected;
    const rows = [];
    for (let r = first; r < last; r++) {
      rows.push(
        html`<tr>
          <td class="rowhead">${r + 1}</td>
          ${widths.map((_, c) => {
            const v = this.workbook.get(s, r, c);
            const isSel = sel.row === r && sel.col === c;
            return html`<td
              data-cell=${a1({ row: r, col: c })}
              class="${this.cellClass(s, tables, r, c, v)} ${isSel ? "selected" : ""}"
              style=${this.cellStyle(s, tables, r, c, v)}
              title=${this.shown(s, r, c)}
              @mousedown=${() => this.select({ row: r, col: c })}
              @dblclick=${() => this.startEdit(this.display(v))}
            >
              ${this.shown(s, r, c)}
            </td>`;
          })}
        </tr>`,
      );
    }
    const totalWidth = 40 + widths.reduce((a, b) => a + b, 0);
    return html`<div class="bar">
        <span class="address" aria-label="Selected cell">${s.name}!${a1(sel)}</span>
        <input
          class="formula"
          aria-label="Cell value"
          .value=${this.draft ?? this.display(this.value(sel))}
          @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => this.onFormulaKey(e)}
          @blur=${() => this.commit(null)}
        />
        <button
          @click=${() => this.workbook.userDeleteRows(s.name, sel.row)}
          title="Delete the selected sheet row"
        >
          Delete row
        </button>
      </div>
      <div
        class="scroller"
        tabindex="0"
        data-sheet=${s.name}
        @scroll=${(e: Event) => (this.scrollTop = (e.target as HTMLElement).scrollTop)}
        @keydown=${(e: KeyboardEvent) => this.onGridKey(e)}
        @paste=${(e: ClipboardEvent) => this.onPaste(e)}
      >
        <div style="height:${HEADER_HEIGHT + totalRows * ROW_HEIGHT}px;width:${totalWidth}px"></div>
        <table style="top:0;width:${totalWidth}px">
          <colgroup>
            <col style="width:40px" />
            ${widths.map((w) => html`<col style="width:${w}px" />`)}
          </colgroup>
          <thead>
            <tr>
              <th class="rowhead"></th>
              ${widths.map((_, c) => html`<th>${columnLetters(c)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${
              first > 0
                ? html`<tr style="height:${first * ROW_HEIGHT}px">
                    <td colspan=${totalCols + 1}></td>
                  </tr>`
                : ""
            }
            ${rows}
          </tbody>
        </table>
      </div>
      <div class="tabs" role="tablist" aria-label="Sheets">
        ${sheets.map(
          (x) =>
            html`<button
              role="tab"
              aria-selected=${x.name === s.name ? "true" : "false"}
              @click=${() => this.workbook.userActivate(x.name)}
            >
              ${x.name}
            </button>`,
        )}
      </div>`;
  }
}
customElements.define("lp-workbook", WorkbookView);
