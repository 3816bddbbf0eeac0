/**
 * Where the page runs decides what it may write to. Inside Excel the books go into the workbook;
 * the standalone demo writes to the browser's storage instead, so it must never start inside an
 * Office host that is merely slow to answer (Excel on the web can take longer than any timeout).
 * Only a top-level page of a plain browser, with no sign of an Office host, falls back.
 */
export type HostChoice =
  /** Office.onReady answered: Excel. */
  | { kind: "excel" }
  /** A plain browser: the standalone demo. */
  | { kind: "standalone" }
  /** Inside a host frame or webview, Office has not answered yet: keep waiting, say so. */
  | { kind: "wait"; reason: string }
  /** Inside an Office host that is not Excel (Word, PowerPoint…), or office.js is missing in a host. */
  | { kind: "refuse"; message: string };

export interface HostSignals {
  /** office.js loaded and `Office.onReady` exists. */
  officeLoaded: boolean;
  /** What Office.onReady answered, or "pending" when it has not answered within the wait. */
  ready: { host: string | null } | "pending";
  /** `window.top !== window` (or reading window.top threw: a cross-origin parent). */
  inFrame: boolean;
  /** Anything else that says an Office host opened the page (see `officeHostHints`). */
  hostHints: string[];
}

export function chooseHost(s: HostSignals): HostChoice {
  const inHost = s.inFrame || s.hostHints.length > 0;
  if (s.ready !== "pending") {
    if (s.ready.host === "Excel") return { kind: "excel" };
    if (s.ready.host)
      return { kind: "refuse", message: `Ledgerpane runs in Excel; this is ${s.ready.host}.` };
    // Office answered "no host": a browser. A frame alone (a docs site embedding the demo) is fine
    // once Office has said so; a webview or an Office URL parameter is not.
    return s.hostHints.length > 0
      ? { kind: "wait", reason: `Office answered without a host, but ${s.hostHints.join(", ")}` }
      : { kind: "standalone" };
  }
  if (!s.officeLoaded)
    return inHost
      ? {
          kind: "refuse",
          message:
            "Office's library (office.js) did not load, so Ledgerpane cannot reach the workbook. Check the " +
            "network and reopen the pane; nothing was written anywhere.",
        }
      : { kind: "standalone" };
  return inHost
    ? { kind: "wait", reason: s.inFrame ? "the page is inside a host frame" : s.hostHints.join(", ") }
    : { kind: "standalone" };
}

/** Signs that an Office host opened the page, whatever Office.onReady says or has not said yet. */
export function officeHostHints(win: {
  location?: { search?: string; hash?: string };
  chrome?: { webview?: unknown };
  webkit?: { messageHandlers?: unknown };
  external?: unknown;
}): string[] {
  const hints: string[] = [];
  const url = `${win.location?.search ?? ""}${win.location?.hash ?? ""}`;
  // Office adds _host_Info=Excel|Win32|… to the pane's URL.
  if (/[?&#]_host_Info=/i.test(url)) hints.push("the URL carries Office's _host_Info");
  if (win.chrome?.webview) hints.push("the page runs in a WebView2 control");
  if (win.webkit?.messageHandlers) hints.push("the page runs in a WKWebView");
  const ext = win.external as Record<string, unknown> | undefined;
  if (ext && typeof ext === "object" && "GetContext" in ext) hints.push("the page runs in Office's web view");
  return hints;
}

export function isInFrame(win: { top: unknown; self: unknown }): boolean {
  try {
    return win.top !== win.self;
  } catch {
    return true;
  }
}
