import Decimal from "decimal.js";
import { LitElement, css, html } from "lit";
import type { EntriesView } from "../session/session-state.js";
import { base } from "./styles.js";

interface Col {
  field: string;
  label: string;
  num?: boolean;
}

/** The ledgers a posting touches, in the order an accountant reads them. */
const LEDGERS: { table: string; title: string; cols: Col[] }[] = [
  {
    table: "glEntry",
    title: "G/L entries",
    cols: [
      { field: "glAccountNo", label: "Account" },
      { field: "glAccountName", label: "Name" },
      { field: "description", label: "Description" },
      { field: "amount", label: "Amount", num: true },
    ],
  },
  {
    table: "custLedgerEntry",
    title: "Customer ledger",
    cols: [
      { field: "customerNo", label: "Customer" },
      { field: "customerName", label: "Name" },
      { field: "documentType", label: "Type" },
      { field: "amount", label: "Amount", num: true },
      { field: "dueDate", label: "Due" },
    ],
  },
  {
    table: "vatEntry",
    title: "VAT entries",
    cols: [
      { field: "vatProdPostingGroup", label: "VAT group" },
      { field: "base", label: "Base", num: true },
      { field: "amount", label: "Amount", num: true },
    ],
  },
  {
    table: "itemLedgerEntry",
    title: "Item ledger",
    cols: [
      { field: "itemNo", label: "Item" },
      { field: "itemDescription", label: "Description" },
      { field: "entryType", label: "Type" },
      { field: "quantity", label: "Quantity", num: true },
      { field: "documentNo", label: "Document" },
    ],
  },
  {
    table: "valueEntry",
    title: "Value entries",
    cols: [
      { field: "itemNo", label: "Item" },
      { field: "itemDescription", label: "Description" },
      { field: "salesAmountActual", label: "Sales", num: true },
      { field: "costAmountActual", label: "Cost", num: true },
    ],
  },
];

// Debit and credit summed exactly; equal totals show the accountant the transaction balances.
function glTotal(rows: Record<string, unknown>[], cols: Col[]) {
  let debit = new Decimal(0);
  let credit = new Decimal(0);
  for (const r of rows) {
    const a = new Decimal(String(r["amount"] ?? "0"));
    if (a.isPositive()) debit = debit.plus(a);
    else credit = credit.minus(a);
  }
  return html`<tfoot>
    <tr class="total">
      <td colspan=${cols.length - 1}>Total debit ${debit.toFixed(2)} = credit ${credit.toFixed(2)}</td>
      <td class="num" data-debit=${debit.toFixed(2)} data-credit=${credit.toFixed(2)}>
        ${debit.minus(credit).toFixed(2)}
      </td>
    </tr>
  </tfoot>`;
}

export class EntriesViewElement extends LitElement {
  static override properties = { view: { attribute: false } };
  declare view: EntriesView | null;

  static override styles = [
    base,
    css`
      .box {
        border: 1px solid #c8c6c4;
        background: #fff;
        padding: 6px 8px;
        margin-top: 8px;
      }
      .preview {
        border-style: dashed;
      }
      header {
        display: flex;
        justify-content: space-between;
        align-items: center;
      }
    `,
  ];

  override render() {
    const v = this.view;
    if (!v) return html``;
    const shown = LEDGERS.filter((l) => (v.tables[l.table]?.length ?? 0) > 0);
    return html`<section class="box ${v.preview ? "preview" : ""}" aria-label="${v.title}">
      <header>
        <h2>${v.title}</h2>
        <button
          @click=${() => this.dispatchEvent(new CustomEvent("close", { bubbles: true, composed: true }))}
        >
          Close
        </button>
      </header>
      ${shown.length === 0 ? html`<p class="muted">No entries.</p>` : ""}
      ${shown.map(
        (l) =>
          html`<h3>${l.title}</h3>
            <table class="list" data-ledger="${l.table}">
              <thead>
                <tr>
                  ${l.cols.map((c) => html`<th class=${c.num ? "num" : ""}>${c.label}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${(v.tables[l.table] ?? []).map(
                  (row) =>
                    html`<tr>
                      ${l.cols.map((c) => html`<td class=${c.num ? "num" : ""}>${String(row[c.field] ?? "")}</td>`)}
                    </tr>`,
                )}
              </tbody>
              ${l.table === "glEntry" ? glTotal(v.tables[l.table] ?? [], l.cols) : ""}
            </table>`,
      )}
    </section>`;
  }
}
customElements.define("lp-entries", EntriesViewElement);
