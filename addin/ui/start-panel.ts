import { LitElement, html } from "lit";
import type { Session } from "../session/session.js";
import { base } from "./styles.js";

/** Shown when the workbook holds no company yet. */
export class StartPanel extends LitElement {
  static override properties = { session: { attribute: false }, undoStartOver: { attribute: false } };
  declare session: Session;
  /** Set when the books erased by "Start over" are still kept (until a new company is saved). */
  declare undoStartOver: (() => void) | undefined;
  static override styles = base;

  override render() {
    const busy = this.session.state.busy !== null;
    return html`<h2>Start a company in this workbook</h2>
      <p>Ledgerpane keeps the books inside this workbook: save the file and the books go with it.</p>
      <p class="muted">
        The demo company has a chart of accounts, posting set-up, number series, three customers and three
        items with stock. The empty company has only the set-up.
      </p>
      <div class="row">
        <button class="primary" ?disabled=${busy} @click=${() => this.session.newCompany(true)}>
          New demo company
        </button>
        <button ?disabled=${busy} @click=${() => this.session.newCompany(false)}>New empty company</button>
      </div>
      ${
        this.undoStartOver
          ? html`<h2>Undo start over</h2>
              <p>
                The books erased by "Start over" are still kept in this browser. Bring them back, or create a
                new company (which drops them for good).
              </p>
              <div class="row">
                <button ?disabled=${busy} @click=${() => this.undoStartOver?.()}>Undo start over</button>
              </div>`
          : ""
      }`;
  }
}
customElements.define("lp-start", StartPanel);
