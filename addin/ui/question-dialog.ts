import { LitElement, css, html, type PropertyValues } from "lit";
import type { Question } from "../session/session-state.js";
import { base } from "./styles.js";

/**
 * A yes/no question over the pane (Office add-ins get no window.confirm). The safe answer has the
 * focus, so a reflex Enter or a repeated click does not confirm what the question names.
 */
export class QuestionDialog extends LitElement {
  static override properties = { question: { attribute: false } };
  declare question: Question | null;

  static override styles = [
    base,
    css`
      .backdrop {
        position: fixed;
        inset: 0;
        background: rgba(0, 0, 0, 0.35);
        display: flex;
        align-items: center;
        justify-content: center;
        z-index: 10;
      }
      .box {
        background: #fff;
        max-width: 340px;
        margin: 12px;
        padding: 12px 14px;
        border-radius: 4px;
        box-shadow: 0 6px 24px rgba(0, 0, 0, 0.3);
      }
      ul {
        margin: 6px 0 10px;
        padding-left: 18px;
      }
      button.danger {
        background: #fff;
        color: #a4262c;
        border-color: #a4262c;
      }
      .buttons {
        display: flex;
        justify-content: flex-end;
        gap: 6px;
      }
    `,
  ];

  constructor() {
    super();
    this.question = null;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has("question") && this.question)
      this.renderRoot.querySelector<HTMLButtonElement>("button.no")?.focus();
  }

  private reply(yes: boolean) {
    this.dispatchEvent(new CustomEvent("answer", { detail: yes, bubbles: true, composed: true }));
  }

  override render() {
    const q = this.question;
    if (!q) return html``;
    return html`<div class="backdrop">
      <div class="box" role="alertdialog" aria-modal="true" aria-labelledby="q-title">
        <h2 id="q-title">${q.title}</h2>
        ${q.intro ? html`<p>${q.intro}</p>` : ""}
        ${
          q.lines.length > 0
            ? html`<ul>
                ${q.lines.map((l) => html`<li>${l}</li>`)}
              </ul>`
            : ""
        }
        <div class="buttons">
          <button class="${q.destructive ? "danger" : "primary"} yes" @click=${() => this.reply(true)}>
            ${q.yes}
          </button>
          <button class="no" @click=${() => this.reply(false)}>${q.no}</button>
        </div>
      </div>
    </div>`;
  }
}
customElements.define("lp-question", QuestionDialog);

declare global {
  interface HTMLElementTagNameMap {
    "lp-question": QuestionDialog;
  }
}
