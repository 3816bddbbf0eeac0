import { createReadStream, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join, normalize, sep } from "node:path";
import type { Connect, Plugin } from "vite";

/**
 * Where the pages load office.js from. Production builds use Microsoft's CDN (AppSource requires
 * it); the dev server, `npm start` and the tests serve the copy in @microsoft/office-js so that
 * everything works offline. office.js loads host files and `o15apptofilemappingtable.js` and
 * `en-us/` from beside itself, so the whole dist folder is served, not just office.js.
 */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const OFFICE_JS_LOCAL = "/office-js/office.js";

export function officeJsDist(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".html": "text/html; charset=utf-8",
  ".png": "image/png",
  ".gif": "image/gif",
};

function serveOfficeJs(root: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = (req.url ?? "").split("?")[0]!;
    if (!url.startsWith("/office-js/")) return next();
    const file = normalize(join(root, decodeURIComponent(url.slice("/office-js/".length))));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end("Not found");
      return;
    }
    res.setHeader("Content-Type", TYPES[extname(file).toLowerCase()] ?? "application/octet-stream");
    res.setHeader("Cache-Control", "public, max-age=3600");
    createReadStream(file).pipe(res);
  };
}

export function officeJs(options: { source: "cdn" | "local" }): Plugin {
  const src = options.source === "cdn" ? OFFICE_JS_CDN : OFFICE_JS_LOCAL;
  return {
    name: "ledgerpane-office-js",
    transformIndexHtml(html) {
      return html.replace("<!-- office.js -->", `<script src="${src}"></script>`);
    },
    configureServer(server) {
      server.middlewares.use(serveOfficeJs(officeJsDist()));
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveOfficeJs(officeJsDist()));
    },
  };
}
