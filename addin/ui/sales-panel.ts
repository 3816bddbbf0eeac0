import { LitElement, css, html } from "lit";
import type { PostMode, Session } from "../session/session.js";
import { documentSheetName, type DocumentRef } from "../sheets/layouts.js";
import { SessionController } from "./session-controller.js";
import { base } from "./styles.js";
import "./entries-view.js";
import "./error-list.js";

const same = (a: DocumentRef | null, b: DocumentRef) => a?.documentType === b.documentType && a.no === b.no;

/** New documents, the open ones, and the actions on the current one: validate, preview, post. */
export class SalesPanel extends LitElement {
  static override properties = {
    session: { attribute: false },
    newType: { state: true },
    newCustomer: { state: true },
  };
  declare session: Session;
  declare newType: "Order" | "Invoice";
  declare newCustomer: string;
  private readonly controller = new SessionController(this);

  static override styles = [
    base,
    css`
      .current {
        border: 1px solid #c8c6c4;
        background: #fff;
        padding: 6px 8px;
        margin-top: 10px;
      }
      label {
        display: inline-flex;
        flex-direction: column;
        gap: 2px;
        font-size: 12px;
        color: #605e5c;
      }
    `,
  ];

  constructor() {
    super();
    this.newType = "Order";
    this.newCustomer = "";
  }

  override willUpdate(): void {
    this.controller.attach(this.session);
  }

  private post(doc: DocumentRef, mode: PostMode) {
    void this.session.postDocument(doc, mode);
  }

  override render() {
    const s = this.session.state;
    const busy = s.busy !== null;
    const customer = this.newCustomer || s.customers[0]?.no || "";
    const cur = s.current;
    // Release and Reopen each make sense in one status only.
    const statusOf = (d: NonNullable<typeof cur>) => s.documents.find((x) => same(d, x))?.status;
    return html`
      <h2>New sales document</h2>
      <div class="row">
        <label
          >Type
          <select
            aria-label="Document type"
            .value=${this.newType}
            @change=${(e: Event) => (this.newType = (e.target as HTMLSelectElement).value as "Order" | "Invoice")}
          >
            <option value="Order">Order</option>
            <option value="Invoice">Invoice</option>
          </select></label
        >
        <label
          >Customer
          <select
            aria-label="Customer"
            .value=${customer}
            @change=${(e: Event) => (this.newCustomer = (e.target as HTMLSelectElement).value)}
          >
            ${s.customers.map((c) => html`<option value=${c.no} ?selected=${c.no === customer}>${c.no} ${c.name}</option>`)}
          </select></label
        >
        <button
          class="primary"
          ?disabled=${busy || !customer}
          @click=${() => this.session.newDocument(this.newType, customer)}
        >
          Create
        </button>
      </div>
      ${s.customers.length === 0 ? html`<p class="muted">Add customers on the Customers sheet first (Data tab).</p>` : ""}

      <h2>Open documents</h2>
      ${
        s.documents.length === 0
          ? html`<p class="muted">No open orders or invoices.</p>`
          : html`<table class="list" aria-label="Open documents">
              <thead>
                <tr>
                  <th>Document</th>
                  <th>Customer</th>
                  <th>Status</th>
                  <th class="num">Incl. VAT</th>
                </tr>
              </thead>
              <tbody>
                ${s.documents.map(
                  (d) =>
                    html`<tr
                      class="clickable ${same(cur, d) ? "current" : ""}"
                      @click=${() => this.session.openDocument(d)}
                    >
                      <td>${d.documentType} ${d.no}</td>
                      <td>${d.customerNo}</td>
                      <td>${d.status}</td>
                      <td class="num">${d.amountIncludingVat}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      ${
        cur
          ? html`<section class="current" aria-label="Current document">
              <h2>${cur.documentType} ${cur.no}</h2>
              <p class="muted">Sheet: ${documentSheetName(cur)}</p>
              <div class="row">
                <button class="primary" ?disabled=${busy} @click=${() => this.session.validateDocument(cur)}>
                  Validate
                </button>
                <button ?disabled=${busy} @click=${() => this.session.rebuildDocument(cur)}>
                  Rebuild sheet
                </button>
                <button
                  ?disabled=${busy || statusOf(cur) === "Released"}
                  @click=${() => this.session.setDocumentStatus(cur, "release")}
                >
                  Release
                </button>
                <button
                  ?disabled=${busy || statusOf(cur) === "Open"}
                  @click=${() => this.session.setDocumentStatus(cur, "reopen")}
                >
                  Reopen
                </button>
              </div>
              <h3>Post</h3>
              ${
                cur.documentType === "Order"
                  ? html`<div class="row">
                        <button ?disabled=${busy} @click=${() => this.post(cur, "ship")}>Ship</button>
                        <button ?disabled=${busy} @click=${() => this.post(cur, "invoice")}>Invoice</button>
                        <button
                          class="primary"
                          ?disabled=${busy}
                          @click=${() => this.post(cur, "shipAndInvoice")}
                        >
                          Ship and Invoice
                        </button>
                      </div>
                      <div class="row">
                        <button
                          ?disabled=${busy}
                          @click=${() => this.session.previewPosting(cur, "shipAndInvoice")}
                        >
                          Preview Ship and Invoice
                        </button>
                        <button ?disabled=${busy} @click=${() => this.session.previewPosting(cur, "ship")}>
                          Preview Ship
                        </button>
                      </div>`
                  : html`<div class="row">
                      <button class="primary" ?disabled=${busy} @click=${() => this.post(cur, "invoice")}>
                        Post
                      </button>
                      <button ?disabled=${busy} @click=${() => this.session.previewPosting(cur, "invoice")}>
                        Preview
                      </button>
                    </div>`
              }
            </section>`
          : ""
      }
      <lp-error-list
        .errors=${s.errors}
        @select-error=${(e: CustomEvent) => this.session.selectError(e.detail)}
      ></lp-error-list>
      <lp-entries .view=${s.entries} @close=${() => this.session.closeEntries()}></lp-entries>
    `;
  }
}
customElements.define("lp-sales", SalesPanel);
