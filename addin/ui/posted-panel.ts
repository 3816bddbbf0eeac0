import { html } from "lit";
import { SessionPanel } from "./session-panel.js";
import "./entries-view.js";

/** Posted invoices and shipments; a click shows the entries the posting made. */
export class PostedPanel extends SessionPanel {
  override render() {
    const s = this.session.state;
    return html`<h2>Posted documents</h2>
      ${
        s.posted.length === 0
          ? html`<p class="muted">Nothing posted yet.</p>`
          : html`<table class="list" aria-label="Posted documents">
              <thead>
                <tr>
                  <th>Document</th>
                  <th>Customer</th>
                  <th>Date</th>
                  <th class="num">Incl. VAT</th>
                </tr>
              </thead>
              <tbody>
                ${s.posted.map(
                  (p) =>
                    html`<tr
                      class="clickable"
                      data-posted="${p.no}"
                      @click=${() => this.session.showEntries(p.no)}
                    >
                      <td title=${p.orderNo ? `From order ${p.orderNo}` : ""}>${p.kind} ${p.no}</td>
                      <td>${p.customerNo}</td>
                      <td>${p.postingDate}</td>
                      <td class="num">${p.amountIncludingVat}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
      <lp-entries .view=${s.entries} @close=${() => this.session.closeEntries()}></lp-entries>`;
  }
}
customElements.define("lp-posted", PostedPanel);
