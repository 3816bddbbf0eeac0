/*
 * Ledgerpane's compatibility check. A classic script in ES5 on purpose: it must run in the webviews
 * that cannot parse the ES2022 module bundle (Internet Explorer 11 and EdgeHTML in older Office on
 * Windows) and tell the user what to update, instead of "Starting Ledgerpane…" forever.
 * The logic is one pure function, `assess(capabilities)`, unit-tested in test/addin/compat.test.ts.
 */
/* global window */
(function (root) {
  "use strict";

  // The bundle packs the books with CompressionStream and has no fallback of its own yet; when it
  // gets one, this becomes true and a missing CompressionStream stops being a blocker.
  var COMPRESSION_FALLBACK = false;

  var NEEDS = [
    { key: "moduleScripts", what: "JavaScript modules" },
    { key: "moduleWorkers", what: "module workers" },
    { key: "webAssembly", what: "WebAssembly" },
    { key: "compression", what: "CompressionStream (gzip)" },
  ];

  function safariVersion(ua) {
    if (!/AppleWebKit/.test(ua) || /Chrome|Chromium|CriOS|Edg|Android/.test(ua)) return null;
    var m = /Version\/(\d+)(?:\.(\d+))?/.exec(ua);
    if (m) return { major: Number(m[1]), minor: Number(m[2] || 0) };
    // Office's webview on Mac and iPad is WKWebView: no "Version/", but the OS version tells Safari's.
    var os = /(?:OS|Mac OS X) (\d+)[_.](\d+)/.exec(ua);
    return os && /iPhone|iPad|iPod/.test(ua) ? { major: Number(os[1]), minor: Number(os[2]) } : null;
  }

  function whatToUpdate(ua) {
    if (/Trident\/|MSIE /.test(ua))
      return (
        "Office is showing add-ins with Internet Explorer 11. Update Office (Microsoft 365, or Office 2021 " +
        "or later) and Windows, so that add-ins run in Microsoft Edge WebView2."
      );
    if (/Edge\/\d+/.test(ua))
      return (
        "Office is showing add-ins with the old Microsoft Edge (EdgeHTML). Update Office (Microsoft 365, or " +
        "Office 2021 or later) and Windows, so that add-ins run in Microsoft Edge WebView2."
      );
    var safari = safariVersion(ua);
    if (safari) {
      var device = /iPad|iPhone|iPod/.test(ua) ? "iPadOS" : "macOS";
      return (
        "This " +
        device +
        " has Safari " +
        safari.major +
        "." +
        safari.minor +
        "; Ledgerpane needs Safari 16.4 or " +
        "later. Update " +
        device +
        " (System Settings › General › Software Update), then reopen Excel."
      );
    }
    return "Update this browser (or Office) to a current version, then reopen Ledgerpane.";
  }

  /**
   * capabilities: { moduleScripts, moduleWorkers, webAssembly, compressionStream, userAgent } and
   * optionally compressionFallback. Returns null when the bundle can run, else what is missing and
   * what to update.
   */
  function assess(caps) {
    var have = {
      moduleScripts: !!caps.moduleScripts,
      moduleWorkers: !!caps.moduleWorkers,
      webAssembly: !!caps.webAssembly,
      compression: !!caps.compressionStream || !!caps.compressionFallback,
    };
    var missing = [];
    for (var i = 0; i < NEEDS.length; i++) if (!have[NEEDS[i].key]) missing.push(NEEDS[i].what);
    if (missing.length === 0) return null;
    var ua = String(caps.userAgent || "");
    return {
      missing: missing,
      message:
        "Ledgerpane cannot run here: this " +
        (/Trident\/|MSIE |Edge\/\d+/.test(ua) ? "Office" : "browser") +
        " lacks " +
        missing.join(", ") +
        ". " +
        whatToUpdate(ua),
    };
  }

  function moduleWorkers(win) {
    if (typeof win.Worker !== "function") return false;
    // A browser that knows module workers reads the options' `type`; an older one never looks.
    var asked = false;
    var options = {};
    try {
      Object.defineProperty(options, "type", {
        get: function () {
          asked = true;
          return "module";
        },
      });
      new win.Worker("data:text/javascript,", options).terminate();
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
    } catch (e) {
      // Refusing the data: URL is fine: the question is only whether `type` was read.
    }
    return asked;
  }

  function detect(win) {
    var script = win.HTMLScriptElement;
    return {
      moduleScripts: !!script && "noModule" in script.prototype,
      moduleWorkers: moduleWorkers(win),
      webAssembly: typeof win.WebAssembly === "object" && typeof win.WebAssembly.instantiate === "function",
      compressionStream:
        typeof win.CompressionStream === "function" && typeof win.DecompressionStream === "function",
      compressionFallback: COMPRESSION_FALLBACK,
      userAgent: (win.navigator && win.navigator.userAgent) || "",
    };
  }

  /** Puts the message above the pane, so it stays even when the bundle starts and redraws #app. */
  function show(doc, result) {
    var note = doc.createElement("div");
    note.id = "compat";
    note.setAttribute("role", "alert");
    note.className = "compat";
    note.textContent = result.message;
    var app = doc.getElementById("app");
    var boot = app && app.querySelector ? app.querySelector(".boot") : null;
    if (boot) boot.parentNode.removeChild(boot);
    doc.body.insertBefore(note, doc.body.firstChild);
  }

  root.ledgerpaneCompat = { assess: assess, detect: detect, COMPRESSION_FALLBACK: COMPRESSION_FALLBACK };

  if (root.document && root.navigator) {
    var result = assess(detect(root));
    if (result) {
      root.ledgerpaneCompatProblem = result;
      if (root.document.body) show(root.document, result);
      else
        root.document.addEventListener("DOMContentLoaded", function () {
          show(root.document, result);
        });
    }
  }
})(typeof window !== "undefined" ? window : globalThis);
