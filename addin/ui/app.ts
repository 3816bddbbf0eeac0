import { LitElement, css, html } from "lit";
import type { Session } from "../session/session.js";
import { SessionController } from "./session-controller.js";
import { base } from "./styles.js";
import "./company-panel.js";
import "./data-panel.js";
import "./posted-panel.js";
import "./progress-bar.js";
import "./question-dialog.js";
import "./sales-panel.js";
import "./start-panel.js";

type Tab = "sales" | "posted" | "data" | "company";
const TABS: { id: Tab; label: string }[] = [
  { id: "sales", label: "Sales" },
  { id: "posted", label: "Posted" },
  { id: "data", label: "Data" },
  { id: "company", label: "Company" },
];

/** The task pane: what the workbook holds decides what is shown. */
export class LedgerpaneApp extends LitElement {
  static override properties = {
    session: { attribute: false },
    resetWorkbook: { attribute: false },
    undoStartOver: { attribute: false },
    tab: { state: true },
  };
  declare session: Session;
  declare resetWorkbook: (() => void) | undefined;
  declare undoStartOver: (() => void) | undefined;
  declare tab: Tab;
  private readonly controller = new SessionController(this);

  static override styles = [
    base,
    css`
      :host {
        height: 100%;
        overflow-y: auto;
        overflow-x: hidden;
        background: #faf9f8;
        box-sizing: border-box;
        padding: 10px 12px 24px;
      }
      header.top {
        display: flex;
        align-items: center;
        gap: 8px;
        margin-bottom: 6px;
      }
      header.top img {
        width: 24px;
        height: 24px;
      }
      header.top h1 {
        font-size: 16px;
        font-weight: 600;
        margin: 0;
      }
      .mode {
        margin-left: auto;
        font-size: 11px;
        color: #605e5c;
      }
      nav {
        display: flex;
        border-bottom: 1px solid #c8c6c4;
        margin: 6px 0 4px;
      }
      nav button {
        border: none;
        background: none;
        border-bottom: 2px solid transparent;
        margin: 0;
        padding: 6px 10px;
      }
      nav button[aria-selected="true"] {
        border-bottom-color: #0f6cbd;
        font-weight: 600;
      }
      .message {
        padding: 6px 8px;
        margin: 6px 0;
        border-left: 3px solid;
        background: #fff;
      }
      .info {
        border-color: #0f6cbd;
      }
      .success {
        border-color: #107c10;
      }
      .warning {
        border-color: #c19c00;
      }
      .error {
        border-color: #a4262c;
        color: #a4262c;
      }
    `,
  ];

  constructor() {
    super();
    this.tab = "sales";
  }

  override willUpdate(): void {
    this.controller.attach(this.session);
  }

  private body() {
    const s = this.session.state;
    switch (s.phase) {
      case "starting":
        return html`<p class="muted">Looking for books in this workbook…</p>`;
      case "no-company":
        return html`<lp-start .session=${this.session} .undoStartOver=${this.undoStartOver}></lp-start>`;
      case "refused":
      case "damaged":
      case "failed":
        return html`<p>Ledgerpane will not change this workbook.</p>`;
      case "open":
        return html`<nav role="tablist">
            ${TABS.map(
              (t) =>
                html`<button
                  role="tab"
                  aria-selected=${this.tab === t.id ? "true" : "false"}
                  @click=${() => (this.tab = t.id)}
                >
                  ${t.label}
                </button>`,
            )}
          </nav>
          ${
            this.tab === "sales"
              ? html`<lp-sales .session=${this.session}></lp-sales>`
              : this.tab === "posted"
                ? html`<lp-posted .session=${this.session}></lp-posted>`
                : this.tab === "data"
                  ? html`<lp-data .session=${this.session}></lp-data>`
                  : html`<lp-company
                      .session=${this.session}
                      .resetWorkbook=${this.resetWorkbook}
                    ></lp-company>`
          }`;
    }
  }

  override render() {
    const s = this.session.state;
    return html`<header class="top">
        <img src="/icon-32.png" alt="" />
        <h1>Ledgerpane</h1>
        <span class="mode">${s.mode === "office" ? "Excel" : "Standalone (no Excel)"}</span>
      </header>
      <lp-progress .busy=${s.busy}></lp-progress>
      ${
        s.message
          ? html`<div
              class="message ${s.message.kind}"
              role=${s.message.kind === "error" ? "alert" : "status"}
            >
              ${s.message.text}
            </div>`
          : ""
      }
      ${s.notices.map((n) => html`<div class="message warning" role="alert">${n}</div>`)} ${this.body()}
      <lp-question
        .question=${s.question}
        @answer=${(e: CustomEvent<boolean>) => this.session.answer(e.detail)}
      ></lp-question>`;
  }
}
customElements.define("lp-app", LedgerpaneApp);

declare global {
  interface HTMLElementTagNameMap {
    "lp-app": LedgerpaneApp;
  }
}
