import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
export const configFile = join(projectRoot, "webpack-free-vite.config.ts");
export const manifestPath = join(projectRoot, "manifest.xml");
export const PORT = 3000;

/** Where `npm start` leaves the id of the server it runs, so `npm stop` can end exactly that one. */
export function pidFile(): string {
  const dir = join(projectRoot, "node_modules", ".cache", "ledgerpane");
  mkdirSync(dir, { recursive: true });
  return join(dir, "server.pid");
}

/**
 * office-addin-debugging is an optional dependency: on machines where its native keytar build
 * cannot be installed (Linux without libsecret) npm leaves it out, and there it could not sideload
 * anyway. Its presence is what `start` and `stop` go by.
 */
export function debuggingCli(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve("office-addin-debugging/package.json");
    const cli = join(pkg, "..", "cli.js");
    return existsSync(cli) ? cli : null;
  } catch {
    return null;
  }
}

export function excelDesktopPlatform(): boolean {
  return process.platform === "win32" || process.platform === "darwin";
}
