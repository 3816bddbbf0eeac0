import { LitElement, css, html } from "lit";
import { a1 } from "../gateway/cells.js";
import { isBlocking, type CellError } from "../sheets/table-reader.js";
import { base } from "./styles.js";

/** The errors and warnings of the last check, each a link to its cell; warnings in amber. */
export class ErrorList extends LitElement {
  static override properties = { errors: { attribute: false } };
  declare errors: CellError[];

  static override styles = [
    base,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 4px 0;
      }
      li button {
        display: block;
        width: 100%;
        text-align: left;
        border: 1px solid #f1bbbc;
        background: #fdf3f4;
        color: #a4262c;
        margin: 0 0 4px;
        padding: 4px 6px;
        white-space: normal;
      }
      li button.warning {
        border-color: #e0c36a;
        background: #fff8e1;
        color: #6b4f00;
      }
      .where {
        font-weight: 600;
        margin-right: 4px;
      }
    `,
  ];

  constructor() {
    super();
    this.errors = [];
  }

  override render() {
    if (this.errors.length === 0) return html``;
    const blocking = this.errors.filter(isBlocking).length;
    const warnings = this.errors.length - blocking;
    const heading = [blocking ? `Errors (${blocking})` : "", warnings ? `Warnings (${warnings})` : ""]
      .filter(Boolean)
      .join(" · ");
    return html`<h3>${heading}</h3>
      <ul aria-label="Errors and warnings">
        ${this.errors.map(
          (e) =>
            html`<li>
              <button
                class=${isBlocking(e) ? "error" : "warning"}
                data-cell="${e.sheet}!${a1(e.cell)}"
                @click=${() => this.dispatchEvent(new CustomEvent("select-error", { detail: e, bubbles: true, composed: true }))}
              >
                <span class="where"
                  >${isBlocking(e) ? "" : "⚠ "}${a1(e.cell)}${e.column ? ` ${e.column}` : ""}</span
                >${e.message}
              </button>
            </li>`,
        )}
      </ul>`;
  }
}
customElements.define("lp-error-list", ErrorList);
