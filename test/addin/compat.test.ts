import { Parser } from "acorn";
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

/**
 * The classic compatibility script of taskpane.html, loaded as a browser would: not as a module.
 * Its one pure function takes a capabilities object, so every old webview can be played here.
 */
const source = readFileSync(new URL("../../addin/assets/compat-check.js", import.meta.url), "utf8");

interface Caps {
  moduleScripts: boolean;
  moduleWorkers: boolean;
  webAssembly: boolean;
  compressionStream: boolean;
  compressionFallback?: boolean;
  userAgent: string;
}
interface Compat {
  assess(caps: Caps): { missing: string[]; message: string } | null;
  detect(win: unknown): Caps;
  COMPRESSION_FALLBACK: boolean;
}

function load(globals: Record<string, unknown> = {}): Record<string, unknown> & { ledgerpaneCompat: Compat } {
  const sandbox: Record<string, unknown> = { ...globals };
  sandbox.window = sandbox;
  runInNewContext(source, sandbox);
  return sandbox as Record<string, unknown> & { ledgerpaneCompat: Compat };
}
const { assess } = load().ledgerpaneCompat;

const UA = {
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  safariMac163:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.3 Safari/605.1.15",
  ipadWebview:
    "Mozilla/5.0 (iPad; CPU OS 16_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
  webview2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
};
const everything: Caps = {
  moduleScripts: true,
  moduleWorkers: true,
  webAssembly: true,
  compressionStream: true,
  userAgent: UA.webview2,
};

describe("compatibility check (classic script)", () => {
  it("is plain ES5, so Internet Explorer 11 can parse it", () => {
    expect(() => Parser.parse(source, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  it("lets a current WebView2 (and Chromium) start the bundle", () => {
    expect(assess(everything)).toBeNull();
  });

  it("tells Office on Windows with Internet Explorer 11 to update Office and Windows", () => {
    const r = assess({
      moduleScripts: false,
      moduleWorkers: false,
      webAssembly: false,
      compressionStream: false,
      userAgent: UA.ie11,
    });
    expect(r!.missing).toEqual([
      "JavaScript modules",
      "module workers",
      "WebAssembly",
      "CompressionStream (gzip)",
    ]);
    expect(r!.message).toMatch(/^Ledgerpane cannot run here: this Office lacks JavaScript modules, /);
    expect(r!.message).toContain("Internet Explorer 11. Update Office (Microsoft 365, or Office 2021");
    expect(r!.message).toContain("and Windows");
  });

  it("tells Office on Windows with EdgeHTML to update Office and Windows", () => {
    const r = assess({ ...everything, moduleScripts: false, moduleWorkers: false, userAgent: UA.edgeHtml });
    expect(r!.missing).toEqual(["JavaScript modules", "module workers"]);
    expect(r!.message).toContain("old Microsoft Edge (EdgeHTML). Update Office");
  });

  it("tells a Mac with Safari before 16.4 to update macOS", () => {
    const r = assess({ ...everything, compressionStream: false, userAgent: UA.safariMac163 });
    expect(r!.missing).toEqual(["CompressionStream (gzip)"]);
    expect(r!.message).toContain(
      "This macOS has Safari 16.3; Ledgerpane needs Safari 16.4 or later. Update macOS",
    );
  });

  it("tells an iPad whose webview lacks CompressionStream to update iPadOS", () => {
    const r = assess({ ...everything, compressionStream: false, userAgent: UA.ipadWebview });
    expect(r!.message).toContain(
      "This iPadOS has Safari 16.2; Ledgerpane needs Safari 16.4 or later. Update iPadOS",
    );
  });

  it("accepts a compression fallback in place of CompressionStream", () => {
    expect(assess({ ...everything, compressionStream: false, compressionFallback: true })).toBeNull();
  });

  it("detects capabilities from the window it runs in", () => {
    class ModuleWorker {
      constructor(_url: string, options: { type?: string }) {
        void options.type;
      }
      terminate() {}
    }
    class OldWorker {
      terminate() {}
    }
    const modern = load().ledgerpaneCompat.detect({
      HTMLScriptElement: { prototype: { noModule: false } },
      Worker: ModuleWorker,
      WebAssembly: { instantiate: () => undefined },
      CompressionStream: class {},
      DecompressionStream: class {},
      navigator: { userAgent: UA.webview2 },
    });
    expect(modern).toEqual({ ...everything, compressionFallback: false });
    const old = load().ledgerpaneCompat.detect({
      HTMLScriptElement: { prototype: {} },
      Worker: OldWorker,
      navigator: { userAgent: UA.ie11 },
    });
    expect(old).toEqual({
      moduleScripts: false,
      moduleWorkers: false,
      webAssembly: false,
      compressionStream: false,
      compressionFallback: false,
      userAgent: UA.ie11,
    });
  });

  it("replaces 'Starting Ledgerpane…' with the message when something is missing", () => {
    const removed: unknown[] = [];
    const inserted: { id?: string; textContent?: string; attrs: Record<string, string> }[] = [];
    const boot = { parentNode: { removeChild: (n: unknown) => removed.push(n) } };
    const document = {
      body: { firstChild: null, insertBefore: (n: (typeof inserted)[number]) => inserted.push(n) },
      getElementById: (id: string) => (id === "app" ? { querySelector: () => boot } : null),
      createElement: () => {
        const el = {
          attrs: {} as Record<string, string>,
          setAttribute: (k: string, v: string) => (el.attrs[k] = v),
        };
        return el;
      },
      addEventListener: () => {},
    };
    const win = load({
      document,
      navigator: { userAgent: UA.ie11 },
      HTMLScriptElement: { prototype: {} },
    });
    expect(removed).toEqual([boot]);
    expect(inserted).toHaveLength(1);
    expect(inserted[0]!.attrs.role).toBe("alert");
    expect(inserted[0]!.textContent).toMatch(
      /^Ledgerpane cannot run here: this Office lacks JavaScript modules/,
    );
    expect(win.ledgerpaneCompatProblem).toBeTruthy();
  });

  it("leaves the page alone where everything is there", () => {
    const document = {
      body: {
        insertBefore: () => {
          throw new Error("nothing should be shown");
        },
      },
    };
    const win = load({
      document,
      navigator: { userAgent: UA.webview2 },
      HTMLScriptElement: { prototype: { noModule: false } },
      Worker: class {
        constructor(_u: string, o: { type?: string }) {
          void o.type;
        }
        terminate() {}
      },
      WebAssembly: { instantiate: () => undefined },
      CompressionStream: class {},
      DecompressionStream: class {},
    });
    expect(win.ledgerpaneCompatProblem).toBeUndefined();
  });
});
