import { css, html } from "lit";
import "../diagnostics/diagnostics-panel.js";
import { SessionPanel } from "./session-panel.js";

/** Where the books are kept, whether they are intact, the work date, and the workbook's settings. */
export class CompanyPanel extends SessionPanel {
  static override properties = { ...SessionPanel.properties, resetWorkbook: { attribute: false } };
  static override styles = [
    SessionPanel.styles,
    css`
      .ok {
        color: #107c10;
      }
      label.check {
        display: flex;
        align-items: flex-start;
        gap: 6px;
      }
      .bad {
        color: #a4262c;
        border-left: 3px solid #a4262c;
        padding-left: 8px;
      }
    `,
  ];
  declare resetWorkbook: (() => void) | undefined;
  private verification() {
    const v = this.session.state.verification;
    if (!v) return "";
    if (v.ok)
      return html`<p class="ok" data-verification="ok">
        All good: ${v.registers} G/L register(s) and ${v.entries} entries match their hash chain and every
        check (${v.checkedAt.slice(0, 19).replace("T", " ")} UTC).
      </p>`;
    const first = v.problems.find((p) => p.registerNo !== undefined);
    return html`<div class="bad" role="alert" data-verification="problems">
      <p>
        <strong>The books do not match${first ? html` from G/L register ${first.registerNo}` : ""}.</strong>
        They were changed outside Ledgerpane or are damaged; do not post until this is explained.
      </p>
      <ul>
        ${v.problems.map(
          (p) => html`<li>${p.registerNo !== undefined ? `Register ${p.registerNo}: ` : ""}${p.message}</li>`,
        )}
      </ul>
    </div>`;
  }

  override render() {
    const s = this.session.state;
    const busy = s.busy !== null;
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
            <td>Last saved</td>
            <td>${st.savedAt ?? "not yet"}</td>
          </tr>
          <tr>
            <td>Database size</td>
            <td>${st.bytes === null ? "–" : `${Math.ceil(st.bytes / 1024)} KiB`}</td>
          </tr>
        </tbody>
      </table>
      ${s.notices.map((n) => html`<p role="alert">${n}</p>`)}
      <h2>Verify books</h2>
      <p class="muted">
        Recomputes each G/L register's hash chain over its entries and checks that the ledgers agree, to find
        entries changed or deleted outside Ledgerpane.
      </p>
      <div class="row">
        <button ?disabled=${busy} @click=${() => this.session.verifyBooks()}>Verify books</button>
      </div>
      ${this.verification()}
      <h2>Posting</h2>
      <label class="check">
        <input
          type="checkbox"
          aria-label="Ask before posting"
          ?disabled=${busy}
          .checked=${s.settings.confirmPosting}
          @change=${(e: Event) => this.session.setConfirmPosting((e.target as HTMLInputElement).checked)}
        />
        <span>Ask before posting ("Do you want to ship and invoice…?", with the quantities and amount)</span>
      </label>
      <p class="muted">A setting of this workbook: it applies to everyone who opens it.</p>
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
      <lp-diagnostics .session=${this.session}></lp-diagnostics>
      ${
        s.mode === "standalone" && this.resetWorkbook
          ? html`<h2>Standalone workbook</h2>
              <p class="muted">
                This page runs without Excel; its workbook is kept in this browser. Starting over asks first,
                and can be undone once until a new company is saved.
              </p>
              <button ?disabled=${busy} @click=${() => this.resetWorkbook?.()}>
                Start over with an empty workbook
              </button>`
          : ""
      }`;
  }
}
customElements.define("lp-company", CompanyPanel);
