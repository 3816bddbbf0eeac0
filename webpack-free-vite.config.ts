import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import { httpsOptions } from "./addin/build/https-options.js";
import { officeJs } from "./addin/build/office-js-plugin.js";

const projectRoot = fileURLToPath(new URL(".", import.meta.url));
const addinRoot = resolve(projectRoot, "addin");

// The add-in: task pane and commands page from addin/, icons from addin/assets/ at the site root,
// the engine in a module worker, sql.js's wasm as a hashed asset. Production builds (`npm run
// build`) load office.js from Microsoft's CDN; every other mode serves the local copy.
export default defineConfig(({ mode }) => {
  const https = mode === "test" ? undefined : httpsOptions();
  return {
    root: addinRoot,
    publicDir: resolve(addinRoot, "assets"),
    base: "/",
    plugins: [officeJs({ source: mode === "production" ? "cdn" : "local" })],
    build: {
      outDir: resolve(projectRoot, "dist"),
      emptyOutDir: true,
      target: "es2022",
      chunkSizeWarningLimit: 2048,
      rolldownOptions: {
        input: {
          taskpane: resolve(addinRoot, "taskpane.html"),
          commands: resolve(addinRoot, "commands.html"),
        },
      },
    },
    worker: { format: "es" as const },
    server: { port: 3000, strictPort: true, ...(https ? { https } : {}) },
    preview: { port: 3000, strictPort: true, ...(https ? { https } : {}) },
    test: {
      root: projectRoot,
      include: ["test/**/*.test.ts"],
      environment: "node",
      testTimeout: 60_000,
      pool: "forks",
      // CI also writes a JSON report, from which .ci/run prints a plain "N passed, M failed" line.
      reporters: process.env.LEDGERPANE_TEST_REPORT ? ["default", "json"] : ["default"],
      outputFile: process.env.LEDGERPANE_TEST_REPORT
        ? { json: process.env.LEDGERPANE_TEST_REPORT }
        : undefined,
    },
  };
});
