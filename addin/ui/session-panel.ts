import { LitElement, type CSSResultGroup } from "lit";
import type { Session } from "../session/session.js";
import { SessionController } from "./session-controller.js";
import { base } from "./styles.js";

/** A pane section that shows the session's state and re-renders whenever it changes. */
export class SessionPanel extends LitElement {
  static override properties = { session: { attribute: false } };
  static override styles: CSSResultGroup = base;
  declare session: Session;
  private readonly sessionController = new SessionController(this);

  override willUpdate(): void {
    this.sessionController.attach(this.session);
  }
}
