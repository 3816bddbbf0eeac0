import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, preview, type PreviewServer } from "vite";

const projectRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
const configFile = join(projectRoot, "webpack-free-vite.config.ts");

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export interface ServedAddin {
  url: string;
  close(): Promise<void>;
}

/**
 * Builds the add-in (office.js served locally, as for `npm start`) into a temporary folder and
 * serves it with Vite's preview server on a free localhost port.
 */
export async function buildAndServe(): Promise<ServedAddin> {
  const outDir = mkdtempSync(join(tmpdir(), "ledgerpane-e2e-"));
  await build({ configFile, mode: "test", logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server: PreviewServer = await preview({
    configFile,
    mode: "test",
    logLevel: "warn",
    build: { outDir },
    preview: { port, host: "127.0.0.1", strictPort: true, open: false },
  });
  return {
    url: `http://127.0.0.1:${port}/taskpane.html`,
    async close() {
      await new Promise<void>((done) => server.httpServer.close(() => done()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
