import { html } from "lit";
import { CHART_OF_ACCOUNTS, CUSTOMERS, ITEMS, LEDGERS, TRIAL_BALANCE } from "../sheets/layouts.js";
import { SessionPanel } from "./session-panel.js";
import "./error-list.js";

/** Master data sheets (edited by the user, saved on request) and the ledger sheets (read-only). */
export class DataPanel extends SessionPanel {
  override render() {
    const s = this.session.state;
    const busy = s.busy !== null;
    return html`<h2>Master data</h2>
      <p class="muted">
        Edit the sheets, then save: each row is checked by the engine, errors stay at their cells.
      </p>
      ${[
        { layout: CUSTOMERS, kind: "customers" as const },
        { layout: ITEMS, kind: "items" as const },
      ].map(
        ({ layout, kind }) =>
          html`<div class="row">
            <strong style="min-width:80px">${layout.sheet}</strong>
            <button ?disabled=${busy} @click=${() => this.session.openSheet(layout.sheet)}>Open sheet</button>
            <button class="primary" ?disabled=${busy} @click=${() => this.session.saveMaster(kind)}>
              Save ${layout.sheet}
            </button>
          </div>`,
      )}
      <lp-error-list
        .errors=${s.errors}
        @select-error=${(e: CustomEvent) => this.session.selectError(e.detail)}
      ></lp-error-list>
      <h2>Ledger sheets</h2>
      <p class="muted">Written by Ledgerpane after every posting; edits there are overwritten.</p>
      <div class="row">
        ${[...LEDGERS, CHART_OF_ACCOUNTS, TRIAL_BALANCE].map(
          (l) =>
            html`<button ?disabled=${busy} @click=${() => this.session.openSheet(l.sheet)}>
              ${l.sheet}
            </button>`,
        )}
      </div>
      <div class="row">
        <button ?disabled=${busy} @click=${() => this.session.refreshSheets()}>
          Rewrite all sheets from the books
        </button>
      </div>`;
  }
}
customElements.define("lp-data", DataPanel);
