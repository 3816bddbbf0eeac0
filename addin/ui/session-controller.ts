import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Session } from "../session/session.js";

/** Re-renders a component whenever the session's state changes. */
export class SessionController implements ReactiveController {
  private session: Session | undefined;
  private readonly onChange = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  attach(session: Session | undefined): void {
    if (session === this.session) return;
    this.session?.removeEventListener("change", this.onChange);
    this.session = session;
    session?.addEventListener("change", this.onChange);
  }

  hostConnected(): void {
    this.session?.addEventListener("change", this.onChange);
  }

  hostDisconnected(): void {
    this.session?.removeEventListener("change", this.onChange);
  }
}
