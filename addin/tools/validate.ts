/**
 * `npm run validate`: Microsoft's manifest validator, which needs its online service. When that
 * service cannot be reached (offline machines, CI without internet) the offline structural check
 * runs instead and says so.
 */
import { spawnSync } from "node:child_process";
import { manifestPath, projectRoot } from "./tool-paths.js";

const online = spawnSync("npx", ["office-addin-manifest", "validate", manifestPath], {
  cwd: projectRoot,
  encoding: "utf8",
  shell: process.platform === "win32",
});
const out = `${online.stdout ?? ""}${online.stderr ?? ""}`;
const unreachable = /Unable to contact|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|fetch failed/i.test(out);
if (!unreachable) {
  process.stdout.write(out);
  process.exit(/is valid/i.test(out) ? 0 : 1);
}
console.log("The online manifest validator is unreachable; running the offline structural check instead.");
const offline = spawnSync(
  "npx",
  ["vitest", "run", "--config", "webpack-free-vite.config.ts", "test/addin/manifest.test.ts"],
  {
    cwd: projectRoot,
    stdio: "inherit",
    shell: process.platform === "win32",
  },
);
process.exit(offline.status ?? 1);
