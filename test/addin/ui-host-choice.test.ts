import { describe, expect, it } from "vitest";
import { chooseHost, isInFrame, officeHostHints } from "../../addin/standalone/host-choice.js";

/** Issue 6, item 12: the standalone demo (browser storage) never starts inside an Office host. */
describe("choosing between Excel and the standalone page", () => {
  const plain = { officeLoaded: true, inFrame: false, hostHints: [] as string[] };

  it("uses Excel when Office.onReady answers Excel, however it is framed", () => {
    expect(chooseHost({ ...plain, inFrame: true, ready: { host: "Excel" } })).toEqual({ kind: "excel" });
  });

  it("keeps waiting when Office is slow inside a host frame or a webview, instead of falling back", () => {
    expect(chooseHost({ ...plain, inFrame: true, ready: "pending" }).kind).toBe("wait");
    expect(
      chooseHost({ ...plain, hostHints: ["the page runs in a WebView2 control"], ready: "pending" }).kind,
    ).toBe("wait");
  });

  it("falls back only on a top-level plain browser page", () => {
    expect(chooseHost({ ...plain, ready: "pending" })).toEqual({ kind: "standalone" });
    expect(chooseHost({ ...plain, ready: { host: null } })).toEqual({ kind: "standalone" });
    expect(chooseHost({ ...plain, officeLoaded: false, ready: "pending" })).toEqual({ kind: "standalone" });
  });

  it("refuses inside another Office host or when office.js is missing inside a host", () => {
    expect(chooseHost({ ...plain, ready: { host: "Word" } }).kind).toBe("refuse");
    expect(chooseHost({ ...plain, officeLoaded: false, inFrame: true, ready: "pending" }).kind).toBe(
      "refuse",
    );
  });

  it("reads Office's URL parameter and the webviews as host hints, and a cross-origin top as a frame", () => {
    expect(officeHostHints({ location: { search: "?_host_Info=Excel$Win32$16.01$en-US" } })).toHaveLength(1);
    expect(officeHostHints({ chrome: { webview: {} } })).toHaveLength(1);
    expect(officeHostHints({ webkit: { messageHandlers: {} } })).toHaveLength(1);
    expect(officeHostHints({ location: { search: "?demo=1" } })).toEqual([]);
    const crossOrigin = {
      self: {},
      get top(): unknown {
        throw new Error("SecurityError");
      },
    };
    expect(isInFrame(crossOrigin)).toBe(true);
    const w = { top: null as unknown, self: null as unknown };
    w.top = w.self = w;
    expect(isInFrame(w)).toBe(false);
  });
});
