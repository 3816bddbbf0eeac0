import { LitElement, css, html } from "lit";
import type { Busy } from "../session/session-state.js";

/** What Ledgerpane is doing right now; a moving bar when the amount of work is known. */
export class ProgressBar extends LitElement {
  static override properties = { busy: { attribute: false } };
  declare busy: Busy | null;

  static override styles = css`
    :host {
      display: block;
      font-size: 12px;
      color: #323130;
    }
    .track {
      height: 3px;
      background: #edebe9;
      overflow: hidden;
      margin-top: 3px;
    }
    .bar {
      height: 100%;
      background: #0f6cbd;
      transition: width 0.15s;
    }
    .indeterminate {
      width: 30%;
      animation: slide 1.2s infinite linear;
    }
    @keyframes slide {
      from {
        transform: translateX(-100%);
      }
      to {
        transform: translateX(350%);
      }
    }
  `;

  override render() {
    if (!this.busy) return html``;
    const { label, done, total } = this.busy;
    const known = total > 0;
    return html`<div role="status" aria-live="polite">
      ${label}${known ? html` <span>(${done} of ${total})</span>` : ""}…
      <div class="track">
        ${
          known
            ? html`<div class="bar" style="width:${Math.round((done / total) * 100)}%"></div>`
            : html`<div class="bar indeterminate"></div>`
        }
      </div>
    </div>`;
  }
}
customElements.define("lp-progress", ProgressBar);
