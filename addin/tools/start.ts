/**
 * `npm start`: build and serve Ledgerpane. Where Excel desktop exists (Windows, Mac) and
 * office-addin-debugging is installed, it runs the HTTPS dev server and sideloads the add-in into
 * Excel. Elsewhere it builds, serves the add-in on port 3000, and says where the standalone page is
 * and how to sideload into Excel on the web.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { build, preview } from "vite";
import {
  PORT,
  configFile,
  debuggingCli,
  excelDesktopPlatform,
  manifestPath,
  pidFile,
  projectRoot,
} from "./tool-paths.js";

function devCertsPresent(): boolean {
  const dir = join(homedir(), ".office-addin-dev-certs");
  return existsSync(join(dir, "localhost.crt")) && existsSync(join(dir, "localhost.key"));
}

function sideloadIntoExcel(cli: string): void {
  if (!devCertsPresent()) {
    console.log("Excel desktop loads add-ins over HTTPS only; creating a trusted localhost certificate once");
    console.log("(office-addin-dev-certs asks for administrator rights).");
    const r = spawnSync("npx", ["office-addin-dev-certs", "install"], {
      stdio: "inherit",
      shell: true,
      cwd: projectRoot,
    });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const child = spawn(
    process.execPath,
    [
      cli,
      "start",
      manifestPath,
      "desktop",
      "--app",
      "excel",
      "--dev-server",
      "npm run dev-server",
      "--dev-server-port",
      String(PORT),
    ],
    { stdio: "inherit", cwd: projectRoot, env: { ...process.env, LEDGERPANE_HTTPS: "1" } },
  );
  child.on("exit", (code) => process.exit(code ?? 0));
}

async function serveHere(): Promise<void> {
  const https = process.env.LEDGERPANE_HTTPS === "1";
  console.log("Building Ledgerpane…");
  await build({ configFile, mode: "development", logLevel: "warn" });
  const server = await preview({
    configFile,
    mode: "development",
    logLevel: "warn",
    preview: { port: PORT, strictPort: true },
  });
  const file = pidFile();
  writeFileSync(file, String(process.pid));
  const stop = () => {
    rmSync(file, { force: true });
    server.httpServer.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  const base = `${https ? "https" : "http"}://localhost:${PORT}`;
  const why = excelDesktopPlatform()
    ? "office-addin-debugging is not installed (it is optional), so nothing was sideloaded."
    : `Excel desktop does not run on ${process.platform}, so nothing was sideloaded.`;
  console.log(`
Ledgerpane is running.

  Standalone page (no Excel needed):  ${base}/taskpane.html
  Stop it: Ctrl+C here, or \`npm stop\` from another terminal.

${why}
To use Ledgerpane in Excel on the web:
  1. Once: npx office-addin-dev-certs install      (a trusted localhost certificate; asks for admin rights)
  2. LEDGERPANE_HTTPS=1 npm start                   (serves https://localhost:${PORT})
  3. In Excel on the web, open a workbook: Home > Add-ins > More Add-ins > Upload My Add-in,
     and choose ${manifestPath}
${https ? "" : "\n(This server speaks plain HTTP: fine for the standalone page, not for Excel.)\n"}`);
}

const cli = debuggingCli();
if (cli && excelDesktopPlatform() && process.env.LEDGERPANE_NO_SIDELOAD !== "1") sideloadIntoExcel(cli);
else
  serveHere().catch((e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    console.error(
      /EADDRINUSE|already in use/i.test(message)
        ? `Port ${PORT} is in use: is Ledgerpane already running? Stop it with \`npm stop\`.`
        : `Ledgerpane could not start: ${message}`,
    );
    process.exit(1);
  });
