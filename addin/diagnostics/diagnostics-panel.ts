import { css, html } from "lit";
import { SessionPanel } from "../ui/session-panel.js";
import { currentEnvironment } from "./environment.js";
import { runSelfTest, type SelfTestReport } from "./self-test.js";

/**
 * The Company tab's Diagnostics: one click runs the self-test in this workbook and shows a report
 * the user can copy into a support request.
 */
export class DiagnosticsPanel extends SessionPanel {
  static override properties = {
    ...SessionPanel.properties,
    running: { state: true },
    report: { state: true },
    copied: { state: true },
  };
  static override styles = [
    SessionPanel.styles,
    css`
      .pass {
        color: #107c10;
      }
      .fail {
        color: #a4262c;
      }
      table.list td:first-child {
        width: 1.5em;
      }
      /* Error details can be long: they wrap, so the timings stay in a pane 270 px wide. */
      table.list td.check {
        white-space: normal;
        overflow-wrap: anywhere;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        min-height: 9em;
        font:
          11px ui-monospace,
          Consolas,
          monospace;
      }
    `,
  ];
  declare running: string | null;
  declare report: SelfTestReport | null;
  declare copied: boolean;

  constructor() {
    super();
    this.running = null;
    this.report = null;
    this.copied = false;
  }

  private async run(): Promise<void> {
    this.report = null;
    this.copied = false;
    this.running = "Starting…";
    try {
      this.report = await runSelfTest({
        gateway: this.session.gateway,
        engine: this.session.engine,
        environment: currentEnvironment(this.session.state.mode),
        onCheck: (done, total, name) => (this.running = name ? `${done + 1} of ${total}: ${name}…` : null),
      });
    } finally {
      this.running = null;
    }
  }

  private async copy(): Promise<void> {
    const text = this.report?.text ?? "";
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Some webviews refuse the clipboard API: selecting the text lets the user press Ctrl+C.
      this.renderRoot.querySelector("textarea")?.select();
      document.execCommand("copy");
    }
    this.copied = true;
  }

  override render() {
    const busy = this.running !== null || this.session.state.busy !== null;
    const r = this.report;
    return html`<h2>Diagnostics</h2>
      <p class="muted">
        Tries everything Ledgerpane asks of this workbook (a scratch sheet, tables, formats, custom XML parts
        of 5 MB, compression, the engine), times each and removes what it made. The books are not changed.
      </p>
      <div class="row">
        <button ?disabled=${busy} @click=${() => void this.run()}>Run diagnostics</button>
      </div>
      ${this.running ? html`<p class="muted" role="status">${this.running}</p>` : ""}
      ${
        r
          ? html`<p
                class=${r.ok ? "pass" : "fail"}
                role=${r.ok ? "status" : "alert"}
                data-diagnostics=${r.ok ? "ok" : "failed"}
              >
                ${
                  r.ok
                    ? `All ${r.checks.length} checks passed.`
                    : `${r.checks.filter((c) => !c.ok).length} of ${r.checks.length} checks failed: copy the report below into your support request.`
                }
              </p>
              <table class="list" aria-label="Diagnostics checks">
                <tbody>
                  ${r.checks.map(
                    (c) =>
                      html`<tr data-check=${c.ok ? "pass" : "fail"}>
                        <td class=${c.ok ? "pass" : "fail"}>${c.ok ? "✔" : "✖"}</td>
                        <td class="check">${c.name}<br /><span class="muted">${c.detail}</span></td>
                        <td class="num">${c.ms} ms</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
              <textarea readonly aria-label="Diagnostics report" .value=${r.text}></textarea>
              <div class="row">
                <button @click=${() => void this.copy()}>Copy report</button>
                ${this.copied ? html`<span class="muted" role="status">Copied.</span>` : ""}
              </div>`
          : ""
      }`;
  }
}
customElements.define("lp-diagnostics", DiagnosticsPanel);
