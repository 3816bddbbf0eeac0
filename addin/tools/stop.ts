/**
 * `npm stop`: ends what `npm start` began. With office-addin-debugging (Windows, Mac) that is its
 * own stop (unregisters the add-in, ends the dev server); otherwise the server whose process id
 * `npm start` recorded, and only that process.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { debuggingCli, excelDesktopPlatform, manifestPath, pidFile, projectRoot } from "./tool-paths.js";

const cli = debuggingCli();
if (cli && excelDesktopPlatform())
  spawnSync(process.execPath, [cli, "stop", manifestPath], { stdio: "inherit", cwd: projectRoot });

const file = pidFile();
if (existsSync(file)) {
  const pid = Number(readFileSync(file, "utf8").trim());
  rmSync(file, { force: true });
  try {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the Ledgerpane server (process ${pid}).`);
  } catch {
    console.log("The Ledgerpane server was not running any more.");
  }
} else if (!cli || !excelDesktopPlatform())
  console.log("No Ledgerpane server started by `npm start` is running.");
