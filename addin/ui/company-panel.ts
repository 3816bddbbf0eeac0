import { html } from "lit";
import { SessionPanel } from "./session-panel.js";

/** Where the books are kept, and the work date that stands in for "today". */
export class CompanyPanel extends SessionPanel {
  static override properties = { ...SessionPanel.properties, resetWorkbook: { attribute: false } };
  declare resetWorkbook: (() => void) | undefined;
  override render() {
    const s = this.session.state;
    const st = s.storage;
    return html`<h2>Storage</h2>
      <p>
        The books are an SQLite database stored inside this workbook (custom XML parts, two copies: the
        current one and the one before it).
      </p>
      <table class="list" aria-label="Storage">
        <tbody>
          <tr>
            <td>Saves so far (generation)</td>
            <td>${st.generation ?? "–"}</td>
          </tr>
          <tr>
            <td>Current copy</td>
            <td>${st.slot ?? "–"}</td>
          </tr>
          <tr>
            <td>Last saved by this pane</td>
            <td>${st.savedAt ?? "not yet"}</td>
          </tr>
          <tr>
            <td>Database size</td>
            <td>${st.bytes === null ? "–" : `${Math.ceil(st.bytes / 1024)} KiB`}</td>
          </tr>
        </tbody>
      </table>
      ${s.notices.map((n) => html`<p role="alert">${n}</p>`)}
      <h2>Work date</h2>
      <div class="row">
        <input
          type="date"
          aria-label="Work date"
          .value=${s.workDate}
          @change=${(e: Event) => this.session.setWorkDate((e.target as HTMLInputElement).value)}
        />
      </div>
      <p class="muted">Default posting and document date for new documents.</p>
      ${
        s.mode === "standalone" && this.resetWorkbook
          ? html`<h2>Standalone workbook</h2>
              <p class="muted">This page runs without Excel; its workbook is kept in this browser.</p>
              <button @click=${() => this.resetWorkbook?.()}>Start over with an empty workbook</button>`
          : ""
      }`;
  }
}
customElements.define("lp-company", CompanyPanel);
