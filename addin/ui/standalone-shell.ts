import { LitElement, css, html } from "lit";
import type { MemoryWorkbook } from "../gateway/memory-workbook.js";
import type { Session } from "../session/session.js";
import "./app.js";
import "./workbook-view.js";

/** The page without Excel: the workbook on the left, the same task pane on the right. */
export class StandaloneShell extends LitElement {
  static override properties = {
    session: { attribute: false },
    workbook: { attribute: false },
    resetWorkbook: { attribute: false },
    undoStartOver: { attribute: false },
  };
  declare session: Session;
  declare workbook: MemoryWorkbook;
  declare resetWorkbook: () => void;
  declare undoStartOver: (() => void) | undefined;

  static override styles = css`
    :host {
      display: flex;
      height: 100vh;
    }
    lp-workbook {
      flex: 1;
      min-width: 0;
      border-right: 1px solid #c8c6c4;
    }
    lp-app {
      width: 380px;
      flex: none;
    }
    /* A narrow window cannot hold a grid and a pane side by side: the grid goes on top, the pane below
       at the window's width (Office's pane is 270 to 350 px wide; the pane works from 270 px). */
    @media (max-width: 760px) {
      :host {
        flex-direction: column;
        height: auto;
        min-height: 100vh;
      }
      lp-workbook {
        flex: none;
        height: 45vh;
        border-right: none;
        border-bottom: 1px solid #c8c6c4;
      }
      lp-app {
        width: auto;
      }
    }
  `;

  override render() {
    return html`<lp-workbook .workbook=${this.workbook}></lp-workbook>
      <lp-app
        .session=${this.session}
        .resetWorkbook=${this.resetWorkbook}
        .undoStartOver=${this.undoStartOver}
      ></lp-app>`;
  }
}
customElements.define("lp-standalone", StandaloneShell);

declare global {
  interface HTMLElementTagNameMap {
    "lp-standalone": StandaloneShell;
  }
}
